// The small built-in components in Chromium with each client: `<.liveTitle>` frames every
// title the view sets (and the default for an empty one), `<.focusWrap>` keeps Tab and
// Shift+Tab inside its container, `<.dynamicTag>` changes its element's tag, and
// `<.intersperse>` puts its separator between the items as they grow.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { WidgetsView, layout } = await import("./fixtures/widgets.ts");

const e2e = browserSuite("built-in widgets in Chromium", [live("/widgets", WidgetsView)], { server: { layout } });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

async function waitForFocus(page: Page, id: string): Promise<void> {
  try {
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 });
  } catch {
    throw new Error(`expected #${id} to have focus, #${await focusedId(page)} has it`);
  }
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  try {
    await page.waitForFunction((want) => document.title === want, title, { timeout: 3000 });
  } catch {
    throw new Error(`expected the title ${JSON.stringify(title)}, it is ${JSON.stringify(await page.title())}`);
  }
}

e2e("liveTitle: the view's title between the prefix and suffix, updated live; the default when empty", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/widgets"));
  assert.is(await page.title(), "Shop · Widgets (beta)");
  await page.click("#rename");
  await waitForTitle(page, "Shop · Renamed (beta)");
  await page.click("#untitle");
  await waitForTitle(page, "Shop · Home (beta)");
  assert.equal(errors, []);
});

e2e("focusWrap: focus starts inside, and Tab and Shift+Tab cycle through the container", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/widgets"));
  await page.click("#open-menu");
  await page.waitForSelector("#menu", { timeout: 3000 });
  await waitForFocus(page, "menu-first");
  await page.keyboard.press("Tab");
  await waitForFocus(page, "menu-link");
  await page.keyboard.press("Tab");
  await waitForFocus(page, "menu-last");
  await page.keyboard.press("Tab");
  await waitForFocus(page, "menu-first");
  await page.keyboard.press("Shift+Tab");
  await waitForFocus(page, "menu-last");
  await page.keyboard.press("Shift+Tab");
  await waitForFocus(page, "menu-link");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("dynamicTag: the element takes the new tag name, keeping its attributes and body", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/widgets"));
  const heading = () => page.$eval("#heading", (el) => [el.tagName, el.className, el.textContent]);
  assert.equal(await heading(), ["H2", "title", "Level h2"]);
  await page.click("#deeper");
  await waitForText(page, "#heading", "Level h3");
  assert.equal(await heading(), ["H3", "title", "Level h3"]);
  assert.is(await page.locator("#widgets h2").count(), 0, "the old element is gone");
  assert.equal(errors, []);
});

e2e("intersperse: the separator between items, never around them, as the list grows", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/widgets"));
  assert.is(await page.textContent("#crumbs"), "Home / Docs");
  await page.click("#add-crumb");
  await waitForText(page, "#crumbs", "Home / Docs / API");
  assert.equal(await page.$$eval("#crumbs > *", (els) => els.map((e) => e.className)), ["crumb", "sep", "crumb", "sep", "crumb"]);
  assert.equal(errors, []);
});

e2e.run();
