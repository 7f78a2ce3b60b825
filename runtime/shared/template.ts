// The small runtime that compiled templates call. Everything the generated code needs beyond
// escaping and attribute rules lives here, so that a compiled module imports one subpath
// (`livehtml/runtime`) and runs the same on the server, in tests and in the browser.
//
// IMPORTANT: the generated code relies on the exact signatures below; compiler/emit/
// names them through one registry (compiler/emit/helpers.ts).

import type { Changed, ComponentRef, Comprehension, ComprehensionEntry, ComprehensionSource, Dynamic, Rendered, SparseDynamics, StreamPatch } from "./rendered.ts";
import { escapeHTML, SafeHTML, toText } from "./escape.ts";

/** Builds one template node. `dynamic` and `html` close over the render's assigns. */
export function node(
  statics: readonly string[],
  fingerprint: number,
  root: boolean,
  dynamic: (track: boolean) => Dynamic[] | SparseDynamics,
  html: () => string,
): Rendered {
  return { kind: "rendered", static: statics, fingerprint, root, dynamic, html };
}

/**
 * A tracked render of a node with many slots: only the slots whose dependencies may have
 * changed are visited — those indexed under a changed assign in `byAssign`, plus `alwaysCheck`
 * (slots reading loop or slot variables, or untracked names). `compute(i)` evaluates slot `i`'s
 * full guard and value (`null` when unchanged after all, e.g. a nested path that did not move).
 */
export function sparse(
  length: number,
  changed: Readonly<Record<string, unknown>>,
  byAssign: ReadonlyMap<string, readonly number[]>,
  alwaysCheck: readonly number[],
  compute: (slot: number) => Dynamic,
): SparseDynamics {
  const indices: number[] = [];
  const values: Dynamic[] = [];
  const visit = (slot: number) => {
    if (indices.includes(slot)) return; // a slot reading two changed assigns is computed once
    const value = compute(slot);
    if (value !== null) indices.push(slot), values.push(value);
  };
  for (const key in changed) {
    const slots = byAssign.get(key);
    if (slots !== undefined) for (let k = 0; k < slots.length; k++) visit(slots[k]!);
  }
  for (let k = 0; k < alwaysCheck.length; k++) visit(alwaysCheck[k]!);
  return { sparse: true, length, indices, values };
}

/** Every slot of a large node (a full render), through the same function as `sparse`. */
export function allSlots(length: number, compute: (slot: number) => Dynamic): Dynamic[] {
  const values = new Array<Dynamic>(length);
  for (let i = 0; i < length; i++) values[i] = compute(i);
  return values;
}

/** A node with no dynamic parts at all (a static-only branch or slot body). */
export function staticNode(statics: readonly string[], fingerprint: number, root: boolean): Rendered {
  const html = statics[0]!;
  return { kind: "rendered", static: statics, fingerprint, root, dynamic: noDynamics, html: () => html };
}
const noDynamics = (): Dynamic[] => [];

/** The `__changed__` map of a function component: `flags("a", true, "b", false)` → `{ a: true }`. */
export function flags(...pairs: Array<string | boolean>): Record<string, true> {
  const out: Record<string, true> = {};
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1]) out[pairs[i] as string] = true;
  return out;
}

/** A node of fixed HTML (a slot body made during a first render, listed with others). */
function htmlNode(html: string): Rendered {
  return staticNode([html], HTML_NODE_PRINT, false);
}
const HTML_NODE_PRINT = 0x4854_4d4c;

/** A value that the stream runtime hands to a template in place of a list (see runtime/server/stream.ts). */
export interface StreamSource<T = unknown> {
  readonly __stream__: true;
  /** Items inserted in this render, each with its DOM id; the server keeps no others. */
  readonly entries: ReadonlyArray<readonly [domId: string, item: T]>;
  readonly patch: StreamPatch;
}

function isStream(value: unknown): value is StreamSource {
  return typeof value === "object" && value !== null && (value as { __stream__?: unknown }).__stream__ === true;
}

/** Iterates what a `:for` may loop over: arrays, any iterable, a stream; `null`/`undefined` are empty. */
export function iterate<T>(value: Iterable<T> | StreamSource<T> | null | undefined): Iterable<T> {
  if (value == null) return EMPTY as T[];
  if (isStream(value)) return value.entries as unknown as Iterable<T>;
  return value as Iterable<T>;
}
const EMPTY: unknown[] = [];

/**
 * Builds a comprehension from an iterable. `entry` is generated per `:for`: it binds the loop
 * variables of one item and returns `null` when the item is filtered out by a `:if`.
 */
export function comprehension<T>(
  statics: readonly string[],
  fingerprint: number,
  hasKey: boolean,
  outerChanged: boolean,
  value: Iterable<T> | StreamSource<T> | null | undefined,
  keyOf: ((item: T, index: number) => unknown) | "position" | null,
  entry: (item: T, index: number, position: number) => ComprehensionEntry | null,
  slotsInPlace?: (item: T, index: number, position: number, track: boolean, into: Dynamic[]) => Dynamic[] | null,
): Comprehension {
  const iterable = iterate(value);
  const items: readonly T[] = Array.isArray(iterable) ? iterable : [...iterable];
  let built: ComprehensionEntry[] | null = null;
  return {
    kind: "comprehension",
    static: statics,
    fingerprint,
    hasKey,
    outerChanged,
    // Built on demand: the diff engine skips unchanged entries without building them.
    get entries(): readonly ComprehensionEntry[] {
      if (built) return built;
      // `index` counts items; `position` counts entries kept after a `:if` filter, and is the
      // key of an unkeyed entry (LiveView keys unkeyed comprehensions by position).
      const list: ComprehensionEntry[] = [];
      for (let index = 0; index < items.length; index++) {
        const e = entry(items[index]!, index, list.length);
        if (e !== null) list.push(e);
      }
      return (built = list);
    },
    stream: isStream(value) ? value.patch : null,
    source: {
      items,
      keyOf: keyOf as ComprehensionSource["keyOf"],
      entryFor: entry as ComprehensionSource["entryFor"],
      slotsInPlace: (slotsInPlace ?? null) as ComprehensionSource["slotsInPlace"],
    },
  };
}

/**
 * A dynamic text slot: nested templates and stateful component references pass through (the
 * diff engine turns a reference into its cid), anything else becomes escaped text.
 */
export function dyn(value: unknown): Dynamic {
  if (typeof value === "string") return escapeHTML(value);
  if (typeof value === "number") return String(value);
  if (isTemplateValue(value) || isComponentRef(value)) return value;
  return toText(value);
}

/** The HTML of any interpolated value: nested templates render themselves, the rest is escaped. */
export function htmlOf(value: unknown): string {
  if (typeof value === "string") return escapeHTML(value);
  if (typeof value === "number") return String(value);
  // A slot's body during a first render (`{renderSlot(@inner_block)}`): markup made already.
  if (value instanceof SafeHTML) return value.html;
  if (isTemplateValue(value)) return templateHtml(value);
  if (isComponentRef(value)) return statefulHtml(value);
  return toText(value);
}

/**
 * The escaped text of a value that several text or plain-attribute slots of one HTML render
 * read (`<h2>{item.title}</h2><img alt={item.title}>`), escaped once for all of them; `null`
 * for any other value than a string, which each slot then renders through its own helper.
 */
export function escapedText(value: unknown): string | null {
  return typeof value === "string" ? escapeHTML(value) : null;
}

/**
 * Where a stateful component met by an HTML render goes: set by the server around the HTTP
 * render of a live view (runtime/server/component-html.ts), null otherwise. A module variable
 * rather than an argument because the compiled HTML functions take only their assigns, and an
 * HTML render is synchronous, so exactly one is in progress at a time.
 */
let componentPlacer: ComponentPlacer | null = null;

/** Takes a stateful component met by an HTML render and returns what stands for it there. */
export interface ComponentPlacer {
  place(ref: ComponentRef): string;
}

/** Runs `render` with stateful components sent to `placer`; restores the previous one after. */
export function withComponentHtml<T>(placer: ComponentPlacer, render: () => T): T {
  const previous = componentPlacer;
  componentPlacer = placer;
  try {
    return render();
  } finally {
    componentPlacer = previous;
  }
}

function statefulHtml(ref: ComponentRef): string {
  if (componentPlacer === null) throw statelessComponentError(ref);
  return componentPlacer.place(ref);
}

function isTemplateValue(value: unknown): value is Rendered | Comprehension {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === "rendered" || kind === "comprehension";
}

function isComponentRef(value: unknown): value is ComponentRef {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "component";
}

function statelessComponentError(ref: ComponentRef): Error {
  return new Error(
    `the stateful component with id ${JSON.stringify(ref.id)} renders only inside a live view ` +
      "(through its diffs), not through renderToString or html()",
  );
}

/** A comprehension's HTML (used when one reaches text interpolation, e.g. through a slot). */
function templateHtml(value: Rendered | Comprehension): string {
  if (value.kind === "rendered") return value.html();
  let out = "";
  for (const entry of value.entries) {
    const dynamics = entry.render(null, false);
    const s = value.static;
    out += s[0];
    for (let i = 0; i < dynamics.length; i++) out += dynamicHtml(dynamics[i]!) + s[i + 1];
  }
  return out;
}

function dynamicHtml(value: Dynamic): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (value.kind === "component") return statefulHtml(value);
  return templateHtml(value);
}

/**
 * A substitution inside a template-literal attribute value (`id={`row-${@id}`}`): converted as
 * JavaScript's template literal would convert it, then escaped. The literal pieces around it are
 * already escaped in the statics.
 */
export function attributePiece(value: unknown): string {
  return typeof value === "number" ? String(value) : escapeHTML(String(value));
}

/** One entry of a slot: its attributes plus the body, rendered with the argument of `renderSlot`. */
export interface SlotEntry<Arg = unknown> {
  readonly __slot__: string;
  /** The body: a template, or (during a first render) its HTML already made. */
  readonly inner_block: ((arg: Arg) => Rendered | SafeHTML) | null;
  readonly [attribute: string]: unknown;
}

/**
 * Renders a slot (a list of entries, e.g. `@inner_block` or `@header`) with an argument that
 * the caller receives through `:let`. Several entries render one after another.
 */
export function renderSlot<Arg>(slot: readonly SlotEntry<Arg>[] | SlotEntry<Arg> | null | undefined, arg?: Arg): Rendered | SafeHTML | string {
  if (slot == null) return "";
  const entries = Array.isArray(slot) ? (slot as readonly SlotEntry<Arg>[]) : [slot as SlotEntry<Arg>];
  // The common case, one entry (a default slot): its body, no list built.
  if (entries.length === 1) return entries[0]!.inner_block?.(arg as Arg) ?? "";
  const bodies: Rendered[] = [];
  for (const entry of entries) {
    const body = entry.inner_block?.(arg as Arg);
    if (body !== undefined) bodies.push(body instanceof SafeHTML ? htmlNode(body.html) : body);
  }
  if (bodies.length === 1) return bodies[0]!;
  if (bodies.length === 0) return "";
  // Several entries: one node whose slots are the bodies. Its shape depends on the count only.
  const statics = new Array<string>(bodies.length + 1).fill("");
  return node(statics, SLOT_LIST_PRINT + bodies.length, false, () => bodies, () => bodies.map((b) => b.html()).join(""));
}
const SLOT_LIST_PRINT = 0x5107_0000;

/**
 * `htmlOf(renderSlot(slot, arg))` for the HTML renderer, where `{renderSlot(…)}` is the whole
 * interpolation: the common one-entry slot's markup comes straight from its body, with no slot
 * value built and no type test of it by `htmlOf`.
 */
export function slotHtml<Arg>(slot: readonly SlotEntry<Arg>[] | SlotEntry<Arg> | null | undefined, arg?: Arg): string {
  if (slot == null) return "";
  if (!Array.isArray(slot)) return bodyHtml(slot as SlotEntry<Arg>, arg);
  if (slot.length === 1) return bodyHtml(slot[0] as SlotEntry<Arg>, arg);
  return htmlOf(renderSlot(slot, arg));
}

function bodyHtml<Arg>(entry: SlotEntry<Arg>, arg: Arg | undefined): string {
  const body = entry.inner_block?.(arg as Arg);
  return body instanceof SafeHTML ? body.html : htmlOf(body ?? "");
}

/**
 * A slot entry's body in the HTML renderer: the HTML the compiled renderer made, a string by
 * construction, so it is marked trusted without the checks `raw` makes of a user's value.
 */
export function slotBody(html: string): SafeHTML {
  return new SafeHTML(html);
}

/**
 * A function component's assigns with the change map it receives from its caller (as LiveView's
 * `__changed__`). `P` comes from the component's parameter type only (`NoInfer`), so TypeScript
 * checks the attributes literal against it property by property: a wrong attribute is reported
 * where it is written, a missing one at the call.
 */
export function props<P extends object>(attributes: NoInfer<P>, changed: Changed): P {
  (attributes as { __changed__?: Changed }).__changed__ = changed;
  return attributes;
}

/**
 * The first-paint twin of `props`: the same type check of the attributes literal, and no change
 * map (the HTML renderer never reads one), so the literal keeps its shape.
 */
export function propsHtml<P extends object>(attributes: NoInfer<P>): P {
  return attributes;
}

/**
 * The one template type: a render function of the assigns. A compiled template takes the change
 * map as its second argument and carries its direct HTML renderer (`html`); a hand-written
 * `render` has no `html` and reads the change map from `assigns.__changed__`, as LiveView's do.
 */
export interface Template<A> {
  (assigns: A, changed?: Changed): Rendered;
  html?(assigns: A): string;
}

/** A compiled template: the tree renderer, with its direct HTML renderer attached. */
export interface CompiledTemplate<A> extends Template<A> {
  html(assigns: A): string;
}

/**
 * The HTML of a function component call during a first render. A compiled component renders
 * straight to a string; any other function returns a template whose HTML is taken.
 */
export function componentHtml<A>(name: string, fn: ((assigns: A) => unknown) & { html?: (assigns: A) => string }, assigns: A): string {
  if (typeof fn.html === "function") return fn.html(assigns);
  return component(name, fn(assigns)).html();
}

/** Checks what a function component returned, so a mistake names the component. */
export function component(name: string, result: unknown): Rendered {
  if (typeof result === "object" && result !== null && (result as { kind?: unknown }).kind === "rendered") {
    return result as Rendered;
  }
  throw new TypeError(
    `component <.${name}> must return a live template (a compiled .live.html or live\`…\`), got ${describe(result)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value).slice(0, 40)}`;
}

/**
 * The change map of a render: given explicitly by the server (which then need not copy the
 * assigns), or read from the assigns' `__changed__` as LiveView does (function components).
 */
export function changedOf(assigns: unknown, changed?: Changed): Changed {
  if (changed !== undefined) return changed;
  return (assigns as { __changed__?: Changed } | null)?.__changed__ ?? null;
}

export { escapeHTML };
