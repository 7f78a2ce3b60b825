// A view's own startAsync + handleAsync and cancelAsync in Chromium, with each client: the work
// runs while the view answers clicks, a button cancels it, and once the held work finishes its
// results never reach the page. handleAsync gets an exit with the cancel's reason; the
// assignAsync key turns failed with the reason ("cancel" when none is given), its signal aborted.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { JobsView, jobsGate, aborted } = await import("./fixtures/jobs.ts");

const e2e = browserSuite("cancelAsync in Chromium", [live("/jobs", JobsView)], {
  before: () => void aborted.splice(0),
});

e2e("running work leaves the view answering; cancelled, its results never arrive once it ends", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/jobs"));
  await waitForText(page, "#total", "none");
  await page.click("#run");
  await waitForText(page, "#report", "running");
  await waitForText(page, "#total", "loading");
  for (let i = 0; i < 100 && jobsGate.waiting < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.is(jobsGate.waiting, 2, "both works are running, held by the gate");
  await page.click("#ping");
  await page.click("#ping");
  await waitForText(page, "#clicks", "2");
  await waitForText(page, "#report", "running");

  await page.click("#cancel");
  await waitForText(page, "#report", "report exit: stopped by the user");
  await waitForText(page, "#total", "failed: cancel");
  assert.equal(aborted, ["stopped by the user", "cancel"], "each work's signal is aborted with the cancel's reason");

  // The held work now resolves; its results are dropped. A click after it proves the view has
  // handled whatever the release queued before this render.
  jobsGate.release();
  await new Promise((r) => setTimeout(r, 50));
  await page.click("#ping");
  await waitForText(page, "#clicks", "3");
  assert.is(await page.textContent("#report"), "report exit: stopped by the user");
  assert.is(await page.textContent("#total"), "failed: cancel");

  // Run again: new work is not affected by the old cancel, and its result arrives.
  await page.click("#run");
  await waitForText(page, "#total", "loading");
  for (let i = 0; i < 100 && jobsGate.waiting < 2; i++) await new Promise((r) => setTimeout(r, 20));
  jobsGate.release();
  await waitForText(page, "#report", "report ok: the report");
  await waitForText(page, "#total", "total 42");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
