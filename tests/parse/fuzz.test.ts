// Property test: grammar-aware templates, then random damage (inserted `<`, `{`, quotes,
// deletions, truncations). For every input parse() returns normally, reports no internal
// error, keeps every diagnostic inside the source and keeps the tree's spans nested.
//
//   node --import tsx tests/parse/fuzz.test.ts                     a few thousand cases
//   FUZZ_RUNS=100000 node --import tsx tests/parse/fuzz.test.ts    the long run
import { suite } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { parse } from "../../compiler/index.ts";
import { checkInvariants } from "./invariants.ts";

const RUNS = Number(process.env.FUZZ_RUNS) || 5000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const ident = fc.constantFrom("a", "b", "x", "row", "item", "@user", "@rows", "@a.b");
const expression = fc.oneof(
  ident,
  fc.tuple(ident, fc.constantFrom(" + ", " > ", " && ", " ?? ", "."), ident).map((p) => p.join("")),
  fc.constantFrom('"}"', "`a${b}c`", "{ a: 1 }", "/}/.test(x)", "f(a, { b })", "a /* } */", "[1, 2]", "x => x * 2"),
);
const text = fc.constantFrom("hello", " ", "\n", "  \n  ", "a &lt; b", "}", "%>", "&amp;", "é", "\t");
const attrName = fc.constantFrom("class", "id", "href", "phx-click", "data-x", "disabled", "phx-update", ":if", ":for", ":key", ":let", ":else", ":x");
const attribute = fc.oneof(
  fc.tuple(attrName, fc.constantFrom('"v"', "'w'", '""', '"a b"')).map(([n, v]) => ` ${n}=${v}`),
  fc.tuple(attrName, expression).map(([n, e]) => ` ${n}={${e}}`),
  attrName.map((n) => ` ${n}`),
  expression.map((e) => ` {...${e}}`),
  fc.tuple(ident, ident).map(([p, i]) => ` :for={${p.replace("@", "")} of ${i}}`),
);
const tagName = fc.constantFrom("div", "p", "span", "li", "br", "input", "script", "style", ".card", "Ui.card", ":col", "textarea");

const node: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  nodes: fc.array(tie("node"), { maxLength: 4 }).map((xs) => xs.join("")),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    expression.map((e) => `{${e}}`),
    expression.map((e) => `<%= ${e} %>`),
    fc.constantFrom("<!-- c -->", "<!-- <%= @x %> -->", "<%!-- gone --%>", "<!DOCTYPE html>", "<%%", "<br/>"),
    fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), tie("nodes"), fc.boolean()).map(([t, attrs, body, self]) =>
      self ? `<${t}${attrs.join("")}/>` : `<${t}${attrs.join("")}>${body}</${t}>`,
    ),
    fc.tuple(expression, tie("nodes"), fc.option(tie("nodes"))).map(([c, a, b]) =>
      `<%= if ${c} do %>\n${a}${b === null ? "" : `\n<% else %>\n${b}`}\n<% end %>`,
    ),
    fc.tuple(ident, ident, tie("nodes")).map(([p, xs, body]) => `<%= for ${p.replace("@", "")} of ${xs} do %>${body}<% end %>`),
  ),
})).node;

const template = fc.tuple(fc.boolean(), fc.array(node, { maxLength: 6 })).map(
  ([front, nodes]) => (front ? "---\nimport { x } from \"./x\";\n---\n" : "") + nodes.join(""),
);

type Mutation = { at: number; kind: "insert"; what: string } | { at: number; kind: "delete"; length: number } | { at: number; kind: "truncate" };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant("insert" as const), what: fc.constantFrom("<", "{", "}", '"', "'", "<%", "%>", "</", "/>", "`", "/*", "<!--", "---\n", "=", ":", "\n") }),
  fc.record({ at: fc.nat(), kind: fc.constant("delete" as const), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant("truncate" as const) }),
);

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.kind === "insert") s = s.slice(0, at) + m.what + s.slice(at);
    else if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.length);
    else s = s.slice(0, at);
  }
  return s;
}

function assertParsesSafely(source: string): void {
  const { ast, diagnostics } = parse(source);
  const internal = diagnostics.find((d) => d.code === "LH0900");
  if (internal) throw new Error(`internal error: ${internal.message}`);
  const problem = checkInvariants(source, ast, diagnostics);
  if (problem) throw new Error(problem);
}

const test = suite("parse fuzz");

test(`generated templates (${RUNS} runs)`, () => {
  fc.assert(fc.property(template, (src) => assertParsesSafely(src)), { numRuns: Math.ceil(RUNS / 3), seed: SEED });
});

test(`mutated templates (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(template, fc.array(mutation, { minLength: 1, maxLength: 4 }), (src, ms) => assertParsesSafely(mutate(src, ms))),
    { numRuns: RUNS, seed: SEED },
  );
});

test("random strings over the template alphabet", () => {
  const alphabet = fc.constantFrom("<", ">", "/", "{", "}", "%", "=", '"', "'", "`", "-", "!", ":", ".", "a", "P", " ", "\n", "@", "$", "(", ")");
  fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join("")), (src) => assertParsesSafely(src)), {
    numRuns: Math.ceil(RUNS / 3),
    seed: SEED,
  });
});

test("valid generated templates without mutations report no internal errors and keep spans", () => {
  // The generator sometimes produces invalid templates (e.g. `:else` without `:if`); that is
  // fine, but a well-formed sample must parse clean.
  const { diagnostics } = parse("<div class={a}><%= if x do %>\n<p :for={r of @rows}>{r}</p>\n<% end %></div>");
  assert.equal(diagnostics, []);
});

test.run();
