// Every diagnostic case of diagnostic-cases.ts: code, severity, exact span (offset, line, column),
// message fragments, and no unexpected extra diagnostics.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../compiler/index.ts";
import { CATALOGUE, type Code } from "../../compiler/diagnostics/catalogue.ts";
import { DIAGNOSTIC_CASES } from "./diagnostic-cases.ts";
import { lineColumn, unmark } from "./helpers.ts";

const test = suite("parse diagnostics");

for (const c of DIAGNOSTIC_CASES) {
  test(`${c.code}: ${JSON.stringify(c.source).slice(0, 60)}`, () => {
    const { source, start, end } = unmark(c.source);
    assert.ok(start !== -1, "case must mark the expected start with «");
    const { diagnostics } = parse(source, { filename: "case.live.html" });
    assert.equal(diagnostics.map((d) => d.code), c.all ?? [c.code]);
    const d = diagnostics.find((x) => x.code === c.code && x.start.offset === start);
    assert.ok(d, `no ${c.code} at offset ${start}; got ${diagnostics.map((x) => `${x.code}@${x.start.offset}`).join(", ")}`);
    const expected = lineColumn(source, start);
    assert.is(d.start.line, expected.line);
    assert.is(d.start.column, expected.column);
    if (end !== null) assert.is(d.end.offset, end);
    assert.ok(d.end.offset >= d.start.offset && d.end.offset <= source.length);
    assert.is(d.severity, CATALOGUE[d.code as Code].severity);
    assert.is(d.filename, "case.live.html");
    if (c.message) assert.ok(d.message.includes(c.message), `message ${JSON.stringify(d.message)} lacks ${JSON.stringify(c.message)}`);
    assert.ok(d.frame.includes("^"), "frame has a caret line");
  });
}

test.run();
