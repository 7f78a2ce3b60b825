// The parser's time is linear in its input, also on input built to defeat it: many expressions
// or EEx tags left open (each scan would run to the end of the template), deep nesting, long
// lines full of diagnostics. Work is counted, not timed: the expression scanner counts the
// characters it hands to TypeScript's scanner, and frames are measured by their length. For each
// family, a template four times larger must cost at most about four times the work.
//
// The scanner's memory of failed scans must never change an answer: a differential check
// compares every answer of one shared scanner with that of a fresh scanner, which has no memory.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { ParseContext } from "../../compiler/parse/context.ts";
import { parseTemplate } from "../../compiler/parse/index.ts";
import { ExpressionScanner } from "../../compiler/parse/expression/scan.ts";

const test = suite("parse linearity");

const SMALL = 400;
/** Allowed growth of work per character from n to 4n: 1 would be exactly linear. */
const SLACK = 1.25;

interface Work {
  scanned: number;
  frames: number;
  internal: boolean;
}

function measure(source: string): Work {
  const ctx = new ParseContext(source);
  const { diagnostics } = parseTemplate(ctx);
  return {
    scanned: ctx.scanner.scanned,
    frames: diagnostics.reduce((sum, d) => sum + d.frame.length + d.message.length, 0),
    internal: diagnostics.some((d) => d.code === "LH0900"),
  };
}

function assertLinear(name: string, build: (n: number) => string): void {
  const small = build(SMALL);
  const large = build(SMALL * 4);
  const a = measure(small);
  const b = measure(large);
  assert.not.ok(a.internal || b.internal, `${name}: internal error`);
  const growth = large.length / small.length;
  for (const key of ["scanned", "frames"] as const) {
    const limit = Math.max(a[key], small.length) * growth * SLACK;
    assert.ok(b[key] <= limit, `${name}: ${key} grew from ${a[key]} to ${b[key]} for ${growth.toFixed(1)}× the input`);
  }
}

const families: Record<string, (n: number) => string> = {
  "unterminated `{`": (n) => "<p>{a.b(\n".repeat(n),
  "unterminated `{\"`": (n) => '{"x\n'.repeat(n),
  "unterminated `{'` after text": (n) => "text {'x\n".repeat(n),
  "unterminated `{`` `": (n) => "{`x\n".repeat(n),
  "unterminated `{`${`": (n) => "{`${\n".repeat(n),
  "`{` inside an unterminated template": (n) => "{`\n" + "<b>{x</b>\n".repeat(n),
  "unterminated regular expression": (n) => "{/x\n".repeat(n),
  "`<%=` without `%>`": (n) => "<%= a\n".repeat(n),
  "`<%` with an open brace": (n) => "<% if x {\n".repeat(n),
  "`<%=` with an open `${`": (n) => "<%= `${\n".repeat(n),
  "`<%=` inside a comment": (n) => "<!-- " + "<%= x\n".repeat(n),
  "`<%=` in start tags": (n) => "<a <%= x\n".repeat(n),
  "unterminated attribute expression": (n) => "<a b={x\n".repeat(n),
  "unterminated attribute expression before `>`": (n) => "<a b={x>\n".repeat(n),
  "mixed open literals": (n) => '<a b={"\n{`\n<%= x\n{/x\n'.repeat(n),
  "open expressions before one long literal": (n) => "{\n".repeat(n) + '"' + "a".repeat(4 * n),
  "deeply nested tags": (n) => "<div>".repeat(n),
  "deeply nested tags, unmatched closes": (n) => "<a>".repeat(n) + "</b>".repeat(n),
  "deeply nested tags, stray `<% end %>`": (n) => "<a>".repeat(n) + "<% end %>".repeat(n),
  "deeply nested blocks": (n) => "<%= if x do %>".repeat(n) + "<% end %>".repeat(n),
  "many attributes, all duplicates": (n) => "<a " + "b ".repeat(n) + ">",
  "many attributes": (n) => "<a " + Array.from({ length: n }, (_, i) => `b${i}={x}`).join(" ") + ">",
  "close tags without `>`": (n) => "</a\n".repeat(n),
  "stray `<` on one long line": (n) => "< ".repeat(n),
  "parenthesised `for` patterns": (n) => "<%= for ((a) of x do %>\n".repeat(n),
};

for (const [name, build] of Object.entries(families)) {
  test(`linear: ${name}`, () => assertLinear(name, build));
}

test("the work counter sees quadratic scanning when there is some", () => {
  // Guards the measure itself: n scans that each must cover the rest of the template.
  const scanner = new ExpressionScanner("(".repeat(SMALL) + "}");
  for (let i = 0; i < SMALL; i++) scanner.findCloseBrace(i);
  assert.ok(scanner.scanned > (SMALL * SMALL) / 3, `scanned ${scanner.scanned}`);
});

test("deep nesting parses without an internal error", () => {
  const depth = 20_000;
  for (const source of ["<div>".repeat(depth), "<%= if x do %>".repeat(depth), "{" + "(".repeat(depth) + ")".repeat(depth) + "}"]) {
    assert.not.ok(measure(source).internal);
  }
});

// ── the memory of failed scans changes no answer ─────────────────────────────────────────────
const piece = fc.constantFrom(
  "{", "}", "${", "`", '"', "'", "/", "*", "/*", "*/", "//", "<%", "<%=", "%>", "%", "\\", "\n", " ", "a", "(", ")", "x}", "=", "<", ">",
);

test("shared scanner answers like a fresh one", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join("")), (source) => {
      const shared = new ExpressionScanner(source);
      for (let i = 0; i < source.length; i++) {
        const starts: Array<[number, boolean]> = [];
        if (source[i] === "{") starts.push([i + 1, false]);
        if (source.startsWith("<%", i)) starts.push([i + (source[i + 2] === "=" ? 3 : 2), true]);
        for (const [from, eex] of starts) {
          const fresh = new ExpressionScanner(source);
          const expected = eex ? fresh.findEexClose(from) : fresh.findCloseBrace(from);
          const actual = eex ? shared.findEexClose(from) : shared.findCloseBrace(from);
          assert.is(actual, expected, `${eex ? "eex" : "curly"} scan from ${from} of ${JSON.stringify(source)}`);
          assert.equal(shared.openLiteral, fresh.openLiteral, `open literal from ${from} of ${JSON.stringify(source)}`);
        }
      }
    }),
    { numRuns: 3000 },
  );
});

test.run();
