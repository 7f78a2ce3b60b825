// Bindings with each client in Chromium: `phx-click-away` fires for clicks outside its element
// only, `phx-window-keydown` and `phx-keyup` with `phx-key` push only their key, `phx-throttle`
// lets one click of a burst through at once, `phx-debounce` sends one keyup for a burst of
// typing, with the value typed; a hook's `js()` runs commands on its element; a submit sends
// its submitter and shows `phx-disable-with` until the reply.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { BindingsView } = await import("./fixtures/bindings.ts");

// The hook marks its element through js(): a class, an attribute set, one toggled off.
const HEAD = `window.testHooks = { Marked: { mounted() {
  const js = this.js();
  js.addClass(this.el, "marked");
  js.setAttribute(this.el, "data-state", "on");
  js.toggleAttribute(this.el, "data-open", "yes", "no");
  js.removeAttribute(this.el, "title");
} } };`;

const e2e = browserSuite("bindings in Chromium", [live("/bindings", BindingsView)], { head: HEAD });

e2e("click-away fires for clicks outside its element only", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/bindings"));
  await page.click("#inside");
  await page.click("#outside");
  await waitForText(page, "#aways", "1");
  await page.click("#inside");
  await page.click("#outside");
  await waitForText(page, "#aways", "2");
  assert.equal(errors, []);
});

e2e("window and element key bindings push only the key phx-key names", async ({ page, app }) => {
  await openLive(page, app.url("/bindings"));
  await page.keyboard.press("a");
  await page.keyboard.press("Escape");
  await waitForText(page, "#log", "win:Escape");
  await page.focus("#field");
  await page.keyboard.press("x");
  await page.keyboard.press("Enter");
  await waitForText(page, "#log", "win:Escape up:Enter");
});

e2e("a throttled click goes through once per interval; a debounced field sends its last value", async ({ page, app }) => {
  await openLive(page, app.url("/bindings"));
  for (let i = 0; i < 3; i++) await page.click("#throttled");
  await waitForText(page, "#log", "tick");
  await page.type("#search", "abc");
  await waitForText(page, "#log", "tick typed:abc");
  // Throttled, not dropped for ever: after its interval a click goes through again.
  await page.waitForTimeout(2100);
  await page.click("#throttled");
  await page.waitForFunction(() => document.querySelector("#log")!.textContent!.endsWith(" tick"), undefined, { timeout: 3000 });
  assert.match((await page.textContent("#log"))!, /^tick (tick )?typed:abc tick$/);
});

e2e("a hook's js() runs commands on its element", async ({ page, app }) => {
  await openLive(page, app.url("/bindings"));
  await page.waitForSelector("#marked.marked", { state: "attached", timeout: 3000 });
  const attrs = await page.evaluate(() => {
    const el = document.getElementById("marked")!;
    return [el.dataset.state, el.dataset.open, el.hasAttribute("title")];
  });
  assert.equal(attrs, ["on", "no", false]);
});

e2e("a submit sends its submitter; phx-disable-with shows on the button until the reply", async ({ page, app }) => {
  await openLive(page, app.url("/bindings"));
  await page.click("#save");
  await page.waitForFunction(() => {
    const button = document.getElementById("save") as HTMLButtonElement;
    return button.innerText === "Saving" && button.disabled;
  }, undefined, { timeout: 3000 });
  await waitForText(page, "#log", "save:go");
  await page.waitForFunction(() => {
    const button = document.getElementById("save") as HTMLButtonElement;
    return button.innerText === "Save" && !button.disabled;
  }, undefined, { timeout: 3000 });
});

e2e.run();
