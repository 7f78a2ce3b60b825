// Group `update`: the cost of one change after the first render. livehtml's change-tracked
// diff (a persistent DiffEngine, the template told what changed), livehtml's full render (a
// fresh DiffEngine: the whole tree, as on join), and liveviewjs (render the `html` tree, build
// its parts tree, `deepDiff` against the previous one). Diffs are reported as JSON bytes next
// to what Phoenix LiveView 1.2 sends for the same change. Every timed step includes encoding
// its diff as JSON, as sending it does.
import { deepDiff } from "liveviewjs";
import { DiffEngine } from "../../runtime/server/diff.ts";
import { assignValue } from "../../runtime/shared/changes.ts";
import { mergeDiff } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import type { WireDiff } from "../../runtime/shared/wire.ts";
import { loadTemplate, type Template } from "../lib/livehtml.ts";
import { interleave, type Contender } from "../lib/interleave.ts";
import { envNumber } from "../lib/env.ts";
import { fmt, ratio, spread } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { goal } from "../lib/report.ts";
import { keyedRows, manySlots, removeRow, selectRow, type UpdateCase } from "./cases.ts";
import { engineBytesPerRow } from "./memory.ts";

interface Stepper {
  /** Applies the next change and returns the diff it produced. */
  step(): unknown;
}

/** livehtml as the server runs it: assign with LiveView semantics, render with the change map. */
function trackedDiff(template: Template, c: UpdateCase): Stepper {
  const assigns = c.initial();
  const engine = new DiffEngine();
  engine.render(template(assigns, null));
  let n = 0;
  return {
    step() {
      const changed: Record<string, unknown> = {};
      const [key, value] = c.change(assigns, n++);
      assignValue(assigns, changed, key, value);
      return engine.render(template(assigns, changed));
    },
  };
}

/** livehtml's full render: what a fresh engine (a join) sends. */
function fullRender(template: Template, c: UpdateCase): Stepper {
  const assigns = c.initial();
  let n = 0;
  return {
    step() {
      const [key, value] = c.change(assigns, n++);
      assigns[key] = value;
      return new DiffEngine().render(template(assigns, null));
    },
  };
}

/** liveviewjs's update path (its LiveViewManager: `view.render()`, `partsTree(true)`, `deepDiff`). */
function liveviewjs(c: UpdateCase): Stepper {
  const assigns = c.initial();
  let parts = c.liveviewjs(assigns).partsTree(true);
  let n = 0;
  return {
    step() {
      const [key, value] = c.change(assigns, n++);
      assigns[key] = value;
      const next = c.liveviewjs(assigns).partsTree(true);
      const diff = deepDiff(parts, next);
      parts = next;
      return diff;
    },
  };
}

const bytes = (diff: unknown) => JSON.stringify(diff).length;

/**
 * Our first diff must leave the client where Phoenix's leaves it: byte for byte the same diff
 * where Phoenix sends nothing superfluous (a, b); otherwise the same page once merged, and
 * the page the template renders for the new assigns.
 */
function checkAgainstPhoenix(template: Template, c: UpdateCase, ours: unknown, exact: boolean): void {
  const phoenix = c.phoenix(0);
  const json = JSON.stringify(ours);
  if (exact) {
    if (json !== phoenix) throw new Error(`bench: update ${c.name}: livehtml sent ${json.slice(0, 300)}, Phoenix sends ${phoenix.slice(0, 300)}`);
    return;
  }
  const assigns = c.initial();
  const before = mergeDiff(null, new DiffEngine().render(template(assigns, null)));
  const [key, value] = c.change(assigns, 0);
  assigns[key] = value;
  const expected = template.html(assigns);
  const viaOurs = toHTML(mergeDiff(structuredClone(before), JSON.parse(json) as WireDiff));
  const viaPhoenix = toHTML(mergeDiff(structuredClone(before), JSON.parse(phoenix) as WireDiff));
  if (viaOurs !== expected || viaPhoenix !== expected) {
    throw new Error(`bench: update ${c.name}: merged pages differ (ours ${viaOurs === expected ? "right" : "wrong"}, Phoenix's ${viaPhoenix === expected ? "right" : "wrong"})`);
  }
}

export async function runUpdate(): Promise<void> {
  const rounds = envNumber("ROUNDS", 9, 3);
  const sliceMs = envNumber("SLICE_MS", 300, 100);
  const cases: Array<{ c: UpdateCase; exact: boolean; rows?: number }> = [
    { c: manySlots, exact: true },
    { c: keyedRows, exact: true },
    { c: selectRow(1000), exact: false, rows: 1000 },
    { c: selectRow(10000), exact: false, rows: 10000 },
    { c: removeRow(1000), exact: false },
    { c: removeRow(10000), exact: false },
  ];
  for (const [index, { c, exact, rows }] of cases.entries()) {
    // JavaScript output, as the Vite plugin and the Node loader serve templates.
    const template = await loadTemplate(`update-${index}`, c.source, "js");
    const steppers: Record<string, Stepper> = {
      "livehtml diff": trackedDiff(template, c),
      "livehtml full render": fullRender(template, c),
      "liveviewjs deepDiff": liveviewjs(c),
    };
    // The first step of each, checked before timing against what Phoenix sends.
    const first = Object.fromEntries(Object.entries(steppers).map(([name, s]) => [name, s.step()]));
    checkAgainstPhoenix(template, c, first["livehtml diff"], exact);
    const phoenix = c.phoenix(0);
    const ours = JSON.stringify(first["livehtml diff"]);
    // Two steps undo each other, so keep every stepper in step with its first run.
    for (const s of Object.values(steppers)) s.step();
    const contenders: Contender[] = Object.entries(steppers).map(([name, s]) => ({ name, run: () => JSON.stringify(s.step()) }));
    const results = await interleave(contenders, { rounds, sliceMs, warmupMs: sliceMs });
    const byName = (name: string) => results.find((r) => r.name === name)!;
    const [diff, full, lvjs] = [byName("livehtml diff"), byName("livehtml full render"), byName("liveviewjs deepDiff")];
    printTable(
      `update / ${c.name}: ${c.description} — median of ${rounds} interleaved rounds × ${sliceMs} ms, JSON encoding included${c.note ? `; ${c.note}` : ""}`,
      ["path", "ops/s", "µs/op", "time ÷ livehtml diff", "diff bytes", "ops/s range"],
      [
        ...results.map((r) => [r.name, fmt(r.opsPerSecond), fmt(1e6 / r.opsPerSecond), ratio(diff.opsPerSecond / r.opsPerSecond), bytes(first[r.name]), spread(r.samples)]),
        ["Phoenix LiveView 1.2 (bytes, PROTOCOL.md §2.4)", "", "", "", phoenix.length, ""],
      ],
    );
    if (exact) console.log(`Phoenix LiveView 1.2 sends ${phoenix.length} bytes: ${phoenix}`);
    else console.log(`livehtml sends ${ours.length} bytes: ${ours.slice(0, 160)}${ours.length > 160 ? "…" : ""}`);
    const share = full.opsPerSecond / diff.opsPerSecond;
    goal("bytes ≤ Phoenix 1.2", ours.length <= phoenix.length, `${ours.length} vs ${phoenix.length} bytes${ours === phoenix ? " (identical diff)" : ""}`);
    if (c.name.startsWith("select")) {
      goal("select-a-row diff ≤ 300 bytes", ours.length <= 300, `${ours.length} bytes`);
      const ms = 1000 / diff.opsPerSecond;
      if (rows === 10000) goal("select-a-row server time ≤ 1 ms at 10,000 rows", ms <= 1, `${fmt(ms * 1000)} µs`);
      if (rows !== undefined) {
        const assigns = c.initial();
        console.log(`diff engine heap per row, ${rows.toLocaleString("en-US")} rows: ${engineBytesPerRow(template, assigns, rows).toFixed(0)} bytes (bench/update/memory.ts)`);
      }
    } else if (!c.name.startsWith("remove")) {
      goal("change ≤ 5% of our full render", share <= 0.05, `${(share * 100).toFixed(2)}% of a full render`);
    }
    goal("≥ 50× faster than liveviewjs", diff.opsPerSecond / lvjs.opsPerSecond >= 50, `${ratio(diff.opsPerSecond / lvjs.opsPerSecond)} faster`);
  }
  printCommand("npm run bench -- update   (QUICK=1 for a short run; ROUNDS, SLICE_MS override)");
}
