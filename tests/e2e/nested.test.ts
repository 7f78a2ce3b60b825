// Nested and sticky live views in Chromium with each client: a parent with a child, events in
// each updating only their own DOM, a crash in the child leaving the parent's state, a child
// the parent stops rendering ending on the server, and a sticky view keeping its state across a
// live navigation of the main view.
import * as assert from "uvu/assert";
import { defineView, live, liveSession } from "../../runtime/server/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

const mounts: string[] = [];
const ended: string[] = [];

const Clock = defineView<{ ticks: number }>({
  name: "Clock",
  mount: (_p, _s, socket) => void (socket.connected && mounts.push("clock"), socket.assign({ ticks: 0 })),
  handleEvent(event, _v, socket) {
    if (event === "boom") throw new Error("the clock broke");
    socket.update("ticks", (t) => t + 1);
  },
  terminate: (reason) => void ended.push(`clock ${reason}`),
  template: await loadTemplate('<p id="ticks">{@ticks}</p><button id="tick" phx-click="tick">tick</button><button id="boom" phx-click="boom">boom</button>'),
});

const Player = defineView<{ plays: number }>({
  name: "Player",
  mount: (_p, _s, socket) => void (socket.connected && mounts.push("player"), socket.assign({ plays: 0 })),
  handleEvent: (_e, _v, socket) => void socket.update("plays", (p) => p + 1),
  template: await loadTemplate('<span id="plays">{@plays}</span><button id="play" phx-click="play">play</button>'),
});

const Parent = defineView<{ count: number; show: boolean; clock: unknown }>({
  name: "Parent",
  mount: (_p, _s, socket) => void (socket.connected && mounts.push("parent"), socket.assign({ count: 0, show: true, clock: Clock })),
  handleEvent(event, _v, socket) {
    if (event === "hide") socket.assign("show", false);
    else if (event === "crash") throw new Error("the parent broke");
    else socket.update("count", (c) => c + 1);
  },
  template: await loadTemplate(`---
import { liveRender } from "livehtml/server";
---
<h1 id="page">parent</h1><p id="count">{@count}</p><button id="inc" phx-click="inc">+</button><button id="hide" phx-click="hide">hide</button><button id="crash" phx-click="crash">crash</button>
<div :if={@show} class="slot">{liveRender(@clock, { id: "clock" })}</div>
<a id="to-other" href="/other" data-phx-link="redirect" data-phx-link-state="push">other</a>`),
});

const Other = defineView<Record<string, never>>({ name: "Other", template: await loadTemplate('<h1 id="page">other</h1>') });

// The sticky player lives in the session's layout, which every view of the session renders.
const layout = await loadTemplate(`---
import { liveRender } from "livehtml/server";
---
<header>{liveRender(@player, { id: "player", sticky: true })}</header>{@inner_content}`);
const withPlayer = (_p: unknown, _s: unknown, socket: { assign(k: string, v: unknown): void }) => void socket.assign("player", Player);

const routes = liveSession("app", { layout, onMount: withPlayer as never }, [live("/parent", Parent), live("/other", Other)]);

const e2e = browserSuite("nested live views in Chromium", routes, { before: () => void ((mounts.length = 0), (ended.length = 0)) });

async function openParent(page: import("playwright-core").Page, url: string): Promise<string[]> {
  const errors = await openLive(page, url);
  await page.waitForSelector("#clock.phx-connected", { timeout: 5000 });
  await page.waitForSelector("#player.phx-connected", { timeout: 5000 });
  return errors;
}

e2e("a parent with a child: events in each update only their own DOM", async ({ app, page }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openParent(page, app.url("/parent"));
  await page.evaluate(() => void ((document.getElementById("ticks") as unknown as { mark: number }).mark = 1));
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  assert.is(await page.textContent("#count"), "0");
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  assert.is(await page.textContent("#ticks"), "1", "the parent's patch kept the child's DOM");
  assert.ok(await page.evaluate(() => (document.getElementById("ticks") as unknown as { mark?: number }).mark === 1), "the same element");
  assert.is(await page.getAttribute("#clock", "data-phx-parent-id"), await page.getAttribute("[data-phx-main]", "id"));
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a crash in the child leaves the parent's state; the child rejoins", async ({ app, page }) => {
  await openParent(page, app.url("/parent"));
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  const before = mounts.filter((m) => m === "parent").length;
  await page.click("#boom");
  await waitForText(page, "#ticks", "0", 5000);
  await page.waitForSelector("#clock.phx-connected", { timeout: 5000 });
  assert.is(await page.textContent("#count"), "1", "the parent kept its state");
  assert.is(mounts.filter((m) => m === "parent").length, before, "the parent was not mounted again");
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  assert.ok(app.logger.has("error", /view Clock \(clock\) crashed in handleEvent.*the clock broke/));
});

e2e("a crash in the parent ends its child; both join again", async ({ app, page }) => {
  await openParent(page, app.url("/parent"));
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  ended.length = 0;
  await page.click("#crash");
  await waitForText(page, "#count", "0", 5000);
  await waitForText(page, "#ticks", "0", 5000);
  await page.waitForSelector("#clock.phx-connected", { timeout: 5000 });
  assert.ok(ended.includes("clock parent exited"), ended.join(", "));
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  assert.is(await page.textContent("#ticks"), "1");
});

e2e("after a dropped socket the child joins again beside its parent (resumed or mounted)", async ({ app, page, client }) => {
  await openParent(page, app.url("/parent"));
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  type Client = { liveSocket: { connect(): void; disconnect(): void } };
  await page.evaluate(() => (window as unknown as Client).liveSocket.disconnect());
  for (let i = 0; i < 200 && app.server.connectionCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
  await page.evaluate(() => (window as unknown as Client).liveSocket.connect());
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 8000 });
  await page.waitForSelector("#clock.phx-connected", { timeout: 8000 });
  await page.click("#tick");
  await waitForText(page, "#ticks", "1");
  await page.click("#inc");
  // Ours resumes the parent (its count survives); the official client mounts it again.
  await waitForText(page, "#count", client === "livehtml" ? "2" : "1");
  assert.is(await page.textContent("#ticks"), "1");
});

e2e("a child the parent stops rendering is removed and ends on the server", async ({ app, page }) => {
  await openParent(page, app.url("/parent"));
  ended.length = 0;
  await page.click("#hide");
  await page.waitForSelector("#clock", { state: "detached" });
  for (let i = 0; i < 50 && ended.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(ended, ["clock leave"]);
  await page.click("#inc");
  await waitForText(page, "#count", "1");
});

e2e("a sticky view keeps its state across a live navigation", async ({ app, page }) => {
  await openParent(page, app.url("/parent"));
  await page.click("#play");
  await waitForText(page, "#plays", "1");
  await page.evaluate(() => void ((window as unknown as { marker: number }).marker = 7));
  const players = mounts.filter((m) => m === "player").length;
  await page.click("#to-other");
  await waitForText(page, "#page", "other");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(await page.evaluate(() => (window as unknown as { marker?: number }).marker === 7), "live navigation: no page load");
  assert.is(await page.textContent("#plays"), "1", "the player kept its state");
  assert.is(mounts.filter((m) => m === "player").length, players, "the player was not mounted again");
  await page.click("#play");
  await waitForText(page, "#plays", "2");
  assert.ok(!(await page.$("#clock")), "the old main view's child went with it");
});

e2e.run();
