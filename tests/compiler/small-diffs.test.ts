// Diffs that stay small: a recomputed slot is sent only when its text differs from what the
// client shows, in lists too, and moved rows travel as bare indexes. Each diff is merged by our
// client and the official one and compared with the string renderer's HTML.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DiffEngine } from "../../runtime/server/diff.ts";
import { assignValue } from "../../runtime/shared/changes.ts";
import { mergeDiff, type RenderedState } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import { OfficialClient } from "../runtime/helpers/official-client.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const small = suite("small diffs");

interface Row { id: number; label: string }
const ROWS = `<table><tbody><tr :for={row of @rows} :key={row.id} class={row.id === @selected ? "danger" : ""}><td>{row.id}</td><td>{row.label}</td></tr></tbody></table>`;
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, label: `row ${i + 1}` }));

/** A page kept in step on both clients; `change` returns the diff after checking both merges. */
async function page(source: string, assigns: Record<string, unknown>) {
  const template = await loadTemplate(source);
  const engine = new DiffEngine();
  const first = engine.render(template({ ...assigns, __changed__: null }));
  let state: RenderedState = mergeDiff(null, structuredClone(first));
  const official = new OfficialClient();
  official.apply(first);
  return {
    change(updates: Record<string, unknown>): unknown {
      const changed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(updates)) assignValue(assigns, changed, key, value);
      const diff = engine.render(template({ ...assigns, __changed__: changed }));
      state = mergeDiff(state, structuredClone(diff));
      official.apply(diff);
      const expected = (template as unknown as { html(a: unknown): string }).html(assigns);
      assert.is(toHTML(state), expected, "our merge");
      assert.is(official.html(), expected, "the official client's merge");
      return JSON.parse(JSON.stringify(diff));
    },
  };
}

small("selecting a row sends the two rows whose class changed", async () => {
  const p = await page(ROWS, { rows: rows(1000), selected: 5 });
  assert.equal(p.change({ selected: 10 }), { 0: { k: { 4: { 0: "" }, 9: { 0: "danger" }, kc: 1000 } } });
  assert.equal(p.change({ selected: 0 }), { 0: { k: { 9: { 0: "" }, kc: 1000 } } });
  assert.equal(p.change({ selected: 2000 }), {}, "no row shows a different class: nothing to send");
});

small("an outside change with one row replaced: the rows around it are rendered in place, the replaced one by its entry", async () => {
  const list = rows(6);
  const p = await page(ROWS, { rows: list, selected: 1 });
  const replaced = list.map((row) => (row.id === 3 ? { id: 3, label: "three" } : row));
  assert.equal(p.change({ rows: replaced, selected: 5 }), { 0: { k: { 0: { 0: "" }, 2: { 2: "three" }, 4: { 0: "danger" }, kc: 6 } } });
  // A row inserted ahead of the rest: the rows after it moved, so none is rendered in place.
  const inserted = [replaced[0]!, { id: 7, label: "row 7" }, ...replaced.slice(1)];
  const diff = p.change({ rows: inserted, selected: 2 }) as { 0: { k: Record<string, unknown> } };
  assert.equal(diff[0].k[0], undefined, "the first row kept its place and its class");
  assert.equal(diff[0].k[2], [1, { 0: "danger" }], "the selected row moved and changed class");
  assert.is(diff[0].k.kc, 7);
});

small("removing a row moves the rows after it as bare indexes", async () => {
  const list = rows(50);
  const p = await page(ROWS, { rows: list, selected: 0 });
  const diff = p.change({ rows: [...list.slice(0, 10), ...list.slice(11)] }) as { 0: { k: Record<string, unknown> } };
  const keyed = diff[0].k;
  const expected: Record<string, unknown> = { kc: 49, km: true };
  for (let i = 10; i < 49; i++) expected[i] = i + 1;
  assert.equal(keyed, expected);
});

small("a text slot recomputed to the same text is not sent; a changed one is", async () => {
  const p = await page(`<p>{@n > 2 ? "big" : "small"}</p><span>{@n}</span>`, { n: 1 });
  assert.equal(p.change({ n: 2 }), { 1: "2" });
  assert.equal(p.change({ n: 3 }), { 0: "big", 1: "3" });
});

small("an empty list that stays empty sends nothing", async () => {
  // The loop reads @other too, so changing it recomputes the (still empty) list.
  const p = await page(`<ul><li :for={x of @xs}>{x}{@other}</li></ul><b>{@other}</b>`, { xs: [], other: 1 });
  assert.equal(p.change({ other: 2 }), { 1: "2" });
  p.change({ xs: ["a"] });
  assert.equal(p.change({ xs: [] }), { 0: { k: { kc: 0 } } });
});

small("rows that keep their place while an outside value changes send only what differs, filtered and nested lists too", async () => {
  const source = `<ul><li :for={(row, i) of @rows} :key={row.id} :if={row.id !== @hidden} class={i === @at ? "on" : ""}>{row.label}<b :for={c of row.cells}>{c === @mark ? "*" : c}</b></li></ul>`;
  const list = [1, 2, 3, 4].map((id) => ({ id, label: `r${id}`, cells: ["a", "b"] }));
  const p = await page(source, { rows: list, hidden: 2, at: 0, mark: "" });
  // Entries by position: rows 1, 3, 4 (row 2 is filtered out); `i` is the item's index.
  assert.equal(p.change({ at: 2 }), { 0: { k: { 0: { 0: "" }, 1: { 0: "on" }, kc: 3 } } });
  assert.equal(p.change({ mark: "b" }), {
    0: { k: { 0: { 2: { k: { 1: { 0: "*" }, kc: 2 } } }, 1: { 2: { k: { 1: { 0: "*" }, kc: 2 } } }, 2: { 2: { k: { 1: { 0: "*" }, kc: 2 } } }, kc: 3 } },
  });
  // The filter lets row 2 back in: it is new at position 1, and the rows after it move.
  const shown = p.change({ hidden: 0 }) as { 0: { k: Record<string, unknown> } };
  assert.is(shown[0].k.kc, 4);
});

small.run();
