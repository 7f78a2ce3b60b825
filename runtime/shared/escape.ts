// HTML escaping and value-to-text conversion (HEEX-REFERENCE.md §1.4, Phoenix.HTML.Safe).
// The five escapes are the ones Plug.HTML uses, so server-rendered HTML and diffs match
// LiveView byte for byte.

// Global so that a match leaves `lastIndex` just past the first character to escape.
const NEEDS_ESCAPE = /[&<>"']/g;

/** Escapes `& < > " '` for use in HTML text and attribute values. */
export function escapeHTML(text: string): string {
  // Empty text (an attribute or class left blank on most rows) is common, and the test's
  // call costs several times this check.
  if (text.length === 0) return text;
  // Most interpolated values contain nothing to escape: one regular-expression test answers
  // that (V8 inlines `test`), and its `lastIndex` says where the first escape is, so text with
  // one is not searched a second time.
  NEEDS_ESCAPE.lastIndex = 0;
  if (!NEEDS_ESCAPE.test(text)) return text;
  const first = NEEDS_ESCAPE.lastIndex - 1;
  // Otherwise copy the runs between escapes; a charCode switch beats a replace callback.
  let out = "";
  let last = 0;
  for (let i = first; i < text.length; i++) {
    let entity: string;
    switch (text.charCodeAt(i)) {
      case 38:
        entity = "&amp;";
        break;
      case 60:
        entity = "&lt;";
        break;
      case 62:
        entity = "&gt;";
        break;
      case 34:
        entity = "&quot;";
        break;
      case 39:
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return out + text.slice(last);
}

const SAFE_BRAND: unique symbol = Symbol("livehtml.safe");

/** Trusted HTML that is emitted as is. Create it with `raw()` only. */
export class SafeHTML {
  readonly [SAFE_BRAND] = true;
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/**
 * Marks `html` as trusted markup that must not be escaped. The only way to skip escaping:
 * never pass it user input.
 */
export function raw(html: string | SafeHTML): SafeHTML {
  if (html instanceof SafeHTML) return html;
  if (typeof html !== "string") {
    throw new TypeError(`raw() expects a string of HTML, got ${describe(html)}`);
  }
  return new SafeHTML(html);
}

/** True for values made by `raw()`. */
export function isSafeHTML(value: unknown): value is SafeHTML {
  return value instanceof SafeHTML;
}

/**
 * Converts an interpolated value to escaped HTML text:
 * `null`/`undefined`/`false` → `""`, `true` → `"true"`, numbers and bigints as decimal text,
 * strings escaped, `raw()` values unescaped, arrays item by item, Dates as ISO-8601.
 * Plain objects, functions and symbols have no text form and raise a TypeError that names
 * the type (as Phoenix raises Protocol.UndefinedError), rather than printing `[object Object]`.
 */
export function toText(value: unknown): string {
  switch (typeof value) {
    case "string":
      return escapeHTML(value);
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "true" : "";
    case "undefined":
      return "";
    case "object":
      if (value === null) return "";
      if (value instanceof SafeHTML) return value.html;
      if (Array.isArray(value)) {
        let out = "";
        for (const item of value) out += toText(item);
        return out;
      }
      if (value instanceof Date) return value.toISOString();
      // Objects with their own text form (URL, custom classes) are stringified; plain
      // objects are almost always a mistake in a template.
      if (typeof value.toString === "function" && value.toString !== Object.prototype.toString) {
        return escapeHTML(String(value));
      }
      throw new TypeError(
        `cannot render ${describe(value)} as text; interpolate one of its fields, or convert it explicitly (for example with JSON.stringify)`,
      );
    default:
      throw new TypeError(`cannot render ${describe(value)} as text`);
  }
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return name && name !== "Object" ? `an instance of ${name}` : "a plain object";
  }
  if (typeof value === "function") return "a function";
  return `a ${typeof value}`;
}
