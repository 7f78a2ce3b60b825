// A crash inside a template expression is logged with the template's own file, line and column
// (compiled templates carry source maps), and ends that view only.
import "../../runtime/register.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView } from "../../runtime/server/index.ts";
import { MemoryLogger } from "../../runtime/server/log.ts";
import { mountView } from "../../runtime/test/index.ts";

const template = (await import("./fixtures/fragile-profile.live.html")).default as Parameters<typeof defineView>[0]["render"];

const ProfileView = defineView<{ user: { name: string } | null }>({
  name: "ProfileView",
  mount(_params, _session, socket) {
    socket.assign({ user: { name: "Ann" } });
  },
  handleEvent(event, _value, socket) {
    if (event === "sign-out") socket.assign({ user: null });
  },
  render: template,
});

const crash = suite("crash location");

crash("an error thrown by a template expression names the .live.html line and column", async () => {
  const logger = new MemoryLogger();
  const view = await mountView(ProfileView, { logger });
  assert.match(view.html(), /Hello Ann/);
  await view.click({ event: "sign-out" }).catch(() => undefined);
  const logged = logger.messages.filter((m) => m.level === "error").map((m) => m.message);
  assert.ok(
    logged.some((m) => /fragile-profile\.live\.html:5:\d+/.test(m)),
    `expected the template location in the crash log, got:\n${logged.join("\n")}`,
  );
});

crash.run();
