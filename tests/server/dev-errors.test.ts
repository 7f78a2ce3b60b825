// In development a view's crash is pushed to the page as the event `livehtml:error` (before the
// client is told the view failed): message, callback, template line:column with a code frame,
// stack. Outside development nothing is pushed.
import "../../runtime/register.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ProfileView } from "./fixtures/profile-view.ts";
import type { ErrorReport } from "../../runtime/server/dev-errors.ts";
import { MemoryLogger } from "../../runtime/server/log.ts";
import { mountView } from "../../runtime/test/index.ts";


const devErrors = suite("development errors");
const nodeEnv = process.env.NODE_ENV;

devErrors.after.each(() => {
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
});

async function crashReports(event: string): Promise<ErrorReport[]> {
  const view = await mountView(ProfileView, { logger: new MemoryLogger() });
  await view.click({ event }).catch(() => undefined);
  assert.ok(view.crashed, "the view crashed");
  return view.pushedEvents.filter(([name]) => name === "livehtml:error").map(([, report]) => report as ErrorReport);
}

devErrors("a template crash reports its template line:column, a code frame and the stack", async () => {
  process.env.NODE_ENV = "development";
  const [report, ...rest] = await crashReports("sign-out");
  assert.equal(rest, []);
  assert.ok(report, "one livehtml:error event");
  assert.is(report!.view, "ProfileView");
  assert.match(report!.message, /null|undefined/);
  assert.match(report!.location ?? "", /fragile-profile\.live\.html:5:\d+$/);
  assert.match(report!.frame ?? "", /^\s*5 \| .*\n\s+\| +\^/m);
  assert.match(report!.stack ?? "", /fragile-profile\.live\.html:5/);
});

devErrors("a crash in handleEvent names the callback and the event", async () => {
  process.env.NODE_ENV = "development";
  const [report] = await crashReports("boom");
  assert.is(report?.message, "boom on purpose");
  assert.match(report?.where ?? "", /handleEvent.*boom/);
});

devErrors("outside development nothing is pushed", async () => {
  process.env.NODE_ENV = "production";
  assert.equal(await crashReports("boom"), []);
});

devErrors.run();
