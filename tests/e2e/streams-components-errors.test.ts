// Streams, stateful components and crashes in Chromium with each client, on compiled
// templates (one of them colocated): a stream adds and removes rows the server does not keep;
// a component handles its own events; a view that throws shows the error state and rejoins
// while another tab's view carries on.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, recordFrames, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { PlaylistView, heldAtEvent } = await import("./fixtures/playlist.ts");
const { CountersView, counterMounts } = await import("./fixtures/counters.ts");
const { FragileView } = await import("./fixtures/fragile.ts");

const e2e = browserSuite("streams, components and errors in Chromium", [live("/playlist", PlaylistView), live("/counters", CountersView), live("/fragile", FragileView)], {
  before: () => {
    heldAtEvent.length = 0;
    counterMounts.length = 0;
  },
});

const songs = (page: Page) => page.$$eval("#songs > li", (els) => els.map((e) => `${e.id}:${e.querySelector(".title")?.textContent}`));

e2e("a stream adds and removes rows; the server keeps none of them", async (ctx) => {
  const { page, app } = ctx;
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/playlist"));
  assert.equal(await songs(page), ["songs-1:Song 1", "songs-2:Song 2"]);

  await page.click("#add");
  await page.waitForSelector("#songs-3");
  await page.click("#add");
  await page.waitForSelector("#songs-4");
  assert.equal(await songs(page), ["songs-1:Song 1", "songs-2:Song 2", "songs-3:Song 3", "songs-4:Song 4"]);

  await page.click("#songs-2 .remove");
  await page.waitForSelector("#songs-2", { state: "detached" });
  await page.click("#songs-1 .remove");
  await page.waitForSelector("#songs-1", { state: "detached" });
  assert.equal(await songs(page), ["songs-3:Song 3", "songs-4:Song 4"]);

  assert.equal(heldAtEvent, [0, 0, 0, 0], "each event found the stream empty on the server");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a stateful component handles its own events (phx-target={@myself})", async (ctx) => {
  const { page, app } = ctx;
  const frames = recordFrames(page);
  const errors = await openLive(page, app.url("/counters"));
  const count = (id: string) => page.textContent(`#counter-${id} .count`);
  assert.is(await count("a"), "0");
  assert.equal(counterMounts, ["a", "b"]);

  await page.click("#counter-a .bump");
  await waitForText(page, "#counter-a .count", "1");
  await page.click("#counter-a .bump");
  await waitForText(page, "#counter-a .count", "2");
  await page.click("#counter-b .bump");
  await waitForText(page, "#counter-b .count", "1");
  assert.is(await count("a"), "2", "a keeps its own count");

  await page.click("#rename");
  await waitForText(page, "#title", "Renamed");
  await waitForText(page, "#counter-a .label", "Renamed A");
  assert.is(await count("a"), "2", "the parent's re-render updates the component without remounting it");
  assert.is(await count("b"), "1");
  assert.equal(counterMounts, ["a", "b"]);

  // What reached the browser for the bumps: replies whose diff touched only the component.
  const diffs = frames
    .filter((f) => f[3] === "phx_reply" && String(f[2]).startsWith("lv:"))
    .map((f) => (f[4] as { response?: { diff?: Record<string, unknown> } }).response?.diff)
    .filter((d): d is Record<string, unknown> => d !== undefined);
  assert.equal(diffs.slice(0, 3).map((d) => Object.keys(d)), [["c"], ["c"], ["c"]], JSON.stringify(diffs));
  assert.equal(errors, []);
});

e2e("a view that throws shows the error state and rejoins; another tab is untouched", async (ctx) => {
  const { browser, app } = ctx;
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openLive(a, app.url("/fragile"));
  await openLive(b, app.url("/fragile"));
  const mountA = await a.textContent("#mount-id");
  const mountB = await b.textContent("#mount-id");
  await a.click("#click");
  await waitForText(a, "#clicks", "1");
  await b.click("#click");
  await b.click("#click");
  await waitForText(b, "#clicks", "2");
  // Watch tab b for any error class from here on.
  await b.evaluate(() => {
    const w = window as unknown as { sawError: boolean };
    w.sawError = false;
    const main = document.querySelector("[data-phx-main]")!;
    new MutationObserver(() => (w.sawError ||= main.classList.contains("phx-error"))).observe(main, { attributes: true });
  });

  await a.click("#explode");
  await a.waitForSelector("[data-phx-main].phx-error", { timeout: 3000 });
  // The client rejoins; the new mount starts from scratch.
  await a.waitForSelector("[data-phx-main].phx-connected", { timeout: 8000 });
  await waitForText(a, "#clicks", "0");
  assert.is.not(await a.textContent("#mount-id"), mountA, "tab a mounted again");
  assert.ok(app.logger.has("error", /FragileView .* crashed in handleEvent\("explode"\): the fragile view exploded/));

  assert.is(await b.textContent("#clicks"), "2");
  assert.is(await b.textContent("#mount-id"), mountB, "tab b kept its view");
  await b.click("#click");
  await waitForText(b, "#clicks", "3");
  assert.is(await b.evaluate(() => (window as unknown as { sawError: boolean }).sawError), false, "tab b never showed an error");
  await a.close();
  await b.close();
});

e2e.run();
