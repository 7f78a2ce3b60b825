// Offset → { line, column } for one source text. The newline table is built once, on the first
// question (a parse that reports nothing never pays for it), and each lookup is a binary search.
import type { Position } from "../diagnostics/types.ts";

export interface Locator {
  /** The text the offsets point into. */
  readonly source: string;
  /** 1-based line and column (UTF-16 code units) of a 0-based offset, clamped into the source. */
  locate(offset: number): Position;
  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string;
  /** Offsets `[start, end)` of a 1-based line's text, without its line break (`[0, 0]` if out of range). */
  lineSpan(line: number): { start: number; end: number };
  readonly lineCount: number;
}

export function createLocator(source: string): Locator {
  let lineStarts: number[] | null = null;

  function table(): number[] {
    if (lineStarts) return lineStarts;
    const starts = [0];
    let i = source.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = source.indexOf("\n", i + 1);
    }
    lineStarts = starts;
    return starts;
  }

  return {
    source,
    locate(offset) {
      const starts = table();
      const at = Math.max(0, Math.min(offset, source.length));
      // Largest index whose line start is <= at.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: at - starts[lo]! + 1, offset: at };
    },
    lineText(line) {
      const { start, end } = this.lineSpan(line);
      return source.slice(start, end);
    },
    lineSpan(line) {
      const starts = table();
      if (line < 1 || line > starts.length) return { start: 0, end: 0 };
      const start = starts[line - 1]!;
      let end = line < starts.length ? starts[line]! - 1 : source.length;
      if (end > start && source.charCodeAt(end - 1) === 13 /* \r */) end--;
      return { start, end };
    },
    get lineCount() {
      return table().length;
    },
  };
}
