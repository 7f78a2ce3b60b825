// State shared by the tokenizer and the tree builder for one parse: the source, the expression
// scanner and the diagnostics found so far. One instance per parse; nothing lives at module level.
import type { Args, Code } from "../diagnostics/catalogue.ts";
import type { Expression } from "./ast.ts";
import { ExpressionScanner } from "./expression/scan.ts";
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
  /** Lines and columns, computed only when a diagnostic needs them. */
  readonly locator: Locator;

  /** `locator` may be a compile's own (any text with the same line breaks shares it). */
  constructor(
    readonly source: string,
    locator: Locator = createLocator(source),
  ) {
    this.scanner = new ExpressionScanner(source);
    this.locator = locator;
  }

  report(code: Code, args: Args, start: number, end: number): void {
    this.problems.push({ code, args, start, end: Math.max(start, end) });
  }

  expression(start: number, end: number): Expression {
    return { start, end, code: this.source.slice(start, end) };
  }
}
