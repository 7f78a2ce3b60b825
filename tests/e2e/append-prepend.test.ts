// The deprecated phx-update="append" and "prepend" in Chromium, with each client: the entries a
// render sends are added after (or, in their order, before) those on the page, an entry whose DOM
// id is on the page replaces it where it stands, and entries the server no longer sends stay.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { ChatLogView } = await import("./fixtures/chat-log.ts");

const e2e = browserSuite("phx-update append and prepend in Chromium", [live("/chat", ChatLogView)]);

const texts = (page: import("playwright-core").Page, list: string) => page.locator(`#${list} li`).allTextContents();
const ids = (page: import("playwright-core").Page, list: string) => page.locator(`#${list} li`).evaluateAll((els) => els.map((el) => el.id));

e2e("new entries are appended or prepended, edited ones replaced in place, old ones kept", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/chat"));
  assert.equal(await texts(page, "appended"), ["one", "two"]);
  assert.equal(await texts(page, "prepended"), ["one", "two"]);

  await page.click("#add");
  await waitForText(page, "#count", "4");
  assert.equal(await texts(page, "appended"), ["one", "two", "m3", "m4"]);
  assert.equal(await texts(page, "prepended"), ["m3", "m4", "one", "two"], "prepended as a block, in their order");

  const mark = await page.evaluate(() => (document.getElementById("a-2")!.dataset.mark = "kept"));
  await page.click("#edit");
  await waitForText(page, "#a-1", "one, edited");
  assert.equal(await ids(page, "appended"), ["a-1", "a-2", "a-3", "a-4"], "the edited entry stays where it was");
  assert.equal(await texts(page, "prepended"), ["m3", "m4", "one, edited", "two"]);
  assert.is(await page.getAttribute("#a-2", "data-mark"), mark, "entries not sent again are left alone");

  await page.click("#add");
  await waitForText(page, "#count", "6");
  assert.equal(await texts(page, "appended"), ["one, edited", "two", "m3", "m4", "m5", "m6"]);
  assert.equal(await texts(page, "prepended"), ["m5", "m6", "m3", "m4", "one, edited", "two"]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
