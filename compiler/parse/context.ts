// State shared by the tokenizer and the tree builder for one parse: the source, the expression
// scanner and the diagnostics found so far. One instance per parse; nothing lives at module level.
import type { Args, Code } from "../diagnostics/catalogue.ts";
import type { Expression } from "./ast.ts";
import { ExpressionScanner } from "./expression/scan.ts";
import { TypeScriptTrees } from "./expression/trees.ts";
import { createLocator, type Locator } from "../utils/locator.ts";

export interface PendingDiagnostic {
  code: Code;
  args: Args;
  start: number;
  end: number;
}

export class ParseContext {
  readonly scanner: ExpressionScanner;
  readonly problems: PendingDiagnostic[] = [];
  /** The TypeScript trees of the template's code, kept by the syntax check for later phases. */
  readonly trees: TypeScriptTrees;
  /** `<%= %>` inside `<script>`, with the tag's range: only a `raw`/`json` call may stand there. */
  readonly scriptValues: Array<{ start: number; end: number; expression: Expression }> = [];
  /** Lines and columns, computed only when a diagnostic needs them. */
  readonly locator: Locator;

  /** `locator` and `trees` may be a compile's own (any text with the same line breaks shares its locator). */
  constructor(
    readonly source: string,
    locator: Locator = createLocator(source),
    trees: TypeScriptTrees = new TypeScriptTrees(),
  ) {
    this.scanner = new ExpressionScanner(source);
    this.locator = locator;
    this.trees = trees;
  }

  report(code: Code, args: Args, start: number, end: number): void {
    this.problems.push({ code, args, start, end: Math.max(start, end) });
  }

  expression(start: number, end: number): Expression {
    return { start, end, code: this.source.slice(start, end) };
  }
}
