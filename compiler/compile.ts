// compile(): template source → TypeScript (or JavaScript) module, through the three phases
// parse → analyze → generate. It never throws on a template: every problem is a diagnostic.

import type { Diagnostic } from "./diagnostics/types.ts";
import type { SourceMap } from "magic-string";
import type * as AST from "./parse/ast.ts";
import { parse } from "./parse/index.ts";
import { analyze } from "./analyze/index.ts";
import { createDiagnostic } from "./diagnostics/create.ts";
import { moduleBindings } from "./analyze/module-bindings.ts";
import { lower, type Lowered } from "./generate/lower.ts";
import { generateModule } from "./generate/index.ts";
import { toJavaScript } from "./generate/to-js.ts";
import { describeMeta, type CompileMeta } from "./meta.ts";
import { createLocator, type Locator } from "./utils/locator.ts";
import type { Analysis } from "./analyze/types.ts";
import type { DeclaredAttributes } from "./analyze/declared-attributes.ts";
import { BUILTIN_COMPONENTS } from "../runtime/components/declarations.ts";
import { extractHooks, type ColocatedHook } from "./hooks.ts";
import { importedComponents, type ReadImport } from "./component-imports.ts";
import type { KnownComponent } from "./analyze/component-calls.ts";

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
  const filename = options.filename ?? "template.live.html";
  const lang = options.lang ?? "ts";
  const { ast, diagnostics } = parse(source, { filename });
  const empty: CompileResult = { code: "", map: null, diagnostics, meta: { slots: [], fingerprints: [] }, hooks: [] };
  if (diagnostics.some((d) => d.severity === "error")) return empty;

  try {
    const hooks = extractHooks(ast, source, filename, (code, args, start, end) => diagnostics.push(createDiagnostic(code, args, start, end, filename, createLocator(source))));
    const front = ast.frontmatter ? moduleBindings(ast.frontmatter.code) : { names: new Set<string>(), declaresAssigns: false, declared: null };
    const components = options.readImport && ast.frontmatter ? importedComponents(ast.frontmatter.code, filename, options.readImport) : undefined;
    const { analysis, lowered, locator } = analyzeAndLower(ast, source, filename, front.names, diagnostics, components);
    if (front.declared) checkDeclared(front.declared, analysis, ast.frontmatter!.contentStart, (code, args, start, end) => diagnostics.push(createDiagnostic(code, args, start, end, filename, locator)));
    if (diagnostics.some((d) => d.severity === "error")) return empty;
    const implicitImports = IMPLICIT_IMPORTS.filter((name) => !front.names.has(name) && analysis.freeNames.has(name));
    // TypeScript always; `lang: "js"` is TypeScript's own output of it (generate/to-js.ts).
    const writer = generateModule(source, ast, analysis, lowered, {
      filename,
      declaresAssigns: front.declaresAssigns,
      ...(options.sparseMinSlots !== undefined ? { sparseMinSlots: options.sparseMinSlots } : {}),
      implicitImports,
      declared: front.declared ? { attributes: front.declared, component: componentName(filename) } : null,
    });
    const meta = describeMeta(lowered, analysis, locator);
    const generated = options.sourcemap === false ? { code: writer.toString(), map: null } : writer.toCodeWithMap();
    const { code, map } = lang === "js" ? toJavaScript(generated.code, generated.map, filename) : generated;
    return { code, map, diagnostics, meta, hooks };
  } catch (error) {
    // A bug in the compiler, not in the template: still a diagnostic, never a raw throw.
    diagnostics.push(internalError(error, source, filename));
    return empty;
  }
}

/** Analysis plus lowering, shared by `.live.html` files and colocated templates. */
export function analyzeAndLower(
  ast: AST.Template,
  source: string,
  filename: string,
  moduleNames: ReadonlySet<string>,
  diagnostics: Diagnostic[],
  components?: ReadonlyMap<string, KnownComponent>,
): { analysis: Analysis; lowered: Lowered; locator: Locator } {
  const locator = createLocator(source);
  const analysis = analyze(ast, {
    moduleBindings: moduleNames,
    builtins: BUILTIN_COMPONENTS,
    ...(components ? { components } : {}),
    report: (code, args, start, end) => diagnostics.push(createDiagnostic(code, args, start, end, filename, locator)),
  });
  return { analysis, lowered: lower(ast, analysis), locator };
}

/**
 * A component that declares its attributes reads only those: an `@name` it does not declare is
 * always undefined (warned), and `defaults` may only name declared attributes (an error).
 */
function checkDeclared(
  declared: DeclaredAttributes,
  analysis: Analysis,
  frontmatterStart: number,
  report: (code: "LH0512" | "LH0513", args: Record<string, string>, start: number, end: number) => void,
): void {
  for (const d of declared.defaults) {
    if (!declared.names.includes(d.name)) report("LH0513", { name: d.name }, frontmatterStart + d.start, frontmatterStart + d.end);
  }
  const warned = new Set<string>();
  for (const [expression, info] of analysis.expressions) {
    for (const path of info.deps.assigns) {
      const name = path[0]!;
      // Slots and assigns the runtime adds are not attributes the caller sets.
      if (declared.names.includes(name) || name === "__changed__" || warned.has(name)) continue;
      warned.add(name);
      report("LH0512", { name }, expression.start, expression.end);
    }
  }
}

/** `components/card.live.html` → `card`: how error messages name the component. */
function componentName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base.replace(/\.live\.html$/, "").replace(/\.[^.]*$/, "");
}

/** Runtime functions templates may call without importing them. */
const IMPLICIT_IMPORTS = ["raw", "json", "renderSlot"];

/** A bug in the compiler, reported as a diagnostic at the start of the file. */
export function internalError(error: unknown, source: string, filename: string): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  return createDiagnostic("LH0900", { text }, 0, 0, filename, createLocator(source));
}
