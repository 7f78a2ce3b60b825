// HTML facts the parser needs. parse5 exports no void-element set, so the list is written here:
// exactly the elements parse5's serializer treats as void, plus HEEx's obsolete `command`.
// tests/parse/html.test.ts checks the list against parse5, and the raw-text set against
// parse5's `hasUnescapedText`.

/** Void for HEEx (`html_engine.ex` `void?/1`) though no longer in the HTML standard. */
export const HEEX_ONLY_VOID_ELEMENTS: ReadonlySet<string> = new Set(["command"]);

/** Elements that never have content or a close tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
  "link", "meta", "param", "source", "track", "wbr", ...HEEX_ONLY_VOID_ELEMENTS,
]);

/** Elements whose body is raw text up to the literal close tag (HEEx: script and style only). */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(["script", "style"]);

/**
 * Text of HTML whitespace only (space, tab, LF, FF, CR: the HTML standard's ASCII whitespace).
 * The one definition of "blank" for the parser's whitespace rules and for lowering (whitespace
 * between `:if` siblings, around slot content).
 */
export function isBlankText(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

export function isVoidElement(name: string): boolean {
  return VOID_ELEMENTS.has(name);
}
