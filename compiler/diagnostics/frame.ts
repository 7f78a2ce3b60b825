// A code frame: up to two lines before the span's first line, the span's lines (at most three),
// right-aligned line numbers followed by " | ", and a caret line under the span.
//
//   1 | <div>
//   2 |   <>
//     |   ^
import type { Locator } from "../utils/locator.ts";

const CONTEXT_BEFORE = 2;
const MAX_SPAN_LINES = 3;

export function codeFrame(locator: Locator, start: number, end: number): string {
  const from = locator.locate(start);
  const to = locator.locate(Math.max(start, end));
  const first = Math.max(1, from.line - CONTEXT_BEFORE);
  const last = Math.min(to.line, from.line + MAX_SPAN_LINES - 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = locator.lineText(line);
    out.push(`${String(line).padStart(width)} | ${text}`.trimEnd());
    if (line < from.line) continue;
    const startCol = line === from.line ? from.column : 1;
    const endCol = line === to.line ? to.column : text.length + 1;
    // Keep tabs so the carets line up with what the terminal shows.
    const lead = text.slice(0, startCol - 1).replace(/[^\t]/g, " ");
    const carets = "^".repeat(Math.max(1, endCol - startCol));
    out.push(`${" ".repeat(width)} | ${lead}${carets}`);
  }
  return out.join("\n");
}
