// The void and raw-text element sets agree with parse5's knowledge of HTML.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { html, parseFragment, serialize } from "parse5";
import { HEEX_ONLY_VOID_ELEMENTS, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from "../../compiler/utils/html.ts";

const test = suite("html element sets");

/** parse5 serialises a void element without a close tag. */
function parse5SaysVoid(name: string): boolean {
  const out = serialize(parseFragment(`<${name}>`));
  return out.startsWith(`<${name}`) && !out.includes(`</${name}>`);
}

test("every void element but HEEx-only ones is void for parse5", () => {
  for (const name of VOID_ELEMENTS) {
    assert.is(parse5SaysVoid(name), !HEEX_ONLY_VOID_ELEMENTS.has(name), name);
  }
});

test("parse5's void elements among HTML tag names are all known", () => {
  const names = Object.values(html.TAG_NAMES) as string[];
  const extra = names.filter((n) => parse5SaysVoid(n) && !VOID_ELEMENTS.has(n));
  assert.equal(extra, []);
});

test("raw-text elements are raw text for parse5", () => {
  for (const name of RAW_TEXT_ELEMENTS) assert.ok(html.hasUnescapedText(name, true), name);
});

test.run();
