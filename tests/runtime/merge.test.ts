// Client merge conformance R1–R5 (PROTOCOL.md §8, from the official client's rendered_test),
// checked against our merge and, where it renders HTML, against the official client too.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { extract, mergeDiff } from "../../runtime/shared/merge.ts";
import { toHTML, componentToHTML } from "../../runtime/shared/to-html.ts";
import type { WireDiff, WireMessageDiff } from "../../runtime/shared/wire.ts";
import { OfficialClient } from "./helpers/official-client.ts";

const m = suite("mergeDiff");

/** Merges a sequence of diffs with ours and with the official client; returns both HTMLs. */
function both(diffs: WireMessageDiff[]): { ours: string; official: string } {
  let state = null;
  const client = new OfficialClient();
  for (const d of diffs) {
    state = mergeDiff(state, extract(d).diff);
    client.apply(d);
  }
  return { ours: toHTML(state!), official: client.html() };
}

m("R1: a node with s replaces, without s merges", () => {
  const full: WireDiff = { 0: { 0: "a", 1: "b", s: ["<p>", " ", "</p>"] }, s: ["<div>", "</div>"] };
  let state = mergeDiff(null, full);
  state = mergeDiff(state, { 0: { 1: "B" } });
  assert.is(toHTML(state), "<div><p>a B</p></div>");
  state = mergeDiff(state, { 0: { 0: "x", s: ["<i>", "</i>"] } });
  assert.equal(state[0], { 0: "x", s: ["<i>", "</i>"] });
  const r = both([full, { 0: { 1: "B" } }, { 0: { 0: "x", s: ["<i>", "</i>"] } }]);
  assert.is(r.ours, "<div><i>x</i></div>");
  assert.is(r.official, r.ours);
});

m("R2: moves read from a pre-merge copy", () => {
  const full: WireDiff = {
    0: { s: ["<li>", " ", "</li>"], k: { 0: { 0: "first", 1: "unchanged" }, 1: { 0: "second", 1: "old" }, kc: 2 } },
    s: ["<ul>", "</ul>"],
  };
  const move: WireDiff = { 0: { k: { 0: [1, { 1: "updated" }], 1: 0, kc: 2, km: true } } };
  const state = mergeDiff(mergeDiff(null, full), move);
  assert.equal((state[0] as WireDiff).k, { 0: { 0: "second", 1: "updated" }, 1: { 0: "first", 1: "unchanged" }, kc: 2 });
  const r = both([full, move]);
  assert.is(r.ours, "<ul><li>second updated</li><li>first unchanged</li></ul>");
  assert.is(r.official, r.ours);
});

m("R2: an old entry moved and also patched where it was ends up as two entries, each with its own change", () => {
  const full: WireDiff = { 0: { s: ["<li>", "</li>"], k: { 0: { 0: "a" }, 1: { 0: "b" }, kc: 2 } }, s: ["<ul>", "</ul>"] };
  const diffs: WireDiff[] = [full, { 0: { k: { 0: 1, 1: { 0: "x" }, kc: 2, km: true } } }, { 0: { k: { 0: [1, { 0: "y" }], 1: [1, { 0: "z" }], kc: 2, km: true } } }];
  let state = mergeDiff(mergeDiff(null, full), diffs[1]!);
  assert.equal((state[0] as WireDiff).k, { 0: { 0: "b" }, 1: { 0: "x" }, kc: 2 });
  state = mergeDiff(state, diffs[2]!);
  assert.equal((state[0] as WireDiff).k, { 0: { 0: "y" }, 1: { 0: "z" }, kc: 2 });
  assert.is(toHTML(state), "<ul><li>y</li><li>z</li></ul>");
  // The official client agrees on the move-and-patch (it does not keep a double move apart).
  const r = both(diffs.slice(0, 2));
  assert.is(r.ours, "<ul><li>b</li><li>x</li></ul>");
  assert.is(r.official, r.ours);
});

m("keyed: kc truncates, stream is carried, templates resolve in comprehensions", () => {
  const full: WireDiff = {
    0: { s: 0, k: { 0: { 0: "a" }, 1: { 0: "b" }, 2: { 0: "c" }, kc: 3 } },
    s: 1,
    p: { 0: ["<li>", "</li>"], 1: ["<ul>", "</ul>"] },
  };
  let state = mergeDiff(null, full);
  state = mergeDiff(state, { 0: { k: { kc: 1 }, stream: ["0", [], []] } });
  assert.equal((state[0] as WireDiff).k, { 0: { 0: "a" }, kc: 1 });
  assert.equal((state[0] as WireDiff).stream, ["0", [], []]);
  assert.is(toHTML(state), "<ul><li>a</li></ul>");
  assert.throws(() => mergeDiff(null, { 0: { s: 5 }, s: ["", ""] }), /template 5/);
});

m("R3: component statics shared by positive (this diff) and negative (previous) cids", () => {
  const first: WireDiff = { 0: 1, 1: 2, 2: "", s: ["", "", "", ""], c: { 1: { 0: "x", s: ["<b>", "</b>"], r: 1 }, 2: { 0: "y", s: 1 } } };
  let state = mergeDiff(null, first);
  assert.is(toHTML(state), "<b>x</b><b>y</b>");
  const second: WireDiff = { 2: 3, c: { 1: { 0: "X", s: ["<i>", "</i>"], r: 1 }, 3: { 0: "z", s: -1 } } };
  state = mergeDiff(state, second);
  assert.is(toHTML(state), "<i>X</i><b>y</b><b>z</b>");
  assert.is(componentToHTML(state, 3), "<b>z</b>");
  const r = both([first, second]);
  assert.is(r.official, r.ours);
  // A component diff without s merges into the previous tree.
  state = mergeDiff(state, { c: { 3: { 0: "Z" } } });
  assert.is(componentToHTML(state, 3), "<b>Z</b>");
  assert.is(componentToHTML(state, 1), "<i>X</i>");
});

m("R4: strings and nodes replace each other", () => {
  const diffs: WireDiff[] = [
    { 0: "text", s: ["<p>", "</p>"] },
    { 0: { 0: "n", s: ["<b>", "</b>"] } },
    { 0: "again" },
  ];
  let state = null;
  const seen: string[] = [];
  for (const d of diffs) seen.push(toHTML((state = mergeDiff(state, d))));
  assert.equal(seen, ["<p>text</p>", "<p><b>n</b></p>", "<p>again</p>"]);
  const r = both(diffs);
  assert.is(r.official, r.ours);
});

m("R5: roots and component roots render as their statics, with no attributes added", () => {
  const diff: WireDiff = { 0: { 0: "a", s: ["<span>", "</span>"], r: 1 }, 1: 1, s: ["<div>", "", "</div>"], c: { 1: { s: ["<p>hi</p>"], r: 1 } } };
  const state = mergeDiff(null, diff);
  assert.is(toHTML(state), "<div><span>a</span><p>hi</p></div>");
});

m("extract separates title, events and reply; the input is not modified", () => {
  const message: WireMessageDiff = { 0: "x", t: "Title", e: [["hi", { a: 1 }]], r: { ok: true } };
  const { diff, title, events, reply } = extract(message);
  assert.equal(diff, { 0: "x" });
  assert.is(title, "Title");
  assert.equal(events, [["hi", { a: 1 }]]);
  assert.equal(reply, { ok: true });
  assert.is(message.t, "Title");
  assert.is(extract({ r: 1 }).reply, null);
});

m("mergeDiff does not modify the diff", () => {
  const diff: WireDiff = { 0: { s: 0, k: { 0: { 0: "a" }, kc: 1 } }, s: ["", ""], p: { 0: ["<i>", "</i>"] } };
  const before = JSON.stringify(diff);
  const state = mergeDiff(null, diff);
  mergeDiff(state, { 0: { k: { 0: { 0: "b" }, kc: 1 } } });
  assert.is(JSON.stringify(diff), before);
});

m.run();
