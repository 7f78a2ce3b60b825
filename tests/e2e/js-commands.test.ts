// JS commands run by each client in Chromium: `JS.push(...).addClass(...)` sends the
// event and changes the class on the client; `JS.show` / `JS.hide` open and close a modal with
// no server round trip; a toggled attribute flips between two values.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { ModalView, modalEvents } = await import("./fixtures/modal.ts");

const e2e = browserSuite("JS commands in Chromium", [live("/modal", ModalView)], {
  before: () => {
    modalEvents.length = 0;
  },
});

e2e("push + addClass: the event reaches the server and the class is added", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/modal"));
  assert.is(await page.getAttribute("#like", "class"), null);
  await page.click("#like");
  await waitForText(page, "#likes", "1");
  assert.is(await page.getAttribute("#like", "class"), "liked");
  assert.equal(modalEvents, ["like"]);
  await page.click("#like");
  await waitForText(page, "#likes", "2");
  assert.is(await page.getAttribute("#like", "class"), "liked", "the client keeps its class across patches");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("show and hide toggle the modal on the client, focus moves into it", async ({ page, app }) => {
  await openLive(page, app.url("/modal"));
  modalEvents.length = 0;
  assert.not.ok(await page.isVisible("#modal"));
  await page.click("#open");
  await page.waitForSelector("#modal", { state: "visible", timeout: 3000 });
  assert.is(await page.evaluate(() => document.getElementById("modal")!.style.display), "flex");
  await page.waitForFunction(() => document.activeElement?.id === "close", undefined, { timeout: 3000 });

  await page.click("#toggle-flag");
  await page.waitForFunction(() => document.getElementById("modal")!.dataset.open === "yes", undefined, { timeout: 3000 });
  await page.click("#toggle-flag");
  await page.waitForFunction(() => document.getElementById("modal")!.dataset.open === "no", undefined, { timeout: 3000 });

  await page.click("#close");
  await page.waitForSelector("#modal", { state: "hidden", timeout: 3000 });
  assert.equal(modalEvents, [], "no event reached the server");
});

e2e.run();
