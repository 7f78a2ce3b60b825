// emit(…): the emit phase, the only one that knows the output text. Writes the module of a
// `.live.html` template (module.ts, through the Emitter's two renderers), its source map, the
// `lang: "js"` form (to-js.ts) and the `meta` tools read; `emitInline` writes the expression
// that replaces a `live` template inside a `.ts` file, and `finishModule` turns any writer into
// code and map.

import type * as AST from "../parse/ast.ts";
import type { SourceMap } from "magic-string";
import type { Analysis } from "../analyze/types.ts";
import type { Lowered } from "../lower/index.ts";
import type { CompileContext } from "../context.ts";
import { generateModule } from "./module.ts";
import { describeMeta, type CompileMeta } from "./meta.ts";
import { toJavaScript } from "./to-js.ts";
import type { CodeWriter } from "./writer.ts";

export { generateInline as emitInline } from "./module.ts";
export { builtinImportLine } from "./emitter.ts";
export { CodeWriter } from "./writer.ts";

export interface EmitOptions {
  lang: "ts" | "js";
  sourcemap: boolean;
  sparseMinSlots?: number;
}

export interface Emitted {
  code: string;
  map: SourceMap | null;
  meta: CompileMeta;
}

export function emit(template: AST.Template, analysis: Analysis, lowered: Lowered, ctx: CompileContext, options: EmitOptions): Emitted {
  const writer = generateModule(ctx, template, analysis, lowered, options.sparseMinSlots !== undefined ? { sparseMinSlots: options.sparseMinSlots } : {});
  return { ...finishModule(writer, ctx, options), meta: describeMeta(lowered, ctx.locator) };
}

/** The writer's code and map; for `lang: "js"` TypeScript's own JavaScript of it, maps chained. */
export function finishModule(writer: CodeWriter, ctx: CompileContext, options: { lang?: "ts" | "js"; sourcemap?: boolean }): { code: string; map: SourceMap | null } {
  const generated = options.sourcemap === false ? { code: writer.toString(), map: null } : writer.toCodeWithMap();
  return options.lang === "js" ? toJavaScript(generated.code, generated.map, ctx.filename) : generated;
}
