// Hand-built template values for diff-engine tests: the same shapes compiled templates
// produce (runtime/shared/rendered.ts), made from statics plus slot values or slot functions.
import type { Changed, Comprehension, ComprehensionEntry, ComponentRef, Dynamic, Rendered, StreamPatch } from "../../../runtime/shared/rendered.ts";

type Slots = readonly Dynamic[] | ((track: boolean) => Dynamic[]);

/** The HTML of any slot value; components render through `assigns.render()`. */
export function htmlOf(value: Dynamic): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  switch (value.kind) {
    case "rendered":
      return value.html();
    case "comprehension":
      return value.entries.map((e) => interleave(value.static, e.render(null, false))).join("");
    case "component": {
      const render = value.assigns.render as (() => Rendered) | undefined;
      if (!render) throw new Error("test components need assigns.render()");
      return render().html();
    }
  }
}

function interleave(statics: readonly string[], dynamics: readonly Dynamic[]): string {
  let out = statics[0]!;
  for (let i = 0; i < dynamics.length; i++) out += htmlOf(dynamics[i]!) + statics[i + 1]!;
  return out;
}

/**
 * A template node. `slots` as an array gives the same values whatever `track` is (everything
 * counts as changed); as a function it decides per `track`. `html()` uses the untracked values.
 */
export function node(fingerprint: number, statics: readonly string[], slots: Slots, root = false): Rendered {
  const dynamic = typeof slots === "function" ? slots : () => slots.slice();
  return {
    kind: "rendered",
    static: statics,
    fingerprint,
    root,
    dynamic,
    html: () => interleave(statics, dynamic(false)),
  };
}

/** A node whose slot `i` is `null` under tracking unless `changed[i]`. */
export function tracked(
  fingerprint: number,
  statics: readonly string[],
  values: readonly Dynamic[],
  changed: readonly boolean[],
  root = false,
): Rendered {
  return node(fingerprint, statics, (track) => values.map((v, i) => (track && !changed[i] ? null : v)), root);
}

export interface EntrySpec {
  key?: unknown;
  vars?: Record<string, unknown>;
  render: (varsChanged: Changed, track: boolean) => Dynamic[];
}

/** A comprehension; entries without `key` are keyed by index (`hasKey` false). */
export function comprehension(
  fingerprint: number,
  statics: readonly string[],
  entries: readonly EntrySpec[],
  options: { hasKey?: boolean; stream?: StreamPatch; outerChanged?: boolean } = {},
): Comprehension {
  const hasKey = options.hasKey ?? entries.some((e) => e.key !== undefined);
  return {
    kind: "comprehension",
    static: statics,
    fingerprint,
    hasKey,
    // Hand-built entries may read anything: never skip them unless a test says so.
    outerChanged: options.outerChanged ?? true,
    stream: options.stream ?? null,
    source: null,
    entries: entries.map(
      (e, i): ComprehensionEntry => ({ key: e.key ?? i, vars: e.vars ?? {}, render: e.render }),
    ),
  };
}

/** Entries that always render the given values. */
export function fixedEntries(rows: readonly (readonly Dynamic[])[]): EntrySpec[] {
  return rows.map((row) => ({ render: () => row.slice() }));
}

/** A component reference rendering through `render`. */
export function componentRef(component: unknown, id: string, render: () => Rendered): ComponentRef {
  return { kind: "component", component, id, assigns: { render } };
}
