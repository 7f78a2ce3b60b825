// Accumulates generated code in which user expressions keep their source positions.
//
// An expression may be emitted more than once (the tree renderer and the HTML renderer both
// evaluate it), which one MagicString over the template cannot express: a range of the
// original can be kept only once. So each expression is a `snip` of its own clone of the
// template, with `@` rewritten to `assigns.` in place, and the module is a magic-string
// Bundle of those snippets and plain generated text. Mappings then lead from every copy of
// an expression back to its line and column in the template.

import MagicString, { Bundle, type SourceMap } from "magic-string";

type Piece = string | { start: number; end: number; assignRefs: readonly number[] };

export class CodeWriter {
  private pieces: Piece[] = [];

  constructor(
    private readonly source: string,
    private readonly filename: string,
  ) {}

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

  /** Appends everything written to `other` (which must share this writer's source). */
  append(other: CodeWriter): this {
    this.pieces.push(...other.pieces);
    return this;
  }

  toString(): string {
    let out = "";
    for (const piece of this.pieces) {
      if (typeof piece === "string") out += piece;
      else out += this.expressionCode(piece);
    }
    return out;
  }

  private expressionCode(piece: Exclude<Piece, string>): string {
    let out = "";
    let last = piece.start;
    for (const ref of piece.assignRefs) {
      out += this.source.slice(last, piece.start + ref) + "assigns.";
      last = piece.start + ref + 1;
    }
    return out + this.source.slice(last, piece.end);
  }

  /** The code and a hires source map (sources: the template, with its content). */
  toCodeWithMap(): { code: string; map: SourceMap } {
    const bundle = new Bundle({ separator: "" });
    const original = new MagicString(this.source);
    let pending = "";
    const flush = () => {
      if (pending) bundle.append(pending);
      pending = "";
    };
    for (const piece of this.pieces) {
      if (typeof piece === "string") {
        pending += piece;
        continue;
      }
      flush();
      const snippet = original.snip(piece.start, piece.end);
      for (const ref of piece.assignRefs) snippet.update(piece.start + ref, piece.start + ref + 1, "assigns.");
      bundle.addSource({ filename: this.filename, content: snippet, separator: "" });
    }
    flush();
    const code = bundle.toString();
    const map = bundle.generateMap({ file: `${this.filename}.ts`, includeContent: true, hires: true });
    return { code, map };
  }
}
