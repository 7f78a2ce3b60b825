// compile(): template source → TypeScript (or JavaScript) module, through the four phases
// parse → analyze → lower → emit, which share one CompileContext (source, file name, line
// table, diagnostics). It never throws on a template: every problem is a diagnostic.

import type { Diagnostic } from "./diagnostics/types.ts";
import type { SourceMap } from "magic-string";
import { CompileContext, DEFAULT_FILENAME } from "./context.ts";
import { parseIn } from "./parse/index.ts";
import { analyze } from "./analyze/index.ts";
import { lower } from "./lower/index.ts";
import { emit } from "./emit/index.ts";
import type { CompileMeta } from "./emit/meta.ts";
import { extractHooks, type ColocatedHook } from "./hooks.ts";
import { importedComponents, type ReadImport } from "./component-imports.ts";

export interface CompileOptions {
  /** Used in diagnostics and source maps. Default `"template.live.html"`. */
  filename?: string;
  /** `"ts"` (default) emits TypeScript typed by the frontmatter's `Assigns`; `"js"` plain JavaScript. */
  lang?: "ts" | "js";
  /** Produce a source map (default true). */
  sourcemap?: boolean;
  /** Nodes with at least this many slots answer tracked renders sparsely (default 32; tests lower it). */
  sparseMinSlots?: number;
  /** Reads imported `.live.html` components, so that calls of them are checked (component-imports.ts). */
  readImport?: ReadImport;
}

export interface CompileResult {
  /** The generated module; empty when the template has errors. */
  code: string;
  map: SourceMap | null;
  diagnostics: Diagnostic[];
  meta: CompileMeta;
  /** The template's colocated hooks (`<script type="hook">`, see hooks.ts), taken out of its HTML. */
  hooks: ColocatedHook[];
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const ctx = new CompileContext(source, options.filename ?? DEFAULT_FILENAME);
  const failed = (): CompileResult => ({ code: "", map: null, diagnostics: ctx.diagnostics, meta: { slots: [], fingerprints: [] }, hooks: [] });
  const ast = parseIn(ctx);
  if (ctx.failed) return failed();
  try {
    // Hook scripts leave the tree before analysis: they are client code, not template output.
    const hooks = extractHooks(ast, ctx.source, ctx.filename, (code, args, start, end) => ctx.report(code, args, start, end));
    const components = options.readImport && ast.frontmatter ? importedComponents(ast.frontmatter.code, ctx.filename, options.readImport) : undefined;
    const analysis = analyze(ast, ctx, components ? { components } : {});
    if (ctx.failed) return failed();
    const lowered = lower(ast, analysis);
    const emitted = emit(ast, analysis, lowered, ctx, {
      lang: options.lang ?? "ts",
      sourcemap: options.sourcemap !== false,
      ...(options.sparseMinSlots !== undefined ? { sparseMinSlots: options.sparseMinSlots } : {}),
    });
    return { ...emitted, diagnostics: ctx.diagnostics, hooks };
  } catch (error) {
    // A bug in the compiler, not in the template: still a diagnostic, never a raw throw.
    ctx.internalError(error);
    return failed();
  }
}
