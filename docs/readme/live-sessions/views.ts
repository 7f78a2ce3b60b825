// The views and layout of the live-session sample.
import { defineView } from "livehtml/server";
import accountTemplate from "./account.live.html";
import appLayout from "./app-layout.live.html";
import loginTemplate from "./login.live.html";
import type { User } from "./users.ts";

export { appLayout };

export const LoginView = defineView<Record<string, never>>({ name: "LoginView", template: loginTemplate });
export const AccountView = defineView<{ currentUser: User }>({ name: "AccountView", template: accountTemplate });
export const SettingsView = defineView<{ currentUser: User }>({ name: "SettingsView", template: accountTemplate });
