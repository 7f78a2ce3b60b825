// Accumulates generated code in which user expressions keep their source positions.
//
// An expression may be emitted more than once (the tree renderer and the HTML renderer both
// evaluate it), which one MagicString over the template cannot express: a range of the
// original can be kept only once. So the writer records, for every copy of an expression, where
// it lands in the output, and builds the mappings itself: a segment at each token boundary of
// the expression (the granularity of magic-string's `hires: "boundary"`), with the `assigns.`
// written for an `@` mapped to that `@`. magic-string's `SourceMap` encodes and serialises them.
//
// Building segments directly, rather than bundling one magic-string clone per expression, keeps
// a warm compile with source maps under a millisecond for a medium template.

import { SourceMap } from "magic-string";
import type { Locator } from "../utils/locator.ts";

type Piece =
  | string
  | { start: number; end: number; assignRefs: readonly number[] }
  /** Generated code that stands for the source at `at` (a literal attribute value, say). */
  | { code: string; at: number };

/** [generatedColumn, sourceIndex, originalLine, originalColumn] (0-based), as in a decoded map. */
type Segment = [number, number, number, number];

const ASSIGNS = "assigns.";

export class CodeWriter {
  private pieces: Piece[] = [];

  private readonly source: string;
  private readonly filename: string;
  private readonly locator: Locator;

  /** `file`: the compile's source, name and line table (see CompileContext). */
  constructor(file: { readonly source: string; readonly filename: string; readonly locator: Locator }) {
    this.source = file.source;
    this.filename = file.filename;
    this.locator = file.locator;
  }

  /** Generated code, not mapped. */
  text(code: string): this {
    this.pieces.push(code);
    return this;
  }

  /**
   * The source range `[start, end)` as code, mapped back to the template; `assignRefs` are the
   * offsets (relative to `start`) of `@` shorthands to emit as `assigns.`.
   */
  expression(start: number, end: number, assignRefs: readonly number[]): this {
    this.pieces.push({ start, end, assignRefs });
    return this;
  }

  /** Generated `code` mapped, as a whole, to the source position `at`. */
  mapped(code: string, at: number): this {
    this.pieces.push({ code, at });
    return this;
  }

  /** Appends everything written to `other` (which must share this writer's source). */
  append(other: CodeWriter): this {
    this.pieces.push(...other.pieces);
    return this;
  }

  toString(): string {
    let out = "";
    for (const piece of this.pieces) out += typeof piece === "string" ? piece : "code" in piece ? piece.code : this.expressionCode(piece);
    return out;
  }

  private expressionCode(piece: { start: number; end: number; assignRefs: readonly number[] }): string {
    let out = "";
    let last = piece.start;
    for (const ref of piece.assignRefs) {
      out += this.source.slice(last, piece.start + ref) + ASSIGNS;
      last = piece.start + ref + 1;
    }
    return out + this.source.slice(last, piece.end);
  }

  /** The code and a source map (sources: the template, with its content). */
  toCodeWithMap(): { code: string; map: SourceMap } {
    const locator = this.locator;
    const lines: Segment[][] = [[]];
    let code = "";
    let column = 0;

    const advance = (text: string) => {
      code += text;
      let newline = text.indexOf("\n");
      if (newline === -1) {
        column += text.length;
        return;
      }
      let last = newline;
      while (newline !== -1) {
        lines.push([]);
        last = newline;
        newline = text.indexOf("\n", newline + 1);
      }
      column = text.length - last - 1;
    };
    const mark = (offset: number) => {
      const at = locator.locate(offset);
      lines[lines.length - 1]!.push([column, 0, at.line - 1, at.column - 1]);
    };

    for (const piece of this.pieces) {
      if (typeof piece === "string") {
        advance(piece);
        continue;
      }
      if ("code" in piece) {
        mark(piece.at);
        advance(piece.code);
        continue;
      }
      const refs = new Set(piece.assignRefs.map((r) => piece.start + r));
      let runStart = piece.start;
      const flush = (to: number) => {
        // A segment at each boundary between word characters and anything else.
        const src = this.source;
        for (let i = runStart; i < to; i++) {
          const ch = src.charCodeAt(i);
          if ((i === runStart || isWord(ch) !== isWord(src.charCodeAt(i - 1))) && !isSpace(ch)) mark(i);
          if (ch === 10) {
            lines.push([]);
            column = 0;
          } else {
            column++;
          }
        }
        code += src.slice(runStart, to);
      };
      for (let i = piece.start; i < piece.end; i++) {
        if (!refs.has(i)) continue;
        flush(i);
        mark(i);
        advance(ASSIGNS);
        runStart = i + 1;
      }
      flush(piece.end);
    }

    const map = new SourceMap({
      file: `${this.filename}.ts`,
      sources: [this.filename],
      sourcesContent: [this.source],
      names: [],
      mappings: lines,
    });
    return { code, map };
  }
}

function isWord(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 36 || ch > 127;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}
