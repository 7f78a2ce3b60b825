// A crash inside a template expression is logged with the template's own file, line and column
// (compiled templates carry source maps), and ends that view only.
import "../../runtime/register.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ProfileView } from "./fixtures/profile-view.ts";
import { MemoryLogger } from "../../runtime/server/log.ts";
import { mountView } from "../../runtime/test/index.ts";


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
