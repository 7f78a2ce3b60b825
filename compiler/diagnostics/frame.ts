// A code frame: up to two lines before the span's first line, the span's lines (at most three),
// right-aligned line numbers followed by " | ", and a caret line under the span.
//
//   1 | <div>
//   2 |   <>
//     |   ^
//
// A line longer than LONG_LINE (minified markup, generated templates) is shown only in a window
// of WINDOW columns around the span's start, marked with `…` where it is cut: a frame's size must
// not grow with the line, or many diagnostics on one long line would cost its length each.
import type { Locator } from "../utils/locator.ts";

const CONTEXT_BEFORE = 2;
const MAX_SPAN_LINES = 3;
const LONG_LINE = 200;
const WINDOW = 160;
/** Columns shown before the span's start in a cut line. */
const LEAD_IN = 40;
const CUT = "…";

export function codeFrame(locator: Locator, start: number, end: number): string {
  const from = locator.locate(start);
  const to = locator.locate(Math.max(start, end));
  const first = Math.max(1, from.line - CONTEXT_BEFORE);
  const last = Math.min(to.line, from.line + MAX_SPAN_LINES - 1);
  const width = String(last).length;
  // A cut line shows the columns from a little before the span's start (less near its end).
  const windowStart = Math.max(0, from.column - 1 - LEAD_IN);
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const span = locator.lineSpan(line);
    const length = span.end - span.start;
    const cut = length > LONG_LINE;
    // Columns [shownFrom, shownTo) of the line (0-based) are shown.
    const shownFrom = cut ? Math.min(windowStart, Math.max(0, length - WINDOW)) : 0;
    const shownTo = cut ? Math.min(length, shownFrom + WINDOW) : length;
    const text = locator.source.slice(span.start + shownFrom, span.start + shownTo);
    const before = shownFrom > 0 ? CUT : "";
    const after = shownTo < length ? CUT : "";
    out.push(`${String(line).padStart(width)} | ${before}${text}${after}`.trimEnd());
    if (line < from.line) continue;
    const startCol = line === from.line ? from.column : 1;
    const endCol = line === to.line ? to.column : length + 1;
    let lead: string;
    let carets: number;
    if (!cut) {
      // Keep tabs so the carets line up with what the terminal shows.
      lead = text.slice(0, startCol - 1).replace(/[^\t]/g, " ");
      carets = endCol - startCol;
    } else {
      // Carets are clipped to the shown columns; 1-based columns become offsets into `text`.
      const caretFrom = Math.min(Math.max(startCol - 1 - shownFrom, 0), text.length);
      const caretTo = Math.min(Math.max(endCol - 1 - shownFrom, caretFrom), text.length + after.length);
      lead = (before ? " " : "") + text.slice(0, caretFrom).replace(/[^\t]/g, " ");
      carets = caretTo - caretFrom;
    }
    out.push(`${" ".repeat(width)} | ${lead}${"^".repeat(Math.max(1, carets))}`);
  }
  return out.join("\n");
}
