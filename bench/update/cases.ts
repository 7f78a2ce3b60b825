// The update cases, each written for livehtml and for liveviewjs (`html` tagged templates),
// plus the diff Phoenix LiveView 1.2 would send for the same change, built from the rules of
// PROTOCOL.md §2.4 (a recomputed slot is sent, whatever its value; a keyed entry that stayed in
// place sends only its recomputed dynamics under `k`, with `kc` = entry count; a moved entry
// without changes is its old index, with `km`).
import { html, type HtmlSafeString } from "liveviewjs";

export interface UpdateCase {
  readonly name: string;
  readonly description: string;
  /** livehtml template source. */
  readonly source: string;
  readonly initial: () => Record<string, unknown>;
  /** The assign to change on step `n` (alternates between two values so every step is a change). */
  readonly change: (assigns: Readonly<Record<string, unknown>>, n: number) => [key: string, value: unknown];
  /** liveviewjs's render of the same page. */
  readonly liveviewjs: (assigns: Readonly<Record<string, unknown>>) => HtmlSafeString;
  /** Phoenix 1.2's diff for step `n`, as JSON. */
  readonly phoenix: (n: number) => string;
  /**
   * What a step costs is measured over pairs of steps that undo each other (a row removed, then
   * put back), so the page returns to its first state; the bytes are those of the first step.
   */
  readonly note?: string;
}

// ---------------------------------------------------------------- (a) 1,000 slots, one changes

const SLOTS = 1000;
const CHANGED_SLOT = 500;
const slotValue = (i: number, n: number) => (i === CHANGED_SLOT ? `changed ${n % 2}` : `value ${i}`);

const slotsStatics = ["<div>", ...Array.from({ length: SLOTS - 1 }, () => "</span><span>"), "</div>"];
slotsStatics[0] = "<div><span>";
slotsStatics[SLOTS] = "</span></div>";

export const manySlots: UpdateCase = {
  name: "1,000 slots",
  description: `one assign of 1,000 (each slot reads its own assign), @v${CHANGED_SLOT} changes`,
  source: `<div>${Array.from({ length: SLOTS }, (_, i) => `<span>{@v${i}}</span>`).join("")}</div>`,
  initial: () => Object.fromEntries(Array.from({ length: SLOTS }, (_, i) => [`v${i}`, `value ${i}`])),
  change: (_assigns, n) => [`v${CHANGED_SLOT}`, slotValue(CHANGED_SLOT, n + 1)],
  liveviewjs: (a) => html(slotsStatics as unknown as TemplateStringsArray, ...Array.from({ length: SLOTS }, (_, i) => a[`v${i}`])),
  phoenix: (n) => JSON.stringify({ [String(CHANGED_SLOT)]: slotValue(CHANGED_SLOT, n + 1) }),
};

// ---------------------------------------------------------------- (b) 1,000 keyed rows, one changes

interface Row { id: number; label: string }
const ROWS = 1000;
const CHANGED_ROW = 500;
const rowLabel = (i: number, n: number) => (i === CHANGED_ROW ? `changed row ${n % 2}` : `row number ${i}`);
const TAIL = '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

const ROWS_SOURCE = `<table class="table"><tbody><tr :for={row of @rows} :key={row.id} class={row.id === @selected ? "danger" : ""}><td class="col-md-1">{row.id}</td><td class="col-md-4"><a>{row.label}</a></td>${TAIL}</tr></tbody></table>`;

const rowsLiveviewjs = (a: Readonly<Record<string, unknown>>) =>
  html`<table class="table"><tbody>${(a.rows as Row[]).map(
    (row) =>
      html`<tr class="${row.id === a.selected ? "danger" : ""}"><td class="col-md-1">${row.id}</td><td class="col-md-4"><a>${row.label}</a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>`,
  )}</tbody></table>`;

export const keyedRows: UpdateCase = {
  name: "1,000 keyed rows",
  description: `one row's label changes in a 1,000-row keyed list (a new @rows array)`,
  source: ROWS_SOURCE,
  initial: () => ({ rows: Array.from({ length: ROWS }, (_, i): Row => ({ id: i + 1, label: rowLabel(i, 0) })), selected: 5 }),
  change: (assigns, n) => {
    const rows = (assigns.rows as Row[]).slice();
    rows[CHANGED_ROW] = { ...rows[CHANGED_ROW]!, label: rowLabel(CHANGED_ROW, n + 1) };
    return ["rows", rows];
  },
  liveviewjs: rowsLiveviewjs,
  // Entry slots: 0 = class, 1 = id, 2 = label; only the label changed, the entry kept its place.
  phoenix: (n) => JSON.stringify({ "0": { k: { [String(CHANGED_ROW)]: { "2": rowLabel(CHANGED_ROW, n + 1) }, kc: ROWS } } }),
};

// ---------------------------------------------------------------- (c) select a row, (d) remove a row

const numberOf = (n: number) => n.toLocaleString("en-US");
const rowsOf = (count: number) => Array.from({ length: count }, (_, i): Row => ({ id: i + 1, label: `row number ${i}` }));

/**
 * `@selected` moves between two rows; every row's class reads it. Phoenix recomputes the class of
 * every row and sends each one; livehtml sends the two whose class text changed.
 */
export function selectRow(count: number): UpdateCase {
  const [a, b] = [5, Math.floor(count / 2)];
  const selectedAt = (n: number) => (n % 2 === 0 ? b : a);
  return {
    name: `select a row of ${numberOf(count)}`,
    description: `@selected moves to another row of a ${numberOf(count)}-row keyed list (each row's class reads it)`,
    source: ROWS_SOURCE,
    initial: () => ({ rows: rowsOf(count), selected: a }),
    change: (_assigns, n) => ["selected", selectedAt(n)],
    liveviewjs: rowsLiveviewjs,
    phoenix: (n) => {
      const selected = selectedAt(n);
      const k: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) k[i] = { "0": i + 1 === selected ? "danger" : "" };
      k.kc = count;
      return JSON.stringify({ "0": { k } });
    },
  };
}

/** The middle row leaves the list, then comes back (pairs of steps undo each other). */
export function removeRow(count: number): UpdateCase {
  const at = Math.floor(count / 2);
  return {
    name: `remove a row of ${numberOf(count)}`,
    description: `the middle row of a ${numberOf(count)}-row keyed list is removed (and put back on the next step)`,
    source: ROWS_SOURCE,
    // `all` (never rendered) keeps the full list, so putting the row back restores the very items.
    initial: () => {
      const all = rowsOf(count);
      return { rows: all, all, selected: 0 };
    },
    change: (assigns, n) => {
      const all = assigns.all as Row[];
      return ["rows", n % 2 === 0 ? [...all.slice(0, at), ...all.slice(at + 1)] : all];
    },
    liveviewjs: rowsLiveviewjs,
    // Step 0 removes: each later row moved up one place, unchanged.
    phoenix: () => {
      const k: Record<string, unknown> = {};
      for (let i = at; i < count - 1; i++) k[i] = i + 1;
      k.kc = count - 1;
      k.km = true;
      return JSON.stringify({ "0": { k } });
    },
    note: "time per step over remove + put back",
  };
}
