// What a browser client must get right beyond plain patches, checked with each client: typing
// while diffs arrive, every hook callback, back/forward, a 10,000-row stream, and each JS
// command.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { LabView } = await import("./fixtures/lab.ts");
const { CommandsView } = await import("./fixtures/commands.ts");

// Hooks log each callback; Probe also pushes with a reply and listens for a server event.
const HOOKS = `
window.hookLog = [];
window.testHooks = {
  Probe: {
    mounted() {
      window.hookLog.push("mounted");
      this.handleEvent("bumped", (p) => window.hookLog.push("event " + p.count));
      this.pushEvent("ping", { n: 7 }, (reply) => window.hookLog.push("reply " + reply.pong));
    },
    beforeUpdate() { window.hookLog.push("beforeUpdate " + this.el.dataset.count); },
    updated() { window.hookLog.push("updated " + this.el.dataset.count); },
    destroyed() { window.hookLog.push("destroyed"); },
    disconnected() { window.hookLog.push("disconnected"); },
    reconnected() { window.hookLog.push("reconnected"); },
  },
};
`;

const e2e = browserSuite("client behaviour in Chromium", [live("/lab", LabView), live("/cmds", CommandsView)], { head: HOOKS });

const hookLog = (page: Page) => page.evaluate(() => (window as unknown as { hookLog: string[] }).hookLog);

e2e("typing in a focused input while diffs arrive loses no character and keeps the caret", async ({ page, app }) => {
  await openLive(page, app.url("/lab?tick=15"));
  await page.click("#draft");
  const text = "the quick brown fox jumps";
  await page.keyboard.type(text, { delay: 15 });
  const ticks = Number(await page.textContent("#ticks"));
  assert.ok(ticks > 5, `diffs kept arriving while typing (${ticks} ticks)`);
  assert.is(await page.inputValue("#draft"), text);
  assert.is(await page.evaluate(() => (document.getElementById("draft") as HTMLInputElement).selectionStart), text.length);
  // Move the caret into the middle and type there: the caret stays where the user put it.
  await page.evaluate(() => (document.getElementById("draft") as HTMLInputElement).setSelectionRange(4, 4));
  await page.keyboard.type("very ", { delay: 20 });
  await page.waitForTimeout(100);
  assert.is(await page.inputValue("#draft"), "the very quick brown fox jumps");
  assert.is(await page.evaluate(() => (document.getElementById("draft") as HTMLInputElement).selectionStart), 9);
});

e2e("every hook callback runs: mounted, reply, handleEvent, beforeUpdate/updated, disconnected/reconnected, destroyed", async ({ page, app }) => {
  await openLive(page, app.url("/lab"));
  await page.waitForFunction(() => (window as unknown as { hookLog: string[] }).hookLog.includes("reply 7"));
  await page.click("#bump");
  await waitForText(page, "#probe", "Count 1");
  await page.waitForFunction(() => (window as unknown as { hookLog: string[] }).hookLog.includes("event 1"));
  await page.evaluate(() => (window as unknown as { liveSocket: { getSocket(): { conn: WebSocket } } }).liveSocket.getSocket().conn.close(3000, "test"));
  await page.waitForFunction(() => (window as unknown as { hookLog: string[] }).hookLog.includes("reconnected"), undefined, { timeout: 8000 });
  await page.waitForSelector("[data-phx-main].phx-connected");
  await page.click("#drop");
  await page.waitForSelector("#probe", { state: "detached" });
  await page.waitForFunction(() => (window as unknown as { hookLog: string[] }).hookLog.includes("destroyed"));
  const log = await hookLog(page);
  for (const entry of ["mounted", "reply 7", "beforeUpdate 0", "updated 1", "event 1", "disconnected", "reconnected", "destroyed"]) {
    assert.ok(log.includes(entry), `${entry} in ${JSON.stringify(log)}`);
  }
  assert.ok(log.indexOf("beforeUpdate 0") < log.indexOf("updated 1"), "beforeUpdate runs before the patch, updated after");
  assert.ok(log.indexOf("disconnected") < log.indexOf("reconnected"));
});

e2e("phx-update=\"ignore\" keeps the page's content of the element; the attributes of the element itself still follow the server", async ({ page, app }) => {
  await openLive(page, app.url("/lab"));
  await page.evaluate(() => document.getElementById("ignored")!.insertAdjacentHTML("beforeend", '<b id="mine">mine</b>'));
  await page.click("#bump");
  await waitForText(page, "#probe", "Count 1");
  await page.waitForFunction(() => document.getElementById("ignored")!.dataset.count === "1");
  assert.is(await page.textContent("#ignored-count"), "Count 0");
  assert.is(await page.textContent("#mine"), "mine");
});

e2e("phx-change serializes the whole form: checkbox groups, multi-selects, _target and _unused_ fields, one push per change", async ({ page, app }) => {
  await openLive(page, app.url("/lab"));
  const prefs = async () => JSON.parse((await page.textContent("#prefs")) ?? "{}") as Record<string, unknown>;
  await page.check("#tag-b");
  await waitForText(page, "#prefs-count", "1");
  let value = await prefs();
  assert.equal(value.tags, ["b"]);
  assert.equal(value._target, ["tags"], "the field that changed");
  assert.ok("_unused_note" in value, JSON.stringify(value));
  await page.check("#tag-a");
  await waitForText(page, "#prefs-count", "2");
  await page.selectOption("#sizes", ["s", "l"]);
  await waitForText(page, "#prefs-count", "3");
  value = await prefs();
  assert.equal(value.tags, ["a", "b"]);
  assert.equal(value.sizes, ["s", "l"]);
  assert.equal(value._target, ["sizes"]);
  await page.fill("#note", "hi");
  await waitForText(page, "#prefs-count", "4");
  value = await prefs();
  assert.is(value.note, "hi");
  assert.not.ok("_unused_note" in value, JSON.stringify(value));
  await page.waitForTimeout(200);
  assert.is(await page.textContent("#prefs-count"), "4", "no duplicate pushes");
});

e2e("a 10,000-row stream reaches the DOM; the client keeps only the DOM", async ({ page, app, client }) => {
  await openLive(page, app.url("/lab"));
  await page.click("#many");
  await waitForText(page, "#stream-size", "10000", 15_000);
  await page.waitForFunction(() => document.querySelectorAll("#rows > li").length === 10_000, undefined, { timeout: 15_000 });
  assert.is(await page.textContent("#rows-9999"), "Row 9999");
  if (client === "livehtml") {
    // What the view's parts hold as its rendered state: the stream's rows are not in it.
    const held = await page.evaluate(() => JSON.stringify((window as unknown as { liveSocket: { main: { root: { value(): unknown } } } }).liveSocket.main.root.value()).length);
    assert.ok(held < 5000, `the client's rendered state holds no rows (${held} bytes of JSON)`);
  }
});

e2e("back and forward restore the patched state", async ({ page, app }) => {
  await openLive(page, app.url("/cmds"));
  await page.click("#patch");
  await waitForText(page, "#tab", "two");
  assert.ok(page.url().endsWith("/cmds?tab=two"), page.url());
  await page.click("#push");
  await waitForText(page, "#pushed", "n=5");
  await page.goBack();
  await waitForText(page, "#tab", "one");
  await page.goForward();
  await waitForText(page, "#tab", "two");
  assert.is(await page.textContent("#pushed"), "n=5", "a patch keeps the view's other state");
});

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

e2e("each JS command works", async ({ page, app }) => {
  await openLive(page, app.url("/cmds"));
  await page.click("#show");
  await page.waitForFunction(() => document.getElementById("box")!.style.display === "block");
  await page.click("#hide");
  await page.waitForFunction(() => document.getElementById("box")!.style.display === "none");
  await page.click("#toggle");
  await page.waitForFunction(() => document.getElementById("box")!.style.display === "block");
  await page.click("#add-class");
  await page.waitForFunction(() => document.getElementById("box")!.classList.contains("on"));
  await page.click("#remove-class");
  await page.waitForFunction(() => !document.getElementById("box")!.classList.contains("on"));
  await page.click("#toggle-class");
  await page.waitForFunction(() => document.getElementById("box")!.classList.contains("flip"));
  await page.click("#toggle-class");
  await page.waitForFunction(() => !document.getElementById("box")!.classList.contains("flip"));
  await page.click("#transition");
  await page.waitForFunction(() => document.getElementById("box")!.classList.contains("fading"));
  await page.waitForFunction(() => !document.getElementById("box")!.classList.contains("fading"), undefined, { timeout: 3000 });
  await page.click("#set-attr");
  await page.waitForFunction(() => document.getElementById("box")!.getAttribute("aria-label") === "Hi");
  await page.click("#remove-attr");
  await page.waitForFunction(() => !document.getElementById("box")!.hasAttribute("aria-label"));
  await page.click("#toggle-attr");
  await page.waitForFunction(() => document.getElementById("box")!.getAttribute("aria-expanded") === "true");
  await page.click("#toggle-attr");
  await page.waitForFunction(() => document.getElementById("box")!.getAttribute("aria-expanded") === "false");
  const poked = page.evaluate(() => new Promise((resolve) => document.getElementById("box")!.addEventListener("box:poke", (e) => resolve((e as CustomEvent).detail.n), { once: true })));
  await page.click("#dispatch");
  assert.is(await poked, 1, "dispatch");
  await page.click("#exec");
  await page.waitForFunction(() => document.getElementById("box")!.classList.contains("execd"));
  await page.click("#focus");
  await page.waitForFunction(() => document.activeElement?.id === "field");
  await page.click("#focus-first");
  await page.waitForFunction(() => document.activeElement?.id === "first");
  await page.click("#push-focus");
  await page.click("#pop-focus");
  await page.waitForFunction(() => document.activeElement?.id === "field");
  assert.is(await focused(page), "field", "pop_focus returns to the pushed element");
  await page.click("#push");
  await waitForText(page, "#pushed", "n=5");
  await page.click("#patch");
  await waitForText(page, "#tab", "two");
  assert.ok(page.url().endsWith("/cmds?tab=two"), page.url());
  await page.click("#navigate");
  await page.waitForSelector("#lab");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(page.url().endsWith("/lab"), page.url());
  // The view joined by navigation mounts its hooks in the document.
  await page.waitForFunction(() => (window as unknown as { hookLog: string[] }).hookLog.includes("mounted"));
});

e2e.run();
