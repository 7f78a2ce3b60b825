// parse(source) → { ast, diagnostics }: the front end of the livehtml compiler; parseIn(ctx) is
// the same as the first phase of a compile, keeping the code's TypeScript trees in the context.
//
//   frontmatter.ts  the `---` TypeScript block      tokenizer.ts  character state machine
//   builder.ts      tree + nesting rules            attributes.ts attributes and `:` directives
//   eex.ts          EEx tag words                   expression/   TypeScript scanning, syntax check, kept trees
import type { Template } from "./ast.ts";
import type { Diagnostic } from "../diagnostics/types.ts";
import { createDiagnostic } from "../diagnostics/create.ts";
import { CompileContext, DEFAULT_FILENAME } from "../context.ts";
import { ParseContext } from "./context.ts";
import { readFrontmatter } from "./frontmatter.ts";
import { TreeBuilder } from "./builder.ts";
import { collectChecks } from "./collect.ts";
import { checkFrontmatter, checkSyntax, type SyntaxProblem } from "./expression/check.ts";
import { isScriptSafeExpression } from "./script-values.ts";

export interface ParseOptions {
  /** Shown in diagnostics; defaults to `template.live.html`. */
  filename?: string;
}

export interface ParseResult {
  ast: Template;
  diagnostics: Diagnostic[];
}

// TypeScript diagnostic codes for literals that run off their end (see expression/scan.ts).
const UNTERMINATED: ReadonlyMap<number, string> = new Map([
  [1002, "string literal"],
  [1160, "template literal"],
  [1161, "regular expression literal"],
  [1010, "comment"],
]);

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const ctx = new CompileContext(typeof source === "string" ? source : "", options.filename ?? DEFAULT_FILENAME);
  // A non-string source (from untyped callers) makes the parse throw: reported as LH0900.
  const ast = parseIn(ctx, source);
  return { ast, diagnostics: ctx.diagnostics };
}

/**
 * The parse phase of a compile: the template's tree, its problems added to `ctx`. `text` is the
 * text to parse when it is not `ctx.source` itself but has the same line breaks (a `live`
 * template inside a `.ts` file, with the code around it blanked out).
 */
export function parseIn(ctx: CompileContext, text: string = ctx.source): Template {
  try {
    const result = parseTemplate(new ParseContext(text, ctx.locator, ctx.trees), ctx.filename);
    ctx.diagnostics.push(...result.diagnostics);
    return result.ast;
  } catch (error) {
    // The parser is written not to throw; this keeps a bug from reaching users as a crash.
    ctx.internalError(error);
    return { type: "Template", start: 0, end: ctx.source.length, frontmatter: null, children: [] };
  }
}

/**
 * The parse itself, without parse()'s guard. Exported for the linearity tests, which pass their
 * own context to read its scanner's work counter afterwards.
 */
export function parseTemplate(ctx: ParseContext, filename: string = DEFAULT_FILENAME): ParseResult {
  const source = ctx.source;
  const { node: frontmatter, bodyStart } = readFrontmatter(ctx);
  const builder = new TreeBuilder(ctx, bodyStart);
  const ast = builder.build();
  ast.frontmatter = frontmatter;

  if (frontmatter && frontmatter.end < source.length + 1 && ctx.problems.every((p) => p.code !== "LH0303")) {
    for (const p of checkFrontmatter(frontmatter.code, frontmatter.contentStart, filename, ctx.trees)) {
      ctx.report("LH0302", { text: p.message }, p.start, p.end);
    }
  }
  for (const p of checkSyntax(source, collectChecks(ast.children), ctx.trees)) reportSyntax(ctx, p);
  for (const v of ctx.scriptValues) {
    if (!isScriptSafeExpression(v.expression.code, ctx.trees.get(v.expression.start, v.expression.end))) ctx.report("LH0601", {}, v.start, v.end);
  }

  const diagnostics = ctx.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.start - b.p.start || a.i - b.i)
    .map(({ p }) => createDiagnostic(p.code, p.args, p.start, p.end, filename, ctx.locator));
  return { ast, diagnostics };
}

function reportSyntax(ctx: ParseContext, p: SyntaxProblem): void {
  const what = UNTERMINATED.get(p.tsCode);
  if (what) ctx.report("LH0117", { what }, p.start, p.end);
  else ctx.report("LH0301", { text: p.message }, p.start, p.end);
}
