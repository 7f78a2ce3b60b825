// Hand-built templates for server tests: the shape compiled `.live.html` code produces
// (statics + tracked slots), small enough to write inline.
import { createHash } from "node:crypto";
import type { Changed, ComponentRef, ComprehensionEntry, Dynamic, Rendered } from "../../../runtime/shared/rendered.ts";
import { comprehension as makeComprehension, dyn, htmlOf, node as makeNode, type StreamSource } from "../../../runtime/shared/template.ts";

/** A slot: the assigns it depends on (`"*"` = always), and how to compute its value. */
export type Slot<A> = readonly [deps: readonly string[] | "*", value: (assigns: A) => unknown];

function fingerprintOf(statics: readonly string[], extra = ""): number {
  return createHash("md5").update(JSON.stringify(statics) + extra).digest().readUInt32LE(0);
}

function isChanged(changed: Changed, deps: readonly string[] | "*"): boolean {
  if (changed === null || changed === undefined || deps === "*") return true;
  return deps.some((d) => d in changed);
}

/** Like compiled code: component refs pass through, anything else goes through `dyn`. */
function slotValue(value: unknown): Dynamic {
  if (typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "component") return value as ComponentRef;
  return dyn(value);
}

/** A template function like a compiled one: `(assigns) => Rendered`, reading `__changed__`. */
export function template<A extends { __changed__?: Changed }>(statics: readonly string[], slots: readonly Slot<A>[], root = true): (assigns: A) => Rendered {
  if (statics.length !== slots.length + 1) throw new Error(`template: ${statics.length} statics for ${slots.length} slots`);
  const fingerprint = fingerprintOf(statics, String(slots.map((s) => s[1]).join("|")));
  return (assigns) =>
    makeNode(
      statics,
      fingerprint,
      root,
      (track) => slots.map(([deps, fn]) => (!track || isChanged(assigns.__changed__ ?? null, deps) ? slotValue(fn(assigns)) : null)),
      () => statics[0] + slots.map(([, fn], i) => htmlOf(fn(assigns)) + statics[i + 1]).join(""),
    );
}

/** A `:for` over `items` with statics shared by the entries; `render` gives an entry's slot values. */
export function each<T>(statics: readonly string[], items: Iterable<T> | StreamSource<T>, render: (item: T) => unknown[], key?: (item: T) => unknown) {
  const fingerprint = fingerprintOf(statics, "each");
  return makeComprehension(statics, fingerprint, key !== undefined, items, (item: T, index: number): ComprehensionEntry => ({
    key: key ? key(item) : index,
    vars: { item: item as unknown },
    render: (): Dynamic[] => render(item).map((v) => dyn(v)),
  }));
}
