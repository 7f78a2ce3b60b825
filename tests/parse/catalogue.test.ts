// The catalogue is complete and every code is exercised by at least one case.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CATALOGUE, formatMessage, type Code } from "../../compiler/diagnostics/catalogue.ts";
import { parse } from "../../compiler/index.ts";
import { DIAGNOSTIC_CASES } from "./diagnostic-cases.ts";
import { ANALYSIS_CASES } from "../compiler/analysis-cases.ts";

const test = suite("diagnostic catalogue");
const codes = Object.keys(CATALOGUE) as Code[];

test("codes are LH + four digits", () => {
  for (const code of codes) assert.match(code, /^LH\d{4}$/);
});

test("every code has at least one case", () => {
  const covered = new Set([...DIAGNOSTIC_CASES, ...ANALYSIS_CASES].map((c) => c.code));
  covered.add("LH0900"); // covered by the API-misuse test below
  // Tooling codes, covered end to end by the CLI tests:
  covered.add("LH0001"); // tests/cli/usage.test.ts (unreadable input)
  covered.add("LH0304"); // tests/cli/check.test.ts (type error inside a template expression)
  covered.add("LH0305"); // tests/cli/check.test.ts (broken tsconfig)
  const missing = codes.filter((c) => !covered.has(c));
  assert.equal(missing, [], `codes without a case: ${missing.join(", ")}`);
});

test("every case names an existing code", () => {
  for (const c of DIAGNOSTIC_CASES) assert.ok(c.code in CATALOGUE, c.code);
});

test("messages render without leftover placeholders", () => {
  const args = { name: "div", found: "x", char: '"', value: "v", quote: '"', what: "string literal", line: 2, column: 3,
    expected: "p", kind: "if", word: "else", code: "x = 1", block: 0, text: "the text", suggestion: "", attr: "phx-hook", other: ":if", tag: "live",
    action: "read", path: "a.live.html", reason: "no such file or directory", tsCode: 2339,
    component: ".link" };
  for (const code of codes) {
    const m = formatMessage(code, args);
    assert.ok(m.length > 10, code);
    assert.not.match(m, /undefined|\$\{/);
  }
});

test("LH0900: a non-string source becomes a diagnostic, not an exception", () => {
  const r = parse(null as unknown as string);
  assert.is(r.diagnostics.length, 1);
  assert.is(r.diagnostics[0]!.code, "LH0900");
  assert.is(r.diagnostics[0]!.start.offset, 0);
  assert.is(r.ast.children.length, 0);
});

test.run();
