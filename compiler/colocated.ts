// compileColocated(): rewrites each `live\`…\`` tagged template inside a TypeScript file into
// compiled code, in place, keeping the rest of the file as written (and source-mapped).
//
// The template text is parsed at its own offsets in the file: everything outside the literal is
// blanked to spaces (newlines kept), so every diagnostic and mapping carries the file's real
// line and column without any offset arithmetic.

import ts from "./utils/typescript.cjs";
import type { SourceMap } from "magic-string";
import type { Diagnostic } from "./diagnostics/types.ts";
import { CompileContext } from "./context.ts";
import { parseIn } from "./parse/index.ts";
import { analyze } from "./analyze/index.ts";
import { bindingsOf } from "./analyze/module-bindings.ts";
import { lower } from "./lower/index.ts";
import { builtinImportLine, CodeWriter, emitInline, finishModule } from "./emit/index.ts";
import { extractHooks, type ColocatedHook } from "./hooks.ts";
import { attributeComponents, compiledArgument, knownComponents } from "./analyze/with-attributes.ts";
import { componentsImportedBy, type ReadImport } from "./component-imports.ts";

export interface ColocatedOptions {
  filename?: string;
  lang?: "ts" | "js";
  sourcemap?: boolean;
  /** The tag name of templates (default `live`). */
  tag?: string;
  /** Reads imported files, so that calls of the components they declare are checked (component-imports.ts). */
  readImport?: ReadImport;
}

export interface ColocatedResult {
  /** The rewritten file; the input unchanged when it has no `live` templates. */
  code: string;
  map: SourceMap | null;
  diagnostics: Diagnostic[];
  /** How many templates were compiled. */
  templates: number;
  /** The templates' colocated hooks (`<script type="hook">`, see hooks.ts). */
  hooks: ColocatedHook[];
}

interface Found {
  /** The whole tagged template expression `live\`…\``. */
  start: number;
  end: number;
  /** The template text between the backticks. */
  textStart: number;
  textEnd: number;
}

export function compileColocated(source: string, options: ColocatedOptions = {}): ColocatedResult {
  const ctx = new CompileContext(source, options.filename ?? "module.ts");
  const diagnostics = ctx.diagnostics;
  try {
    const file = ts.createSourceFile(ctx.filename, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const found = findTemplates(file, options.tag ?? "live", ctx);
    // Components that declare their attributes (`withAttributes`): their calls are checked and
    // compiled along with the templates.
    const declaring = attributeComponents(file, (code, args, start, end) => ctx.report(code, args, start, end));
    if ((found.length === 0 && declaring.length === 0) || ctx.failed) {
      return { code: source, map: null, diagnostics, templates: 0, hooks: [] };
    }
    // A `live` template reads its module's top-level names; it has no frontmatter of its own.
    const module = { ...bindingsOf(file), declaresAssigns: false, declared: null };
    const components = new Map([...(options.readImport ? componentsImportedBy(file, ctx.filename, options.readImport) : []), ...knownComponents(declaring)]);
    const out = new CodeWriter(ctx);
    const helpers = new Set<string>();
    const builtins = new Set<string>();
    const hooks: ColocatedHook[] = [];
    let hoisted = "";
    let cursor = 0;
    const insertAt = afterImports(file);
    const pieces: Array<{ at: number; write: () => void }> = [];

    found.forEach((template, n) => {
      // The blanked copy has the file's line breaks, so it shares the file's line table: positions
      // and frames are the file's own.
      const masked = blankOutside(source, template.textStart, template.textEnd);
      const errorsBefore = ctx.diagnostics.filter((d) => d.severity === "error").length;
      const ast = parseIn(ctx, masked);
      if (ctx.diagnostics.filter((d) => d.severity === "error").length > errorsBefore) return;
      hooks.push(...extractHooks(ast, masked, ctx.filename, (code, args, start, end) => ctx.report(code, args, start, end)));
      // A template inside a `withAttributes` render reads that component's declared attributes.
      const owner = declaring.find((c) => c.renderStart <= template.start && template.end <= c.renderEnd);
      const analysis = analyze(ast, ctx, { module: owner ? { ...module, declared: owner.declared } : module, components });
      const lowered = lower(ast, analysis);
      const generated = emitInline(ctx, analysis, lowered, { prefix: `${n}_` });
      hoisted += generated.hoisted;
      for (const h of generated.helpers.split(", ").filter(Boolean)) helpers.add(h);
      for (const b of generated.builtins) builtins.add(b);
      pieces.push({
        at: template.start,
        write: () => {
          out.expression(cursor, template.start, []);
          out.append(generated.expression);
          cursor = template.end;
        },
      });
    });
    if (ctx.failed) return { code: source, map: null, diagnostics, templates: 0, hooks: [] };
    for (const component of declaring) {
      pieces.push({
        at: component.insertAt,
        write: () => {
          out.expression(cursor, component.insertAt, []);
          out.text(`, ${compiledArgument(component)}`);
          cursor = component.insertAt;
        },
      });
    }

    const preamble = () => {
      out.expression(cursor, insertAt, []);
      cursor = insertAt;
      out.text(`\nimport { ${[...helpers].sort().join(", ")} } from "livehtml/runtime";\nimport type { Dynamic as $Dynamic } from "livehtml/runtime";\n${builtinImportLine(builtins)}${hoisted}`);
    };
    // The preamble goes after the imports; templates are always after it (they sit in code).
    const ordered = [...(found.length > 0 ? [{ at: insertAt, write: preamble }] : []), ...pieces].sort((a, b) => a.at - b.at);
    for (const piece of ordered) piece.write();
    out.expression(cursor, source.length, []);

    const { code, map } = finishModule(out, ctx, options);
    return { code, map, diagnostics, templates: found.length, hooks };
  } catch (error) {
    ctx.internalError(error);
    return { code: source, map: null, diagnostics, templates: 0, hooks: [] };
  }
}

/** Every `tag\`…\`` in the file; a template with `${…}` substitutions is an error. */
function findTemplates(file: ts.SourceFile, tag: string, ctx: CompileContext): Found[] {
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === tag) {
      const literal = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(literal)) {
        found.push({ start: node.getStart(), end: node.end, textStart: literal.getStart() + 1, textEnd: literal.end - 1 });
      } else {
        const span = literal.templateSpans[0]!;
        ctx.report("LH0503", { tag }, span.expression.getStart() - 2, span.expression.end + 1);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Offset just after the last top-level import (where hoisted statics and helpers go). */
function afterImports(file: ts.SourceFile): number {
  let at = 0;
  for (const statement of file.statements) if (ts.isImportDeclaration(statement)) at = statement.end;
  return at;
}

function blankOutside(source: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return blank(source.slice(0, start)) + source.slice(start, end) + blank(source.slice(end));
}

