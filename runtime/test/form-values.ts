// The values a rendered form would submit, read from its HTML the way the browser builds its
// FormData: named inputs in document order (checkboxes and radios only when checked, a select's
// selected options or else its first, a textarea's text), disabled controls and buttons left
// out. The test harness merges a test's values over these, as Phoenix's `form/3` does.
import { findElements, type FoundElement } from "./element.ts";

export type FormPair = readonly [name: string, value: string];

export interface RenderedForm {
  readonly element: FoundElement;
  /** What the form submits as rendered, in order. */
  readonly pairs: readonly FormPair[];
  /** Every control name in the form, submitted or not (an unchecked checkbox too). */
  readonly names: ReadonlySet<string>;
}

const CONTROL = /<(input|select|textarea|option)\b((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<\/(select|textarea)\s*>/gi;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const FORM_START = /<form\b[^>]*>/gi;

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function attributesOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of source.matchAll(ATTRIBUTE)) out[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? "");
  return out;
}

/** The one form matching `selector` in `html`, with what it would submit. */
export function renderedForm(html: string, selector: string): RenderedForm {
  const matches = findElements(html, selector).filter((e) => e.tag === "form");
  if (matches.length === 0) throw new Error(`livehtml/test: no <form> matches "${selector}"`);
  if (matches.length > 1) throw new Error(`livehtml/test: "${selector}" matches ${matches.length} forms; be more specific`);
  const element = matches[0]!;
  // The same form's start tag in the HTML: the first whose attributes are the matched ones.
  let body = "";
  for (const m of html.matchAll(FORM_START)) {
    const attrs = attributesOf(m[0].slice(5, -1));
    if (JSON.stringify(attrs) !== JSON.stringify(element.attributes)) continue;
    const start = m.index! + m[0].length;
    const end = html.indexOf("</form>", start);
    body = html.slice(start, end === -1 ? html.length : end);
    break;
  }
  return { element, ...controlsOf(body) };
}

function controlsOf(body: string): { pairs: FormPair[]; names: Set<string> } {
  const pairs: FormPair[] = [];
  const names = new Set<string>();
  let select: { name: string | null; multiple: boolean; options: { value: string; selected: boolean }[] } | null = null;
  let textarea: { name: string | null; start: number } | null = null;
  for (const m of body.matchAll(CONTROL)) {
    const closing = m[3]?.toLowerCase();
    if (closing === "textarea" && textarea) {
      // The browser drops one newline right after <textarea>.
      const text = decode(body.slice(textarea.start, m.index)).replace(/^\r?\n/, "");
      if (textarea.name !== null) pairs.push([textarea.name, text]);
      textarea = null;
      continue;
    }
    if (textarea) continue;
    if (closing === "select" && select) {
      const chosen = select.options.filter((o) => o.selected);
      const submitted = chosen.length > 0 ? (select.multiple ? chosen : [chosen[chosen.length - 1]!]) : select.multiple ? [] : select.options.slice(0, 1);
      if (select.name !== null) for (const o of submitted) pairs.push([select.name, o.value]);
      select = null;
      continue;
    }
    if (closing) continue;
    const tag = m[1]!.toLowerCase();
    const attrs = attributesOf(m[2] ?? "");
    const name = "disabled" in attrs || !attrs.name ? null : attrs.name;
    if (attrs.name) names.add(attrs.name);
    if (tag === "textarea") textarea = { name, start: m.index! + m[0].length };
    else if (tag === "select") select = { name, multiple: "multiple" in attrs, options: [] };
    else if (tag === "option" && select) select.options.push({ value: attrs.value ?? optionText(body, m.index! + m[0].length), selected: "selected" in attrs });
    else if (tag === "input" && name !== null) {
      const type = (attrs.type ?? "text").toLowerCase();
      if (["submit", "button", "reset", "image", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !("checked" in attrs)) continue;
      pairs.push([name, attrs.value ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    }
  }
  return { pairs, names };
}

/** An option without a value submits its text. */
function optionText(body: string, from: number): string {
  const end = body.slice(from).search(/<\/?(option|select|optgroup)\b/i);
  return decode(body.slice(from, end === -1 ? undefined : from + end)).trim();
}

/**
 * The form's rendered pairs with `given` over them: a name the test gives replaces every
 * rendered value of that name. A given name that no control of the form has is an error (the
 * test would submit what no user could).
 */
export function mergeFormValues(form: RenderedForm, given: readonly FormPair[], selector: string): FormPair[] {
  const givenNames = new Set(given.map(([name]) => name));
  for (const name of givenNames) {
    if (!form.names.has(name)) {
      throw new Error(`livehtml/test: the form "${selector}" has no control named "${name}" (it has ${[...form.names].map((n) => JSON.stringify(n)).join(", ") || "none"})`);
    }
  }
  return [...form.pairs.filter(([name]) => !givenNames.has(name)), ...given];
}
