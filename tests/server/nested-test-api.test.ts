// Nested live views under livehtml/test: `view.child(id)` reaches the child, each view's events
// update its own HTML, crashes stay apart, a parent that stops rendering a child ends it.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, live, liveSession, MemoryLogger } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { Clock, ended, Parent, ParamsHost, Twice } from "./fixtures/nested-views.ts";

const test = suite("nested live views in livehtml/test");

test("the HTTP render has the child's content; the connected parent shows its empty container", async () => {
  const view = await mountView(Parent, { session: { user: "ann" } });
  assert.ok(view.staticHTML.includes('<div id="clock" data-phx-session="" data-phx-static="" data-phx-parent-id="phx-test"><p id="ticks">0 in utc for ann (parent label)</p>'), view.staticHTML);
  assert.ok(view.html().includes('<div id="clock" data-phx-session="" data-phx-static="" data-phx-parent-id="phx-test"></div>'), view.html());
  assert.equal(view.childIds, ["clock"]);
  assert.is(view.child("clock").html(), '<p id="ticks">0 in utc for ann (parent label)</p><button id="tick" phx-click="tick">tick</button>');
  view.terminate();
});

test("events in each view update only that view", async () => {
  const view = await mountView(Parent, { session: { user: "ann" } });
  const clock = view.child("clock");
  await clock.click("#tick");
  assert.equal(clock.lastDiff, { 0: "1" });
  assert.is(view.diffs.length, 1, "the parent received nothing");
  await view.click("#inc");
  assert.equal(view.lastDiff, { 0: "1" }, "the child's container does not travel again");
  assert.is(clock.diffs.length, 2, "the child received nothing");
  assert.is(view.child("clock"), clock, "the same child");
  view.terminate();
});

test("a crash in the child leaves the parent running, and the reverse ends the child", async () => {
  ended.length = 0;
  const view = await mountView(Parent, { session: { user: "ann" } });
  const clock = view.child("clock");
  await clock.click("boom").catch(() => null);
  assert.ok(clock.crashed);
  await view.click("#inc");
  assert.ok(view.html().includes('<p id="count">1</p>'));
  assert.ok(!view.crashed);

  const again = await mountView(Parent, { session: { user: "ann" } });
  await again.click("boom").catch(() => null);
  assert.ok(again.crashed);
  assert.ok(ended.includes("clock parent exited"), ended.join(", "));
});

test("a parent render that drops the child ends it (terminate runs); rendering it again mounts a new one", async () => {
  ended.length = 0;
  const view = await mountView(Parent, { session: { user: "ann" } });
  const first = view.child("clock");
  await first.click("#tick");
  await view.click("hide");
  assert.equal(view.childIds, []);
  assert.equal(ended, ["clock leave"]);
  assert.throws(() => view.child("clock"), /shows no nested live view with id "clock" \(it shows: \[\]\)/);
  await view.click("show");
  assert.ok(view.child("clock") !== first);
  assert.ok(view.child("clock").html().startsWith('<p id="ticks">0 '), "a fresh mount");
  view.terminate();
});

test("an id used twice is a clear error: in one render, and on the page after a partial render", async () => {
  const mount = await mountView(Twice, { params: { second: "same" } }).then(() => null, (e: Error) => e);
  assert.match(String(mount?.message), /the id "same" is used by more than one live view in this render/);
  const view = await mountView(Twice);
  assert.equal(view.childIds, ["same", "other"]);
  const err = await view.click("collide").then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /shows two nested live views with the id "same"/);
});

test("another view under an id already placed is a clear error; the same view keeps its container", async () => {
  const Other = defineView<Record<string, never>>({ name: "Other", template: await loadTemplate("<p>other</p>") });
  const Switch = defineView<{ child: unknown; n: number }>({
    name: "Switch",
    mount: (_p, _s, socket) => void socket.assign({ child: Clock, n: 0 }),
    handleEvent: (event, _v, socket) => void (event === "swap" ? socket.assign("child", Other) : socket.update("n", (n) => n + 1)),
    template: await loadTemplate(`---
import { liveRender } from "livehtml/server";
---
<div>{liveRender(@child, { id: "x", session: { zone: String(@n) } })}</div>`),
  });
  const view = await mountView(Switch, { session: { user: "di" } });
  const first = view.child("x");
  await view.click("bump");
  assert.equal(view.replies.at(-1), {}, "the same view and id: the container does not travel again");
  assert.is(view.diffs.length, 1);
  assert.is(view.child("x"), first, "and the child is not remounted");
  const err = await view.click("swap").then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /the id "x" is already used by Clock, not Other/);
});

test("a sticky view in a live session's layout is reachable by id too", async () => {
  const layout = await loadTemplate(`---
import { liveRender } from "livehtml/server";
---
<header>{liveRender(@dock, { id: "dock", sticky: true, session: { zone: "cet" } })}</header>{@inner_content}`);
  const Page = defineView<{ dock: unknown }>({ name: "Page", mount: (_p, _s, socket) => void socket.assign("dock", Clock), template: await loadTemplate("<main>page</main>") });
  const view = await mountView(liveSession("docked", { layout }, [live("/p", Page)])[0]!, { session: { user: "cy" } });
  assert.ok(view.html().includes('<header><div id="dock" data-phx-session="" data-phx-static="" data-phx-sticky></div></header><main>page</main>'), view.html());
  const dock = view.child("dock");
  await dock.click("#tick");
  assert.ok(dock.html().startsWith('<p id="ticks">1 in cet for cy'), dock.html());
  view.terminate();
});

test("a child's pushPatch patches its root: the root's handleParams runs and the root records the patch", async () => {
  const view = await mountView(live("/host", ParamsHost), { params: { child: "patching" } });
  const child = view.child("kid");
  await child.click("#go", { tab: "3" });
  assert.is(await view.waitForPatch("/host?child=patching&tab=3"), "/host?child=patching&tab=3");
  assert.ok(view.html().includes('<p id="tab">3</p>'), view.html());
  assert.equal(child.navigations, [], "the child itself did not patch");
  view.terminate();
});

test("a nested view with a handleParams is left out with a clear error; the parent keeps running", async () => {
  const view = await mountView(live("/host", ParamsHost), { params: { child: "params", lazy: "1" } });
  assert.ok((view.logger as MemoryLogger).has("error", /ParamsChild is a nested live view \(liveRender\) and has a handleParams callback/));
  assert.throws(() => view.child("kid"));
  assert.ok(!view.crashed, "the parent keeps running");
  view.terminate();
});

test.run();
