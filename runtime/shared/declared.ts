// Declared attributes of a function component (compiler/analyze/declared-attributes.ts reads
// the declaration; compiled code calls `declared` at the top of the component's render).
//
// The caller passes one object of attributes and slots. The component's assigns are its
// declared attributes (with defaults filled in), plus one `rest` object holding everything the
// caller passed that the component does not declare, so `{...@rest}` forwards exactly those and
// never the component's own props. The caller's change map is carried over per attribute, and
// `rest` counts as changed only when one of the attributes in it did: a spread of rest
// attributes is not resent when an unrelated prop changes.
import type { Changed } from "./rendered.ts";

/** HTML's global attributes, as a component's rest attributes accept them (Phoenix's `:global`). */
export interface GlobalAttributes {
  accesskey?: unknown;
  autocapitalize?: unknown;
  autofocus?: unknown;
  class?: unknown;
  contenteditable?: unknown;
  dir?: unknown;
  draggable?: unknown;
  enterkeyhint?: unknown;
  exportparts?: unknown;
  hidden?: unknown;
  id?: unknown;
  inert?: unknown;
  inputmode?: unknown;
  is?: unknown;
  itemid?: unknown;
  itemprop?: unknown;
  itemref?: unknown;
  itemscope?: unknown;
  itemtype?: unknown;
  lang?: unknown;
  nonce?: unknown;
  part?: unknown;
  popover?: unknown;
  role?: unknown;
  slot?: unknown;
  spellcheck?: unknown;
  style?: unknown;
  tabindex?: unknown;
  title?: unknown;
  translate?: unknown;
  [binding: `phx-${string}`]: unknown;
  [data: `data-${string}`]: unknown;
  [aria: `aria-${string}`]: unknown;
}

/**
 * The type of a component's rest attributes: the global attributes plus `Extra` names
 * (`rest?: Rest<"href" | "target">` for a component that renders an `<a>`).
 */
export type Rest<Extra extends string = never> = GlobalAttributes & { [K in Extra]?: unknown };

/** The global attribute names (without the `phx-`, `data-`, `aria-` prefixes), for compile-time checks. */
export const GLOBAL_ATTRIBUTES: readonly string[] = [
  "accesskey", "autocapitalize", "autofocus", "class", "contenteditable", "dir", "draggable", "enterkeyhint",
  "exportparts", "hidden", "id", "inert", "inputmode", "is", "itemid", "itemprop", "itemref", "itemscope",
  "itemtype", "lang", "nonce", "part", "popover", "role", "slot", "spellcheck", "style", "tabindex", "title",
  "translate",
];
export const GLOBAL_PREFIXES: readonly string[] = ["phx-", "data-", "aria-"];

/** What the compiler knows about a component's attributes. */
export interface AttributeDeclaration {
  /** For error messages: `<.card>`. */
  readonly component: string;
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** The property that receives the undeclared attributes, if any. */
  readonly rest: string | null;
  readonly defaults: Readonly<Record<string, unknown>> | null;
}

/** Builds a component's assigns from what its caller passed (see the file comment). */
export function declared<A>(declaration: AttributeDeclaration, input: object): A {
  const given = input as Readonly<Record<string, unknown>> & { __changed__?: Changed };
  const changed = given.__changed__ ?? null;
  const own = new Set(declaration.names);
  const out: Record<string, unknown> = {};
  const restName = declaration.rest;
  const rest: Record<string, unknown> = {};
  let restChanged = false;
  if (restName !== null && isRecord(given[restName])) Object.assign(rest, given[restName]);
  for (const key of Object.keys(given)) {
    if (key === "__changed__" || key === restName) continue;
    const value = given[key];
    if (own.has(key) || restName === null || isSlot(value)) {
      out[key] = value;
    } else {
      rest[key] = value;
      if (changed !== null && Object.prototype.hasOwnProperty.call(changed, key)) restChanged = true;
    }
  }
  if (declaration.defaults !== null) {
    for (const key of Object.keys(declaration.defaults)) if (!(key in out) || out[key] === undefined) out[key] = declaration.defaults[key];
  }
  for (const key of declaration.required) {
    if (!(key in out)) throw new TypeError(`<.${declaration.component}> needs the attribute ${JSON.stringify(key)}`);
  }
  if (restName !== null) out[restName] = rest;
  if (changed === null) {
    out.__changed__ = null;
  } else {
    const next: Record<string, unknown> = {};
    for (const key of Object.keys(changed)) if (key in out && key !== restName) next[key] = changed[key];
    if (restName !== null && (restChanged || Object.prototype.hasOwnProperty.call(changed, restName))) next[restName] = true;
    out.__changed__ = next;
  }
  return out as A;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A slot value (a list of slot entries) is the component's to render, never a rest attribute. */
function isSlot(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && isRecord(value[0]) && typeof value[0].__slot__ === "string";
}
