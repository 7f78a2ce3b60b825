// Group `update`: the cost of one change after the first render. livehtml's change-tracked
// diff (a persistent DiffEngine, the template told what changed), livehtml's full render (a
// fresh DiffEngine: the whole tree, as on join), and liveviewjs (render the `html` tree, build
// its parts tree, `deepDiff` against the previous one). Diffs are reported as JSON bytes next
// to what Phoenix LiveView 1.2 sends for the same change.
import { deepDiff } from "liveviewjs";
import { DiffEngine } from "../../runtime/server/diff.ts";
import { assignValue } from "../../runtime/shared/changes.ts";
import { loadTemplate, type Template } from "../lib/livehtml.ts";
import { interleave, type Contender } from "../lib/interleave.ts";
import { envNumber } from "../lib/env.ts";
import { fmt, ratio, spread } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { goal } from "../lib/report.ts";
import { keyedRows, manySlots, type UpdateCase } from "./cases.ts";

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

export async function runUpdate(): Promise<void> {
  const rounds = envNumber("ROUNDS", 9, 3);
  const sliceMs = envNumber("SLICE_MS", 300, 100);
  for (const [index, c] of [manySlots, keyedRows].entries()) {
    // JavaScript output, as the Vite plugin and the Node loader serve templates.
    const template = await loadTemplate(`update-${index}`, c.source, "js");
    const steppers: Record<string, Stepper> = {
      "livehtml diff": trackedDiff(template, c),
      "livehtml full render": fullRender(template, c),
      "liveviewjs deepDiff": liveviewjs(c),
    };
    // The first step of each, checked before timing: our diff must be what Phoenix sends.
    const first = Object.fromEntries(Object.entries(steppers).map(([name, s]) => [name, s.step()]));
    const phoenix = c.phoenix(0);
    const ours = JSON.stringify(first["livehtml diff"]);
    if (ours !== phoenix) throw new Error(`bench: update ${c.name}: livehtml sent ${ours.slice(0, 300)}, Phoenix sends ${phoenix}`);
    // Two steps undo each other, so keep every stepper in step with its first run.
    for (const s of Object.values(steppers)) s.step();
    const contenders: Contender[] = Object.entries(steppers).map(([name, s]) => ({ name, run: () => s.step() }));
    const results = await interleave(contenders, { rounds, sliceMs, warmupMs: sliceMs });
    const byName = (name: string) => results.find((r) => r.name === name)!;
    const [diff, full, lvjs] = [byName("livehtml diff"), byName("livehtml full render"), byName("liveviewjs deepDiff")];
    printTable(
      `update / ${c.name}: ${c.description} — median of ${rounds} interleaved rounds × ${sliceMs} ms`,
      ["path", "ops/s", "µs/op", "time ÷ livehtml diff", "diff bytes", "ops/s range"],
      results.map((r) => [r.name, fmt(r.opsPerSecond), fmt(1e6 / r.opsPerSecond), ratio(diff.opsPerSecond / r.opsPerSecond), bytes(first[r.name]), spread(r.samples)]),
    );
    console.log(`Phoenix LiveView 1.2 sends ${phoenix.length} bytes: ${phoenix}`);
    const share = full.opsPerSecond / diff.opsPerSecond;
    goal("change ≤ 5% of our full render", share <= 0.05, `${(share * 100).toFixed(2)}% of a full render`);
    goal("≥ 50× faster than liveviewjs", diff.opsPerSecond / lvjs.opsPerSecond >= 50, `${ratio(diff.opsPerSecond / lvjs.opsPerSecond)} faster`);
    goal("bytes ≤ Phoenix 1.2", ours.length <= phoenix.length, `${ours.length} vs ${phoenix.length} bytes (identical diff)`);
  }
  printCommand("npm run bench -- update   (QUICK=1 for a short run; ROUNDS, SLICE_MS override)");
}
