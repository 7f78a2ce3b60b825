// Turning escaped HTML from the wire into DOM values: slot strings are HTML (escaped text or
// trusted markup), attribute slots are escaped attribute text.
let decoder: HTMLTextAreaElement | null = null;
let parser: HTMLTemplateElement | null = null;

/**
 * The text an escaped HTML string stands for (`&amp;` → `&`), read as the HTML parser reads
 * the page's own HTML: CR and CRLF are LF, and NUL is dropped from text (`inText`) and U+FFFD
 * elsewhere, so a slot written by a patch equals the same value parsed from the server's HTML.
 * Fast when there is none of `&`, CR or NUL.
 */
export function decode(html: string, inText = false): string {
  if (!/[&\r\0]/.test(html)) return html;
  html = html.replace(/\r\n?/g, "\n").replace(/\0/g, inText ? "" : "\uFFFD");
  if (!html.includes("&")) return html;
  decoder ??= document.createElement("textarea");
  decoder.innerHTML = html;
  return decoder.value;
}

/** Parses markup into a fragment (template content, so table rows etc. parse in place). */
export function parseHTML(html: string): DocumentFragment {
  parser ??= document.createElement("template");
  parser.innerHTML = html;
  return document.importNode(parser.content, true);
}

const ATTRIBUTE = /\s*([^\s"'<>\/=]+)(?:="([^"]*)")?/y;

/** Name/value pairs of an attribute list such as ` type="text" checked`. */
export function parseAttributes(html: string): Array<[string, string]> {
  // The server writes attribute lists as ` name="escaped value"` or ` name`: read those
  // directly; hand anything else to the HTML parser.
  const pairs: Array<[string, string]> = [];
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (ATTRIBUTE.lastIndex < html.length && (match = ATTRIBUTE.exec(html))) {
    pairs.push([match[1]!.toLowerCase(), decode(match[2] ?? "")]);
  }
  if (ATTRIBUTE.lastIndex >= html.length || html.trim() === "") return pairs;
  parser ??= document.createElement("template");
  parser.innerHTML = `<div ${html}></div>`;
  const el = parser.content.firstElementChild;
  return el ? Array.from(el.attributes, (a) => [a.name, a.value]) : [];
}

const EDITABLE = new Set(["input", "textarea", "select"]);

/** A form control the user is typing in: its value belongs to the user, not to the server. */
export function isFocusedInput(el: Element): boolean {
  return el === document.activeElement && EDITABLE.has(el.localName);
}

/**
 * Sets an attribute, keeping live form state in step: a control's `value` and `checked`
 * properties follow the attribute (the user's value wins while the control has focus).
 */
export function setAttr(el: Element, name: string, value: string | null): void {
  const control = EDITABLE.has(el.localName);
  if (control && (name === "value" || name === "checked" || name === "selected") && isFocusedInput(el)) return;
  if (value === null) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  if (!control) return;
  if (name === "value" && "value" in el) (el as HTMLInputElement).value = value ?? "";
  else if (name === "checked") (el as HTMLInputElement).checked = value !== null;
  else if (name === "selected") (el as unknown as HTMLOptionElement).selected = value !== null;
}

/**
 * Gives `to` the attributes of `from` (through setAttr: form state follows), removing those
 * `from` lacks unless `keep(name)`.
 */
export function copyAttributes(from: Element, to: Element, keep: (name: string) => unknown = () => false): void {
  for (const { name, value } of Array.from(from.attributes)) if (to.getAttribute(name) !== value) setAttr(to, name, value);
  for (const { name } of Array.from(to.attributes)) if (!from.hasAttribute(name) && !keep(name)) setAttr(to, name, null);
}
