// Dynamic attribute rendering (HEEX-REFERENCE.md §1.4, LANGUAGE.md §4). Generated code calls
// these for `name={expr}` and `{...spread}`; literal pieces are escaped into statics at compile
// time, so the `*Value` helpers return only the escaped value part.
import { escapeHTML, toText, describe } from "./escape.ts";

/** `true` → bare attribute; `false`/`null`/`undefined` → omitted; anything else → escaped value. */
export function attr(name: string, value: unknown): string {
  if (value === true) return ` ${name}`;
  if (value === false || value === null || value === undefined) return "";
  return ` ${name}="${attrValue(value)}"`;
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
export function spreadAttrs(attrs: object | null | undefined): string {
  if (attrs === null || attrs === undefined) return "";
  if (typeof attrs !== "object" || Array.isArray(attrs)) {
    throw new TypeError(`an attribute spread expects an object of attributes, got ${describe(attrs)}`);
  }
  let out = "";
  const record = attrs as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(record)) {
    out += spreadOne(name, record[name]);
  }
  return out;
}

function spreadOne(name: string, value: unknown): string {
  if (name === "" || INVALID_NAME.test(name)) {
    throw new TypeError(`invalid attribute name ${JSON.stringify(name)} in attribute spread`);
  }
  if (value === true) return ` ${name}`;
  if (value === false || value === null || value === undefined) return "";
  if (name === "class" && Array.isArray(value)) return ` class="${classValue(value)}"`;
  if ((name === "data" || name === "aria") && isPlainObject(value)) {
    let out = "";
    for (const key of Object.keys(value)) out += spreadOne(`${name}-${key}`, value[key]);
    return out;
  }
  return ` ${name}="${attrValue(value)}"`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
