// Forms and URL patches in Chromium with each client, on compiled templates: a form
// validates as the user types and saves on submit; pagination moves through the URL with
// pushPatch and patch links, and the back button walks the history without reloading.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { SignupView, savedNames } = await import("./fixtures/signup.ts");
const { ItemsView, paramsLog } = await import("./fixtures/items.ts");

const e2e = browserSuite("forms and patches in Chromium", [live("/signup", SignupView), live("/items", ItemsView)], {
  before: () => {
    savedNames.length = 0;
  },
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

e2e("phx-change shows the error while typing, keeping focus and value; phx-submit saves", async (ctx) => {
  const { page, app } = ctx;
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/signup"));
  assert.is(await page.locator("#name-error").count(), 0, "no error before typing");

  await page.click("#name");
  await page.keyboard.type("ab", { delay: 20 });
  await waitForText(page, "#name-error", "Name must be at least 3 characters");
  assert.is(await page.inputValue("#name"), "ab");
  assert.is(await focusedId(page), "name", "the input keeps focus across patches");

  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("form.phx-submit-loading"), undefined, { timeout: 3000 });
  assert.is(await page.textContent("#name-error"), "Name must be at least 3 characters", "an invalid submit keeps the error");
  assert.is(await page.locator("#saved").count(), 0);

  await page.keyboard.type("cd", { delay: 20 });
  await page.waitForSelector("#name-error", { state: "detached", timeout: 3000 });
  assert.is(await page.inputValue("#name"), "abcd");
  assert.is(await focusedId(page), "name");

  await page.click("#save");
  await waitForText(page, "#saved", "Saved abcd");
  assert.is(await page.inputValue("#name"), "", "the saved form is cleared");
  assert.equal(savedNames, ["abcd"]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

const items = (page: Page) => page.$$eval("#item-list .item", (els) => els.map((e) => e.textContent));

e2e("pagination through pushPatch and patch links; back and forward run handleParams", async (ctx) => {
  const { page, app } = ctx;
  const errors = await openLive(page, app.url("/items"));
  // A full page load would drop this marker: patches must not reload the page.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  paramsLog.length = 0;
  assert.is(await page.textContent("#page"), "Page 1 of 4");
  assert.equal(await items(page), ["Item 1", "Item 2", "Item 3"]);

  await page.click("#next");
  await waitForText(page, "#page", "Page 2 of 4");
  assert.ok(page.url().endsWith("/items?page=2"), page.url());
  assert.equal(await items(page), ["Item 4", "Item 5", "Item 6"]);

  await page.click("#next-link");
  await waitForText(page, "#page", "Page 3 of 4");
  assert.ok(page.url().endsWith("/items?page=3"), page.url());
  assert.equal(await items(page), ["Item 7", "Item 8", "Item 9"]);

  await page.goBack();
  await waitForText(page, "#page", "Page 2 of 4");
  assert.ok(page.url().endsWith("/items?page=2"), page.url());
  await page.goBack();
  await waitForText(page, "#page", "Page 1 of 4");
  assert.ok(page.url().endsWith("/items"), page.url());
  assert.is(await page.locator("#prev").count(), 0, "no previous link on the first page");
  await page.goForward();
  await waitForText(page, "#page", "Page 2 of 4");
  assert.equal(await items(page), ["Item 4", "Item 5", "Item 6"]);

  assert.equal(paramsLog, [2, 3, 2, 1, 2], "handleParams ran for every URL change");
  assert.is(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, "no page reload");
  assert.equal(errors, []);
});

e2e.run();
