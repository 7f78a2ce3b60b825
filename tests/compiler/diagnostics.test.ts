// Analysis diagnostics carry their code, severity, exact span and a frame of the real source.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compile, compileColocated } from "../../compiler/index.ts";
import { ANALYSIS_CASES } from "./analysis-cases.ts";

const cases = suite("analysis diagnostics");

for (const c of ANALYSIS_CASES) {
  cases(`${c.code} (${c.kind})`, () => {
    const result = c.kind === "template" ? compile(c.source, { filename: "case.live.html" }) : compileColocated(c.source, { filename: "case.ts" });
    const found = result.diagnostics.find((d) => d.code === c.code);
    assert.ok(found, `expected ${c.code}, got ${result.diagnostics.map((d) => d.code).join(", ") || "nothing"}`);
    assert.equal([found!.start.line, found!.start.column], c.start, "start");
    assert.equal([found!.end.line, found!.end.column], c.end, "end");
    assert.match(found!.frame, /\^/);
    assert.ok(found!.message.length > 20);
  });
}

cases("a broken colocated template reports at the file's line and column, with the file's own text", () => {
  const source = `import { live } from "livehtml/runtime";\n\nexport const view = (assigns: object) =>\n  live\`<div><p>{@x</p></div>\`;\n`;
  const result = compileColocated(source, { filename: "view.ts" });
  const unterminated = result.diagnostics.find((d) => d.code === "LH0110");
  assert.ok(unterminated, result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  assert.equal([unterminated!.start.line, unterminated!.start.column], [4, 16]);
  assert.match(unterminated!.frame, /live`<div><p>\{@x<\/p><\/div>`/);
  assert.is(result.code, source, "nothing is rewritten when a template has errors");
});

cases("compile() returns parse errors and no code for a broken template", () => {
  const result = compile(`<div>\n  <span>\n</div>`, { filename: "broken.live.html" });
  assert.is(result.code, "");
  assert.ok(result.diagnostics.some((d) => d.severity === "error" && d.filename === "broken.live.html"));
});

cases("three independent mistakes give three diagnostics", () => {
  const result = compile(`<div :unknown={1}>x</div>\n<p class="a" class="b">y</p>\n<span>{@a</span>`);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.ok(errors.length >= 3, errors.map((d) => d.code).join(","));
  assert.equal([...new Set(errors.map((d) => d.start.line))].sort(), [1, 2, 3]);
});

cases.run();
