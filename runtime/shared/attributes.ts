// Dynamic attribute rendering (HEEX-REFERENCE.md §1.4, LANGUAGE.md §4). Generated code calls
// these for `name={expr}` and `{...spread}`; literal pieces are escaped into statics at compile
// time, so the `*Value` helpers return only the escaped value part.
//
// Output safety (README "Security"): URL attributes go through `urlAttr` (url.ts judges the
// value), event handlers (`on*`) and `srcdoc` take only `raw()` values (`rawOnlyAttr`), and
// `phx-*` bindings cannot carry a JS command that navigates to a refused URL (`bindingAttr`).
// The compiler picks the helper from the attribute's static name, so other attributes pay nothing;
// spreads, whose names are known only when they render, apply the same rules per key.
import { escapeHTML, toText, describe, SafeHTML } from "./escape.ts";
import { isSafeUrl, REFUSED_URL, safeUrl, settlesSafeUrl, urlKind, type UrlKind } from "./url.ts";
import { devWarning } from "./warn.ts";

/** `true` → bare attribute; `false`/`null`/`undefined` → omitted; anything else → escaped value. */
export function attr(name: string, value: unknown): string {
  if (value === true) return ` ${name}`;
  if (value === false || value === null || value === undefined) return "";
  return ` ${name}="${attrValue(value)}"`;
}

/**
 * `attr` in the HTML renderer, which writes an attribute's start ` name="` as one constant
 * (`open`): a string value costs one concatenation, with no start built per call.
 */
export function attrAt(open: string, value: unknown): string {
  if (typeof value === "string") return open + escapeHTML(value) + '"';
  return attr(attributeName(open), value);
}

/** `urlAttr` in the HTML renderer, with the attribute's start as `attrAt` takes it. */
export function urlAttrAt(open: string, value: unknown, kind: UrlKind): string {
  if (typeof value === "string" && (kind === "url" || kind === "image")) return open + (isSafeUrl(value, kind) ? escapeHTML(value) : REFUSED_URL) + '"';
  return urlAttr(attributeName(open), value, kind);
}

/** `name` from ` name="`. */
function attributeName(open: string): string {
  return open.slice(1, -2);
}

/** The safety rule of attribute `name` on element `tag` (`null` when not known): which helper renders it. */
export type AttributeRule =
  | { readonly kind: "url"; readonly url: UrlKind }
  | { readonly kind: "raw-only" }
  | { readonly kind: "binding" }
  | null;

export function attributeRule(tag: string | null, name: string): AttributeRule {
  if (isRawOnly(name)) return RAW_ONLY;
  if (isBinding(name)) return BINDING;
  const url = urlKind(tag, name);
  return url === null ? null : { kind: "url", url };
}
const RAW_ONLY = { kind: "raw-only" } as const;
const BINDING = { kind: "binding" } as const;

/**
 * Whether a literal-pieces value (`href={`/u/${@id}`}`) may keep its substitutions as slots of
 * their own, judged by its static text alone. Otherwise the compiler renders the whole value
 * through the rule's helper, which sees it complete. Literal text without substitutions is the
 * author's and always kept.
 */
export function piecesKeepRule(rule: AttributeRule, first: string | null, substitutions: number): boolean {
  if (rule === null || substitutions === 0) return true;
  switch (rule.kind) {
    case "url":
      return first !== null && settlesSafeUrl(first, rule.url);
    case "binding":
      return first !== null && first !== "" && first[0] !== "[";
    case "raw-only":
      return false;
  }
}

/** An attribute holding a URL (`href`, `src`, …): a refused URL renders as `about:invalid` (url.ts). */
export function urlAttr(name: string, value: unknown, kind: UrlKind): string {
  // The common case, a string holding one URL, is judged before escaping and costs one scan.
  if (typeof value === "string" && (kind === "url" || kind === "image")) {
    return ` ${name}="${isSafeUrl(value, kind) ? escapeHTML(value) : REFUSED_URL}"`;
  }
  if (value === true) return ` ${name}`;
  if (value === false || value === null || value === undefined) return "";
  return ` ${name}="${urlValue(value, kind)}"`;
}

/**
 * The escaped, judged value of a URL attribute; `raw()` values pass as written. The judgement
 * reads the escaped text: escaping changes only `& < > " '`, none of which can be in a scheme.
 */
export function urlValue(value: unknown, kind: UrlKind): string {
  if (value instanceof SafeHTML) return value.html;
  return safeUrl(attrValue(value), kind);
}

/** Whether an attribute runs its value as code or as a document: `on*` handlers and `srcdoc`. */
export function isRawOnly(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith("on") || n === "srcdoc";
}

/**
 * An event handler (`onclick`) or `srcdoc`: its value is script or a whole document, which no
 * escaping makes safe, so only a `raw()` value renders; anything else omits the attribute.
 */
export function rawOnlyAttr(name: string, value: unknown): string {
  if (value === false || value === null || value === undefined) return "";
  if (value instanceof SafeHTML) return ` ${name}="${value.html}"`;
  if (value === true) return ` ${name}`;
  devWarning(`raw-only:${name}`, `the value of "${name}" was not rendered: it runs as code or as a document, so only raw(...) values are rendered there`);
  return "";
}

/** `phx-*` attributes, where the official client reads JS commands. */
export function isBinding(name: string): boolean {
  return name.length > 4 && name.slice(0, 4).toLowerCase() === "phx-";
}

/**
 * A `phx-*` binding. A value starting with `[` is a list of JS commands to the official client;
 * one that navigates or patches to a refused URL makes the whole list `[]` (does nothing).
 */
export function bindingAttr(name: string, value: unknown): string {
  if (typeof value !== "string" || value.charCodeAt(0) !== 91 /* [ */) return attr(name, value);
  return ` ${name}="${escapeHTML(safeCommands(value))}"`;
}

function safeCommands(json: string): string {
  let commands: unknown;
  try {
    commands = JSON.parse(json);
  } catch {
    return json; // the client cannot run it either
  }
  if (!Array.isArray(commands)) return json;
  for (const command of commands) {
    if (!Array.isArray(command)) continue;
    const [kind, args] = command as [unknown, { href?: unknown } | undefined];
    if ((kind === "navigate" || kind === "patch") && typeof args?.href === "string" && !isSafeUrl(args.href)) {
      devWarning("binding-url", `a JS command ${kind} to a refused URL was dropped (${JSON.stringify(args.href.slice(0, 40))})`);
      return "[]";
    }
  }
  return json;
}

/** The escaped text of an attribute value (arrays concatenated as in text). */
export function attrValue(value: unknown): string {
  return toText(value);
}

/**
 * The escaped value of `class`: arrays are flattened, falsy entries dropped (LANGUAGE.md §4)
 * and the rest joined by one space; `null`/`undefined`/`false`/`true` give `""`.
 */
export function classValue(value: unknown): string {
  // A string is the usual class (a conditional's branches): straight to escaping.
  if (typeof value === "string") return escapeHTML(value);
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (Array.isArray(value)) {
    const parts: string[] = [];
    collectClasses(value, parts);
    return escapeHTML(parts.join(" "));
  }
  return toText(value);
}

function collectClasses(list: readonly unknown[], into: string[]): void {
  for (const item of list) {
    if (!item) continue;
    if (Array.isArray(item)) collectClasses(item, into);
    else if (item === true) continue;
    else if (typeof item === "string") into.push(item);
    else if (typeof item === "number" || typeof item === "bigint") into.push(String(item));
    else throw new TypeError(`a class list entry must be a string, got ${describe(item)}`);
  }
}

/** ` class="…"`, always emitted (HEEx keeps `class` even when empty). */
export function classAttr(value: unknown): string {
  return ` class="${classValue(value)}"`;
}

/** The escaped value of `style`: `null`/`undefined`/`false`/`true` give `""`. */
export function styleValue(value: unknown): string {
  if (value === null || value === undefined || typeof value === "boolean") return "";
  return toText(value);
}

/** ` style="…"`, always emitted. */
export function styleAttr(value: unknown): string {
  return ` style="${styleValue(value)}"`;
}

// Characters that would end an attribute name or break out of the tag.
const INVALID_NAME = /[\s"'<>\/=]/;

/**
 * Renders an object of attributes (`{...rest}`) in insertion order with the rules of `attr`.
 * Keys are used as written (not dasherized). A `class` array is joined as in `classValue`.
 * A `data` or `aria` key holding a plain object expands to `data-key="…"` per entry.
 */
// `object`, not a Record: a component's rest attributes are typed by an interface, which has no index signature.
export function spreadAttrs(attrs: object | null | undefined, tag: string | null = null): string {
  if (attrs === null || attrs === undefined) return "";
  if (typeof attrs !== "object" || Array.isArray(attrs)) {
    throw new TypeError(`an attribute spread expects an object of attributes, got ${describe(attrs)}`);
  }
  let out = "";
  const record = attrs as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(record)) {
    out += spreadOne(name, record[name], tag);
  }
  return out;
}

/**
 * One spread key. `on*` keys are dropped whatever their value: a spread often carries an object
 * built from input, and an event handler name in it must not become script (write a handler as
 * an explicit attribute with `raw()`). `srcdoc`, URL and `phx-*` keys follow their attributes' rules.
 */
function spreadOne(name: string, value: unknown, tag: string | null): string {
  if (name === "" || INVALID_NAME.test(name)) {
    throw new TypeError(`invalid attribute name ${JSON.stringify(name)} in attribute spread`);
  }
  if (value === false || value === null || value === undefined) return "";
  if ((name === "data" || name === "aria") && isPlainObject(value)) {
    let out = "";
    for (const key of Object.keys(value)) out += spreadOne(`${name}-${key}`, value[key], tag);
    return out;
  }
  const rule = attributeRule(tag, name);
  if (rule !== null) {
    switch (rule.kind) {
      case "url":
        return urlAttr(name, value, rule.url);
      case "binding":
        return bindingAttr(name, value);
      case "raw-only":
        if (name.toLowerCase() === "srcdoc") return rawOnlyAttr(name, value);
        devWarning(`spread-on:${name}`, `the attribute "${name}" in an attribute spread was dropped: spreads never set event handlers`);
        return "";
    }
  }
  if (value === true) return ` ${name}`;
  if (name === "class" && Array.isArray(value)) return ` class="${classValue(value)}"`;
  return ` ${name}="${attrValue(value)}"`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
