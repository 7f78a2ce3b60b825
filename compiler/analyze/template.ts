// The template's own analysis: scopes and the dependencies of every template expression.
//
// Each expression is classified by what it reads: assign paths (`@user.name` → user.name),
// loop variables of an enclosing `:for` (tracked per item, as LiveView does), names bound by
// `:let` (fresh on every slot render), module-level names (imports and top-level declarations,
// which do not change between renders) and anything else, which makes the slot render on
// every change and is reported, because it silently makes payloads larger.

import type * as AST from "../parse/ast.ts";
import type { Dependencies, ExpressionInfo, TemplateAnalysis, TemplateScope, VarRead } from "./types.ts";
import { rewriteAssignRefs } from "./assign-refs.ts";
import { collectReads, patternNamesOf } from "./dependencies.ts";
import type { TypeScriptTrees } from "../parse/expression/trees.ts";
import { splitAttributeLiteral, type LiteralPieces } from "./attribute-literal.ts";
import { attributeRule, piecesKeepRule } from "../../runtime/shared/attributes.ts";
import type { Args, Code } from "../diagnostics/catalogue.ts";
import { checkComponentCall, type KnownComponent } from "./component-calls.ts";
import { isImplicitHelper } from "../utils/implicit-helpers.ts";
import { renderSlotCalleeEnd } from "./slot-render.ts";

export interface AnalyzeOptions {
  /** Names that are constant for the template: frontmatter or module top-level bindings. */
  moduleBindings: ReadonlySet<string>;
  /** Reports a catalogue diagnostic at a source range. */
  report(code: AnalysisCode, args: Args, start: number, end: number): void;
  /** Components called by bare name when nothing in scope has that name (the built-in components). */
  builtins?: ReadonlyMap<string, KnownComponent>;
  /** Components the frontmatter imports whose attributes are known (component-imports.ts), by local name. */
  components?: ReadonlyMap<string, KnownComponent>;
  /** The TypeScript trees the parse phase kept of the template's code. */
  trees: TypeScriptTrees;
}

export type AnalysisCode = Extract<Code, "LH0501" | "LH0502" | "LH0510" | "LH0511">;

/** Attributes rendered even when empty; their values keep their own rules (class lists). */
const ALWAYS_PRESENT = new Set(["class", "style"]);

/** Globals that are not properties of `globalThis` in every runtime's eyes but never change. */
const CONSTANT_GLOBALS = new Set(["undefined", "NaN", "Infinity"]);

function keepsPieces(tag: string, name: string, pieces: LiteralPieces): boolean {
  const first = pieces[0];
  const substitutions = pieces.filter((p) => typeof p !== "string").length;
  return piecesKeepRule(attributeRule(tag.toLowerCase(), name), typeof first === "string" ? first : null, substitutions);
}

export function analyzeTemplate(template: AST.Template, options: AnalyzeOptions): TemplateAnalysis {
  const analysis: TemplateAnalysis = { expressions: new Map(), scopes: new Map(), letScopes: new Map(), freeNames: new Set(), attributePieces: new Map(), builtinCalls: new Set(), slotRenders: new Map() };
  let nextScope = 0;
  const warnedUntracked = new Set<string>();

  function openScope(kind: "for" | "let", names: Iterable<string>, parent: TemplateScope | null): TemplateScope {
    let depth = 0;
    for (let s = parent; s; s = s.parent) if (s.kind === "for") depth = Math.max(depth, s.depth);
    return { id: nextScope++, kind, names: new Set(names), parent, depth: kind === "for" ? depth + 1 : depth };
  }

  function expression(expr: AST.Expression, scope: TemplateScope | null): ExpressionInfo {
    const tree = options.trees.get(expr.start, expr.end);
    const reads = collectReads(expr.code, tree);
    const assignRefs = reads.assignRefs;
    const code = rewriteAssignRefs(expr.code, assignRefs);
    const deps: Dependencies = { always: false, assigns: minimalPaths(reads.assigns), vars: [] };
    if (reads.bareAssigns) {
      deps.always = true;
      options.report("LH0501", {}, expr.start, expr.end);
    }
    for (const [name, paths] of reads.identifiers) {
      const binder = findBinder(scope, name);
      if (!binder) analysis.freeNames.add(name);
      if (binder?.kind === "for") {
        for (const path of minimalPaths(paths)) deps.vars.push({ scope: binder, path });
      } else if (binder?.kind === "let") {
        // Rebound on every slot render: always fresh, but only inside the slot body.
        deps.vars.push({ scope: binder, path: [name] });
      } else if (!options.moduleBindings.has(name) && !CONSTANT_GLOBALS.has(name) && !isImplicitHelper(name) && !(name in globalThis)) {
        deps.always = true;
        if (!warnedUntracked.has(name)) {
          warnedUntracked.add(name);
          options.report("LH0502", { name }, expr.start, expr.end);
        }
      }
    }
    const calleeEnd = renderSlotCalleeEnd(tree);
    if (calleeEnd !== null && !findBinder(scope, "renderSlot") && !options.moduleBindings.has("renderSlot")) analysis.slotRenders.set(expr, calleeEnd);
    const info: ExpressionInfo = { code, assignRefs, deps };
    analysis.expressions.set(expr, info);
    return info;
  }

  function visitChildren(children: readonly AST.Node[], scope: TemplateScope | null): void {
    for (const child of children) visitNode(child, scope);
  }

  function visitNode(node: AST.Node, scope: TemplateScope | null): void {
    switch (node.type) {
      case "Text":
      case "Doctype":
        return;
      case "Comment":
        for (const part of node.parts) if (part.type === "ExpressionTag") expression(part.expression, scope);
        return;
      case "ExpressionTag":
        expression(node.expression, scope);
        return;
      case "EexBlock":
        if (node.kind === "if") {
          for (const clause of node.clauses) {
            if (clause.condition) expression(clause.condition, scope);
            visitChildren(clause.children, scope);
          }
        } else {
          expression(node.iterable, scope);
          const inner = openScope("for", forNames(node.pattern, node.index), scope);
          analysis.scopes.set(node, inner);
          visitChildren(node.children, inner);
        }
        return;
      case "Element":
      case "Component":
      case "Slot":
        visitElementLike(node, scope);
        return;
    }
  }

  function visitElementLike(node: AST.ElementLikeNode, outer: TemplateScope | null): void {
    const { directives } = node;
    if (node.type === "Component") resolveBuiltin(node, outer);
    let scope = outer;
    if (directives.for) {
      expression(directives.for.iterable, outer);
      // A `:for` on a slot tag makes a list of slot entries, not a comprehension (HEEx does not
      // optimise those either): its variables are fresh in every entry, like `:let`'s.
      const kind = node.type === "Slot" ? "let" : "for";
      scope = openScope(kind, forNames(directives.for.pattern, directives.for.index), outer);
      analysis.scopes.set(node, scope);
      if (directives.key) expression(directives.key.expression, scope);
    }
    if (directives.if) expression(directives.if.expression, scope);
    for (const attribute of node.attributes) {
      if (attribute.type === "StaticAttribute") continue;
      const split = node.type === "Element" && attribute.type === "ExpressionAttribute" && !ALWAYS_PRESENT.has(attribute.name)
        ? splitAttributeLiteral(attribute.expression, options.trees)
        : null;
      // A URL, handler or binding attribute keeps its pieces only when its literal text alone
      // settles that the value is safe; otherwise its helper judges the whole value.
      const pieces = split && node.type === "Element" && attribute.type === "ExpressionAttribute" && keepsPieces(node.name, attribute.name, split) ? split : null;
      if (pieces && attribute.type === "ExpressionAttribute") {
        analysis.attributePieces.set(attribute, pieces);
        for (const piece of pieces) if (typeof piece !== "string") expression(piece, scope);
      } else {
        expression(attribute.expression, scope);
      }
    }
    let bodyScope = scope;
    if (directives.let) {
      const names = patternsOf(directives.let.pattern);
      bodyScope = openScope("let", names, scope);
      // A component's `:let` binds in its default slot; a slot's `:let` in its own body.
      analysis.letScopes.set(node, bodyScope);
    }
    if (node.type === "Component") {
      for (const child of node.children) visitNode(child, child.type === "Slot" ? scope : bodyScope);
    } else {
      visitChildren(node.children, bodyScope);
    }
  }

  /** A bare `<.name>` that nothing in scope defines calls the built-in component of that name. */
  function resolveBuiltin(node: AST.Component, scope: TemplateScope | null): void {
    const imported = node.namespace === null && options.moduleBindings.has(node.functionName) ? options.components?.get(node.functionName) : undefined;
    if (imported && !findBinder(scope, node.functionName)) checkComponentCall(node, imported, options.report);
    const known = node.namespace === null ? options.builtins?.get(node.functionName) : undefined;
    if (!known || options.moduleBindings.has(node.functionName) || findBinder(scope, node.functionName)) return;
    analysis.builtinCalls.add(node);
    checkComponentCall(node, known, options.report);
  }

  /** The names a binding pattern binds. */
  function patternsOf(pattern: AST.Expression): string[] {
    return patternNamesOf(pattern.code, options.trees.get(pattern.start, pattern.end)) ?? [];
  }

  function forNames(pattern: AST.Expression, index: AST.Expression | null): string[] {
    const names = patternsOf(pattern);
    if (index) names.push(...patternsOf(index));
    return names;
  }

  visitChildren(template.children, null);
  return analysis;
}

function findBinder(scope: TemplateScope | null, name: string): TemplateScope | null {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return s;
  return null;
}


/** Drops duplicates and paths that extend another path in the list (a parent change covers them). */
export function minimalPaths(paths: readonly string[][]): string[][] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const path of sorted) {
    if (!kept.some((k) => k.length <= path.length && k.every((segment, i) => segment === path[i]))) kept.push(path);
  }
  return kept;
}

/** Union of several slots' dependencies (for a branch, a loop or a component call). */
export function mergeDependencies(list: readonly Dependencies[]): Dependencies {
  const merged: Dependencies = { always: false, assigns: [], vars: [] };
  const vars: VarRead[] = [];
  for (const deps of list) {
    merged.always ||= deps.always;
    merged.assigns.push(...deps.assigns);
    vars.push(...deps.vars);
  }
  merged.assigns = minimalPaths(merged.assigns);
  const seen = new Set<string>();
  for (const v of vars) {
    const key = `${v.scope.id}:${v.path.join(".")}`;
    if (!seen.has(key)) seen.add(key), merged.vars.push(v);
  }
  return merged;
}
