// One compile's shared state, handed through parse → analyze → lower → emit: the source, the
// file name, the one line table of the source, and the diagnostics found so far.
import type { Diagnostic } from "./diagnostics/types.ts";
import type { Args, Code } from "./diagnostics/catalogue.ts";
import { createDiagnostic } from "./diagnostics/create.ts";
import { createLocator, type Locator } from "./utils/locator.ts";
import { TypeScriptTrees } from "./parse/expression/trees.ts";

export const DEFAULT_FILENAME = "template.live.html";

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Lines and columns of `source`, built on the first question and shared by every phase. */
  readonly locator: Locator;
  /** The TypeScript trees of the template's code: parsed once, by the parse phase, read by analysis. */
  readonly trees = new TypeScriptTrees();

  constructor(
    readonly source: string,
    readonly filename: string = DEFAULT_FILENAME,
  ) {
    this.locator = createLocator(source);
  }

  /** Records a catalogue diagnostic at a source range. */
  report(code: Code, args: Args, start: number, end: number): void {
    this.diagnostics.push(createDiagnostic(code, args, start, end, this.filename, this.locator));
  }

  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }

  /** A bug in the compiler, not in the template: reported at the start of the file, never thrown. */
  internalError(error: unknown): void {
    this.report("LH0900", { text: error instanceof Error ? error.message : String(error) }, 0, 0);
  }
}
