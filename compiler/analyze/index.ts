// analyze(ast, ctx): the analysis phase. Reads the frontmatter (top-level names, the `Assigns`
// type, declared attributes), then the template: scopes and the dependencies of every
// expression (template.ts), calls of built-in components, and the reads a component's declared
// attributes allow. Problems go to `ctx`.

import type * as AST from "../parse/ast.ts";
import type { CompileContext } from "../context.ts";
import type { Analysis, TemplateAnalysis } from "./types.ts";
import { analyzeTemplate } from "./template.ts";
import { bindingsOf, moduleBindings, type ModuleBindings } from "./module-bindings.ts";
import type { DeclaredAttributes } from "./declared-attributes.ts";
import { IMPLICIT_HELPER_NAMES } from "../utils/implicit-helpers.ts";
import { BUILTIN_COMPONENTS } from "../../runtime/components/declarations.ts";
import type { KnownComponent } from "./component-calls.ts";

export { mergeDependencies } from "./template.ts";

export interface AnalyzeOptions {
  /**
   * The names the template may read untracked, when they come from elsewhere than its own
   * frontmatter (a `live` template reads its `.ts` module's top-level names).
   */
  module?: ModuleBindings;
  /** Components the frontmatter imports whose attributes are known (component-imports.ts), by local name. */
  components?: ReadonlyMap<string, KnownComponent>;
}

const NO_MODULE: ModuleBindings = { names: new Set(), declaresAssigns: false, declared: null };

export function analyze(template: AST.Template, ctx: CompileContext, options: AnalyzeOptions = {}): Analysis {
  const module = options.module ?? frontmatterBindings(template, ctx);
  const analysis = analyzeTemplate(template, {
    trees: ctx.trees,
    moduleBindings: module.names,
    builtins: BUILTIN_COMPONENTS,
    ...(options.components ? { components: options.components } : {}),
    report: (code, args, start, end) => ctx.report(code, args, start, end),
  });
  // Default offsets are the frontmatter's in a `.live.html`, the file's for a `live` template.
  if (module.declared) checkDeclared(module.declared, analysis, template.frontmatter?.contentStart ?? 0, ctx);
  const implicitImports = IMPLICIT_HELPER_NAMES.filter((name) => !module.names.has(name) && analysis.freeNames.has(name));
  return { ...analysis, module, implicitImports };
}

/** What the frontmatter declares, from the tree the parse phase kept of it. */
function frontmatterBindings(template: AST.Template, ctx: CompileContext): ModuleBindings {
  if (!template.frontmatter) return NO_MODULE;
  return ctx.trees.frontmatter ? bindingsOf(ctx.trees.frontmatter) : moduleBindings(template.frontmatter.code);
}

/**
 * A component that declares its attributes reads only those: an `@name` it does not declare is
 * always undefined (warned), and `defaults` may only name declared attributes (an error).
 */
function checkDeclared(declared: DeclaredAttributes, analysis: TemplateAnalysis, frontmatterStart: number, ctx: CompileContext): void {
  for (const d of declared.defaults) {
    if (!declared.names.includes(d.name)) ctx.report("LH0513", { name: d.name }, frontmatterStart + d.start, frontmatterStart + d.end);
  }
  const warned = new Set<string>();
  for (const [expression, info] of analysis.expressions) {
    for (const path of info.deps.assigns) {
      const name = path[0]!;
      // Slots and assigns the runtime adds are not attributes the caller sets.
      if (declared.names.includes(name) || name === "__changed__" || warned.has(name)) continue;
      warned.add(name);
      ctx.report("LH0512", { name }, expression.start, expression.end);
    }
  }
}
