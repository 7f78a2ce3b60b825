// attachHook in Chromium with each client: a handleEvent hook sees every click and halts some
// (one silently, one with a reply the page's JS hook receives), a handleInfo hook serves a
// message before the view, a handleParams hook sees the params of each live patch (links, the
// back button, the view's pushPatch), and an afterRender hook's assign travels with the next
// render.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { HookedView, hookLog } = await import("./fixtures/hooked.ts");

// Asks the server to double 21 and keeps the answer where the test can read it.
const HEAD = `window.testHooks = { Asker: { mounted() { this.el.addEventListener("click", () => this.pushEvent("double", { n: 21 }, (reply) => { window.answer = reply.doubled; })); } } };`;

const e2e = browserSuite("attachHook in Chromium", [live("/hooked", HookedView)], {
  head: HEAD,
  before: () => void (hookLog.length = 0),
});

e2e("handleEvent hooks see every click and halt some; a halt may reply; afterRender's assign goes with the next render", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/hooked"));
  assert.is(await page.textContent("#renders"), "0", "the join's render was the first");
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  await waitForText(page, "#audit", "inc");
  assert.is(await page.textContent("#renders"), "1", "counted after the join's render, sent with the click's");

  await page.click("#locked");
  await waitForText(page, "#audit", "inc locked");
  assert.is(await page.textContent("#count"), "1", "the halted event never reached the view");
  assert.is(await page.textContent("#renders"), "2");

  await page.click("#ask");
  await page.waitForFunction(() => (window as unknown as { answer?: number }).answer !== undefined, undefined, { timeout: 3000 });
  assert.is(await page.evaluate(() => (window as unknown as { answer?: number }).answer), 42, "the hook's reply reached pushEvent's callback");
  await waitForText(page, "#audit", "inc locked double");
  assert.is(await page.textContent("#count"), "1");

  assert.equal(hookLog.filter((entry) => entry.startsWith("view ") && !entry.startsWith("view params")), ["view inc"], "the view saw only the event no hook halted");
  assert.equal(hookLog.filter((entry) => entry.startsWith("rendered ")), ["rendered count=0", "rendered count=1", "rendered count=1", "rendered count=1"], "one afterRender per render: join, inc, locked, double");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a handleInfo hook serves its message before the view; others reach handleInfo", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  hookLog.length = 0;
  const errors = await openLive(page, app.url("/hooked"));
  await page.click("#ping");
  await waitForText(page, "#pings", "1");
  await page.click("#ping");
  await waitForText(page, "#pings", "2");
  assert.is(await page.textContent("#note-text"), "none");
  await page.click("#note");
  await waitForText(page, "#note-text", "view got note");
  assert.equal(hookLog.filter((entry) => entry.startsWith("view ") && !entry.startsWith("view params")), ["view ping", "view ping", "view note", "view info note"], "the halted pings never reached handleInfo");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a handleParams hook sees the params of each live patch (links, the back button, a server pushPatch), before the view's handleParams", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  hookLog.length = 0;
  const errors = await openLive(page, app.url("/hooked?tab=home"));
  assert.is(await page.textContent("#tab"), "home");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.click("#tab-news");
  await waitForText(page, "#tab", "news");
  assert.ok(page.url().endsWith("/hooked?tab=news"), page.url());
  await page.click("#tab-sports");
  await waitForText(page, "#tab", "sports");
  await page.goBack();
  await waitForText(page, "#tab", "news");
  await page.click("#tab-weather");
  await waitForText(page, "#tab", "weather");
  assert.ok(page.url().endsWith("/hooked?tab=weather"), page.url());
  assert.is(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 7, "live patches: no page load");
  assert.equal(hookLog.filter((entry) => entry.includes("params")), [
    "params /hooked?tab=home", "view params home",
    "params /hooked?tab=news", "view params news",
    "params /hooked?tab=sports", "view params sports",
    "params /hooked?tab=news", "view params news",
    "params /hooked?tab=weather", "view params weather",
  ]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
