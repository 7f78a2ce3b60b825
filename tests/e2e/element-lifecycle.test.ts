// Element lifecycle with each client: phx-remove runs its commands and the element leaves when
// their transition ends; dom.onBeforeElUpdated hears the elements a patch writes (and what it
// sets on `to` stays); a push made before the join reply; a select whose prompt is a lone
// conditional option keeps the chosen option as the prompt comes and goes.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { LifecycleView } = await import("./fixtures/lifecycle.ts");
const { PickerView } = await import("./fixtures/picker.ts");

// The callback logs each element it sees and keeps a client-side attribute the server never
// renders (a morphing client would drop it without this).
const HEAD = `
window.updatedLog = [];
window.testDom = {
  onBeforeElUpdated(from, to) {
    if (from.id) window.updatedLog.push(from.id);
    if (from.hasAttribute("data-local")) to.setAttribute("data-local", from.getAttribute("data-local"));
  },
};
`;

const e2e = browserSuite("element lifecycle in Chromium", [live("/life", LifecycleView), live("/pick", PickerView)], { head: HEAD });

e2e("phx-remove: the element runs its transition, stays while it runs, then leaves", async ({ page, app }) => {
  await openLive(page, app.url("/life"));
  await page.click("#toggle");
  // The transition's classes are on the element while it is still in the page.
  await page.waitForFunction(() => document.querySelector("#toast")?.classList.contains("fading"), null, { timeout: 3000 });
  await page.waitForFunction(() => document.querySelector("#toast") === null, null, { timeout: 3000 });
  // It comes back on the next toggle, fresh.
  await page.click("#toggle");
  await waitForText(page, "#toast", "Saved");
  assert.not.ok(await page.evaluate(() => document.querySelector("#toast")!.classList.contains("fading")));
});

e2e("dom.onBeforeElUpdated runs for an element a patch writes, and what it sets on `to` is kept", async ({ page, app }) => {
  await openLive(page, app.url("/life"));
  await page.evaluate(() => {
    document.getElementById("msg")!.setAttribute("data-local", "kept");
    (window as unknown as { updatedLog: string[] }).updatedLog.length = 0;
  });
  await page.click("#change");
  await waitForText(page, "#msg", "second");
  assert.ok((await page.evaluate(() => (window as unknown as { updatedLog: string[] }).updatedLog)).includes("msg"));
  assert.is(await page.getAttribute("#msg", "class"), "b");
  assert.is(await page.getAttribute("#msg", "data-local"), "kept");
});

e2e("a click made before the join reply: our client sends it once joined, the official one drops it", async ({ page, app, client }) => {
  // Hold the server's join reply until the page has clicked.
  let release: () => void = () => {};
  const clicked = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/\/live\/websocket/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const text = String(message);
      if (text.includes('"phx_reply"') && text.includes('"rendered"')) void clicked.then(() => ws.send(message));
      else ws.send(message);
    });
  });
  await page.goto(app.url("/life"));
  await page.waitForSelector("[data-phx-main].phx-loading", { state: "attached", timeout: 5000 });
  await page.waitForTimeout(200);
  await page.click("#inc");
  release();
  await page.waitForSelector("[data-phx-main].phx-connected", { state: "attached", timeout: 5000 });
  if (client === "livehtml") await waitForText(page, "#n", "1");
  else {
    await page.waitForTimeout(300);
    assert.is(await page.textContent("#n"), "0");
  }
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

e2e("a lone conditional <option> prompt: the user's and the server's choice survive it coming and going", async ({ page, app }) => {
  await openLive(page, app.url("/pick"));
  const chosen = () => page.evaluate(() => {
    const select = document.getElementById("sel") as HTMLSelectElement;
    return [select.value, Array.from(select.options).filter((o) => o.selected).length];
  });
  await page.click("#to-none");
  await waitForText(page, "#value", "");
  assert.equal(await chosen(), ["", 1], "the prompt is chosen when the server's value is empty");
  await page.selectOption("#sel", "a");
  await waitForText(page, "#value", "a");
  await page.click("#toggle");
  await waitForText(page, "#p", "false");
  assert.equal(await chosen(), ["a", 1]);
  await page.click("#toggle");
  await waitForText(page, "#p", "true");
  assert.equal(await chosen(), ["a", 1], "the prompt coming back does not take the choice");
  await page.click("#to-c");
  await waitForText(page, "#value", "c");
  assert.equal(await chosen(), ["c", 1]);
});

e2e.run();
