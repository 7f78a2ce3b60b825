// Async work in Chromium, with each client: the page shows the loading states (over HTTP and
// after the join), the view answers clicks while the work runs, and the results replace the
// loading states: an assignAsync through <.asyncResult>, a streamAsync's items, and a
// component's own assignAsync.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { AsyncView, source } = await import("./fixtures/async.ts");

const e2e = browserSuite("async work in Chromium", [live("/async", AsyncView)]);

e2e("loading states until the sources answer; clicks go on meanwhile; then the results, streamed items included", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/async"));
  await waitForText(page, "#org-loading", "Loading the organisation…");
  await waitForText(page, "#bio-loading", "Loading the bio…");
  await waitForText(page, "#songs-loading", "Loading songs…");
  await page.click("#ping");
  await waitForText(page, "#clicks", "1");
  // The connected mount's work waits on the source (the HTTP render started none).
  for (let i = 0; i < 100 && source.waiting < 3; i++) await new Promise((r) => setTimeout(r, 20));
  source.release();
  await waitForText(page, "#org", "Analytical Engines");
  await waitForText(page, "#bio", "Likes engines");
  await page.waitForSelector("#songs-loading", { state: "detached", timeout: 3000 });
  assert.equal(await page.locator("#songs li").allTextContents(), ["One", "Two"]);
  await page.click("#more");
  await waitForText(page, "#songs-3", "Three");
  assert.equal(await page.locator("#songs li").allTextContents(), ["One", "Two", "Three"], "the client keeps the items already streamed");
  assert.is(await page.locator("#org-loading").count(), 0);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
