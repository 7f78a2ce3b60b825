// The TextMate grammar file as data: it parses, names itself as editors expect, every `#rule`
// it includes exists, every regular expression compiles under Oniguruma, and it still works
// when the embedded TypeScript grammar is not installed.
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import oniguruma from "vscode-oniguruma";
import { GRAMMAR_PATH, loadLivehtmlGrammar, tokenAt, tokenizeDocument } from "./load-grammar.ts";

/** Grammars this one embeds by scope name; everything else must be a `#rule` or `$self`. */
const EMBEDDED_SCOPES = new Set(["source.ts", "source.js", "source.css"]);
const REGEX_KEYS = ["match", "begin", "end", "while"] as const;

// A grammar is untyped JSON of nested rules; we walk it as a tree of plain records.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every object in the tree with the path that leads to it, for error messages. */
function* walk(node: Json, path: string): Generator<[JsonObject, string]> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${path}[${i}]`);
  } else if (isObject(node)) {
    yield [node, path];
    for (const [key, child] of Object.entries(node)) yield* walk(child, `${path}.${key}`);
  }
}

const raw = readFileSync(GRAMMAR_PATH, "utf8");
const test = suite("tmLanguage structure");

test("the file parses as JSON with the expected name, scope and file types", () => {
  const grammar = JSON.parse(raw) as JsonObject;
  assert.is(grammar.scopeName, "text.html.livehtml");
  assert.equal(grammar.fileTypes, ["live.html"]);
  assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, "top-level patterns");
  assert.ok(isObject(grammar.repository), "a repository");
});

test("every include resolves: #rules exist in the repository, scopes are known embeds", () => {
  const grammar = JSON.parse(raw) as JsonObject;
  const repository = grammar.repository as JsonObject;
  const problems: string[] = [];
  let includes = 0;
  for (const [node, path] of walk(grammar, "$")) {
    const include = node.include;
    if (include === undefined) continue;
    includes++;
    if (typeof include !== "string") problems.push(`${path}: include is not a string`);
    else if (include.startsWith("#")) {
      if (!isObject(repository[include.slice(1)])) problems.push(`${path}: ${include} is not in the repository`);
    } else if (include !== "$self" && include !== "$base" && !EMBEDDED_SCOPES.has(include)) {
      problems.push(`${path}: unknown external grammar ${include}`);
    }
  }
  assert.equal(problems, []);
  assert.ok(includes > 30, `expected the grammar to be built from included rules, found ${includes}`);
});

test("every repository rule is used", () => {
  const grammar = JSON.parse(raw) as JsonObject;
  const used = new Set<string>();
  for (const [node] of walk(grammar, "$")) {
    if (typeof node.include === "string" && node.include.startsWith("#")) used.add(node.include.slice(1));
  }
  const unused = Object.keys(grammar.repository as JsonObject).filter((name) => !used.has(name));
  assert.equal(unused, []);
});

test("every regular expression compiles under Oniguruma", async () => {
  await oniguruma.loadWASM(readFileSync(new URL("../../node_modules/vscode-oniguruma/release/onig.wasm", import.meta.url)).buffer);
  const grammar = JSON.parse(raw) as JsonObject;
  const failures: string[] = [];
  let count = 0;
  for (const [node, path] of walk(grammar, "$")) {
    for (const key of REGEX_KEYS) {
      const source = node[key];
      // `end` may hold back-references (\2) that only make sense after a begin match; they compile anyway.
      if (typeof source !== "string") continue;
      count++;
      try {
        new oniguruma.OnigScanner([source]).dispose();
      } catch (error) {
        failures.push(`${path}.${key}: ${String(error)}`);
      }
    }
  }
  assert.equal(failures, []);
  assert.ok(count > 40, `found ${count} regular expressions`);
});

test("without a TypeScript grammar installed, expressions still balance and scope @assigns", async () => {
  const grammar = await loadLivehtmlGrammar({ withStubs: false });
  const lines = tokenizeDocument(grammar, `<p title={{ a: @x }.a}>{fn({ b: 1 })} {@y}</p>`);
  assert.is(tokenAt(lines, "<p", "x").scopes.includes("variable.other.assign.livehtml"), true);
  const attrEnd = tokenAt(lines, "<p", "}>");
  assert.ok(attrEnd.scopes.includes("punctuation.section.embedded.end.livehtml"), attrEnd.scopes.join(" "));
  const close = tokenAt(lines, "<p", "})}");
  assert.ok(close.scopes.includes("punctuation.definition.block.end.livehtml"), "the object literal's } closes the inner brace");
  const textEnd = tokenAt(lines, "<p", "} {");
  assert.ok(textEnd.scopes.includes("punctuation.section.embedded.end.livehtml"), textEnd.scopes.join(" "));
  assert.ok(tokenAt(lines, "<p", "y").scopes.includes("variable.other.assign.livehtml"));
  // The close tag after all of that is markup again.
  assert.ok(tokenAt(lines, "<p", "p>").scopes.includes("entity.name.tag.html"));
});

test.run();
