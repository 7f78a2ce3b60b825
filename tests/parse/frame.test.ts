// Locator (offset → line/column) and code frames.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createLocator } from "../../compiler/utils/locator.ts";
import { codeFrame } from "../../compiler/diagnostics/frame.ts";
import { parse } from "../../compiler/index.ts";

const test = suite("locator and frame");

test("locate: first line, later lines, line starts, clamping", () => {
  const l = createLocator("ab\ncd\n\nef");
  assert.equal(l.locate(0), { line: 1, column: 1, offset: 0 });
  assert.equal(l.locate(2), { line: 1, column: 3, offset: 2 });
  assert.equal(l.locate(3), { line: 2, column: 1, offset: 3 });
  assert.equal(l.locate(6), { line: 3, column: 1, offset: 6 });
  assert.equal(l.locate(8), { line: 4, column: 2, offset: 8 });
  assert.equal(l.locate(99), { line: 4, column: 3, offset: 9 });
  assert.equal(l.locate(-5), { line: 1, column: 1, offset: 0 });
  assert.is(l.lineCount, 4);
});

test("locate agrees with a naive count on many lines", () => {
  const src = Array.from({ length: 300 }, (_, i) => "x".repeat(i % 7)).join("\n");
  const l = createLocator(src);
  for (let off = 0; off < src.length; off += 13) {
    const before = src.slice(0, off).split("\n");
    assert.equal(l.locate(off), { line: before.length, column: before.at(-1)!.length + 1, offset: off });
  }
});

test("lineText strips CRLF", () => {
  const l = createLocator("a\r\nb");
  assert.is(l.lineText(1), "a");
  assert.is(l.lineText(2), "b");
  assert.is(l.lineText(3), "");
});

test("frame: two lines of context, right-aligned numbers, carets under the span", () => {
  const src = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\n  <>\n";
  const at = src.indexOf("<>");
  assert.is(codeFrame(createLocator(src), at, at + 1), [" 8 | l8", " 9 | l9", "10 |   <>", "   |   ^"].join("\n"));
});

test("frame keeps tabs in the caret line", () => {
  const src = "\t<x a=b>";
  const at = src.indexOf("b");
  assert.is(codeFrame(createLocator(src), at, at + 1), "1 | \t<x a=b>\n  | \t     ^");
});

test("frame for a multi-line span marks each line", () => {
  const src = "<p>\n{`a\nb`\n</p>";
  const frame = codeFrame(createLocator(src), 4, 9);
  assert.is(frame, ["1 | <p>", "2 | {`a", "  | ^^^", "3 | b`", "  | ^"].join("\n"));
});

test("diagnostic frame from parse()", () => {
  const { diagnostics } = parse("<div>\n  <>\n</div>");
  assert.is(diagnostics[0]!.frame, ["1 | <div>", "2 |   <>", "  |   ^"].join("\n"));
  assert.equal(diagnostics[0]!.start, { line: 2, column: 3, offset: 8 });
  assert.equal(diagnostics[0]!.end, { line: 2, column: 4, offset: 9 });
});

test.run();
