import { createServer, live, liveSession, type OnMountHook } from "livehtml/server";
import { AccountView, LoginView, SettingsView, appLayout } from "./views.ts";
import { readCookie, users } from "./users.ts";

const requireUser: OnMountHook = (params, session, socket) => {
  // Over HTTP the request already loaded the user (createServer's `assigns`): reused, not loaded again.
  socket.assignNew("currentUser", () => users.byToken(String(session.userToken)));
  if (!socket.assigns.currentUser) {
    socket.redirect("/login");
    return "halt";
  }
};

export const server = createServer({
  routes: [
    live("/login", LoginView),
    ...liveSession("authenticated", { onMount: requireUser, layout: appLayout }, [
      live("/account", AccountView),
      live("/settings", SettingsView),
    ]),
  ],
  secret: process.env.SECRET_KEY_BASE!,
  session: (req) => ({ userToken: readCookie(req, "user_token") }),
  assigns: (req) => ({ currentUser: users.byToken(readCookie(req, "user_token")) }),
});
