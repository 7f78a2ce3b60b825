// grammar/livehtml.ebnf is prose for people, but it must stay a closed grammar: every name it
// uses is defined exactly once, every definition is reachable from the start symbols, and its
// numbered rules (E*, W*, T*) that the README refers to exist.
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const source = readFileSync(new URL("../../grammar/livehtml.ebnf", import.meta.url), "utf8");
const readme = readFileSync(new URL("../../grammar/README.md", import.meta.url), "utf8");
const START_SYMBOLS = ["TemplateFile", "ColocatedTemplate"];

/** Comments removed; throws on an unclosed one (comments do not nest in W3C EBNF). */
function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("/*", i);
    if (open === -1) return out + text.slice(i);
    const close = text.indexOf("*/", open + 2);
    if (close === -1) throw new Error(`unclosed comment at offset ${open}`);
    out += text.slice(i, open) + " ";
    i = close + 2;
  }
  return out;
}

/** Production name -> right-hand side, in order. Duplicate definitions are returned separately. */
function productions(text: string): { rules: Map<string, string>; duplicates: string[] } {
  const rules = new Map<string, string>();
  const duplicates: string[] = [];
  const parts = stripComments(text).split(/^([A-Za-z][A-Za-z0-9]*)\s*::=/m);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (rules.has(name)) duplicates.push(name);
    rules.set(name, parts[i + 1]!);
  }
  return { rules, duplicates };
}

/** Names referenced on a right-hand side: identifiers outside literals and character classes. */
function references(rhs: string): string[] {
  const withoutLiterals = rhs
    .replace(/"[^"]*"/g, " ")
    .replace(/'[^']*'/g, " ")
    .replace(/\[(?:\\.|[^\]])*\]/g, " ")
    .replace(/#x[0-9A-Fa-f]+/g, " ");
  return withoutLiterals.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
}

const test = suite("EBNF grammar");
const { rules, duplicates } = productions(source);

test("has the productions of every construct of the language", () => {
  for (const name of [
    "Frontmatter", "Text", "Interpolation", "ExpressionTagEex", "TemplateComment", "EexEscape", "HtmlComment",
    "Doctype", "VoidElement", "RawTextElement", "NoCurlyElement", "StaticAttribute", "ExpressionAttribute",
    "SpreadAttribute", "SpecialIf", "SpecialElseIf", "SpecialElse", "SpecialFor", "SpecialKey", "SpecialLet",
    "IndexedPattern", "Component", "Slot", "EexIf", "EexFor", "EexElseIf", "EexElse", "EexEnd",
  ]) {
    assert.ok(rules.has(name), `missing production ${name}`);
  }
});

test("no production is defined twice", () => {
  assert.equal(duplicates, []);
});

test("every referenced name is defined", () => {
  const undefinedNames = new Set<string>();
  for (const [name, rhs] of rules) {
    for (const ref of references(rhs)) if (!rules.has(ref)) undefinedNames.add(`${ref} (in ${name})`);
  }
  assert.equal([...undefinedNames], []);
});

test("every production is reachable from the start symbols", () => {
  const reached = new Set<string>();
  const queue = [...START_SYMBOLS];
  while (queue.length) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...references(rules.get(name) ?? "").filter((ref) => rules.has(ref)));
  }
  assert.equal([...rules.keys()].filter((name) => !reached.has(name)), []);
});

test("numbered rules are sequential and every rule the README cites exists", () => {
  for (const prefix of ["E", "W", "T"]) {
    const numbers = [...source.matchAll(new RegExp(`^ \\* ${prefix}(\\d+)\\.`, "gm"))].map((m) => Number(m[1]));
    assert.ok(numbers.length > 0, `no ${prefix} rules`);
    assert.equal(numbers, numbers.map((_, i) => i + 1), `${prefix} rules are numbered 1..n`);
  }
  const defined = new Set([...source.matchAll(/^ \* ([EWT]\d+)\./gm)].map((m) => m[1]));
  const cited = [...readme.matchAll(/\b([EWT]\d+)\b/g)].map((m) => m[1]!);
  assert.ok(cited.length > 5, "the README cites the numbered rules");
  assert.equal(cited.filter((rule) => !defined.has(rule)), []);
});

test.run();
