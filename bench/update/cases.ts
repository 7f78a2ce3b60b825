// The two update cases, each written for livehtml and for liveviewjs (`html` tagged templates),
// plus the diff Phoenix LiveView 1.2 would send for the same change, built from the rules of
// PROTOCOL.md §2.4 (a changed slot is sent alone; a keyed entry that stayed in place sends only
// its changed dynamics under `k`, with `kc` = entry count).
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

export const keyedRows: UpdateCase = {
  name: "1,000 keyed rows",
  description: `one row's label changes in a 1,000-row keyed list (a new @rows array)`,
  source: `<table class="table"><tbody><tr :for={row of @rows} :key={row.id} class={row.id === @selected ? "danger" : ""}><td class="col-md-1">{row.id}</td><td class="col-md-4"><a>{row.label}</a></td>${TAIL}</tr></tbody></table>`,
  initial: () => ({ rows: Array.from({ length: ROWS }, (_, i): Row => ({ id: i + 1, label: rowLabel(i, 0) })), selected: 5 }),
  change: (assigns, n) => {
    const rows = (assigns.rows as Row[]).slice();
    rows[CHANGED_ROW] = { ...rows[CHANGED_ROW]!, label: rowLabel(CHANGED_ROW, n + 1) };
    return ["rows", rows];
  },
  liveviewjs: (a) =>
    html`<table class="table"><tbody>${(a.rows as Row[]).map(
      (row) =>
        html`<tr class="${row.id === a.selected ? "danger" : ""}"><td class="col-md-1">${row.id}</td><td class="col-md-4"><a>${row.label}</a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>`,
    )}</tbody></table>`,
  // Entry slots: 0 = class, 1 = id, 2 = label; only the label changed, the entry kept its place.
  phoenix: (n) => JSON.stringify({ "0": { k: { [String(CHANGED_ROW)]: { "2": rowLabel(CHANGED_ROW, n + 1) }, kc: ROWS } } }),
};
