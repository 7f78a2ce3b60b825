// The TypeScript trees of a template's code, parsed once and shared by the phases after parse.
//
// The syntax check (check.ts) parses every expression and binding pattern of a template as one
// synthetic file; the nodes it finds for each piece are kept here, by source range, so that
// analysis reads what an expression depends on, splits literal attribute values and lists the
// names a pattern binds without parsing the code again. The frontmatter's tree is kept too.
//
// In those trees an `@name` assign shorthand reads `$name` (same length, so every offset maps
// back); `isAssignRef` tells such an identifier from a real `$name`.

import type ts from "../../utils/typescript.cjs";

export interface ParsedCode {
  /** The expression, or for a pattern its binding name. */
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
  /** Where the code's first character is in `file`. */
  readonly base: number;
  /** The code as written (with `@`), whose offsets match `file.text` from `base` on. */
  readonly code: string;
}

export class TypeScriptTrees {
  private readonly byRange = new Map<string, ParsedCode>();
  /** The frontmatter's tree, when the syntax check parsed it. */
  frontmatter: ts.SourceFile | null = null;

  set(start: number, end: number, parsed: ParsedCode): void {
    this.byRange.set(`${start}:${end}`, parsed);
  }

  /** The tree of the code at `[start, end)`, if it was parsed (trivial code is not: see check.ts). */
  get(start: number, end: number): ParsedCode | undefined {
    return this.byRange.get(`${start}:${end}`);
  }
}

/** Whether `id` stands for an `@name` of the code as written. */
export function isAssignRef(id: ts.Identifier, parsed: ParsedCode): boolean {
  if (id.text.charCodeAt(0) !== 36 /* $ */) return false;
  const at = id.getStart(parsed.file) - parsed.base;
  return parsed.code.charCodeAt(at) === 64 /* @ */;
}
