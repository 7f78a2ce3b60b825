// Results of the analysis phase, read by lower/ and emit/. Nothing here is written back onto the AST.

import type { Component, Expression, ExpressionAttribute, Node } from "../parse/ast.ts";
import type { ModuleBindings } from "./module-bindings.ts";
import type { ImplicitHelper } from "../utils/implicit-helpers.ts";

/** A scope opened by a template construct: a `:for` (tracked per item) or a `:let` (always fresh). */
export interface TemplateScope {
  id: number;
  kind: "for" | "let";
  /** Names bound here (pattern variables, the index). */
  names: ReadonlySet<string>;
  parent: TemplateScope | null;
  /** Loop depth for "for" scopes (1 = outermost loop), used to name generated variables. */
  depth: number;
}

/** A loop variable path read by an expression, with the `:for` scope that binds it. */
export interface VarRead {
  scope: TemplateScope;
  path: string[];
}

/** When a dynamic slot must be recomputed. */
export interface Dependencies {
  /** Recompute on every render (bare `assigns`, an untracked variable). */
  always: boolean;
  /** Assign paths, minimal: no path is a prefix of another. */
  assigns: string[][];
  /** Loop-variable paths per binding scope; a `:let` scope's names count as always changed. */
  vars: VarRead[];
}

export interface ExpressionInfo {
  /** The expression as it will be emitted: `@name` written `assigns.name`. */
  code: string;
  /** Offsets of each `@` relative to the expression's start in the source. */
  assignRefs: number[];
  deps: Dependencies;
}

/** What the template's expressions, scopes and component calls are. */
export interface TemplateAnalysis {
  /** Attributes written as a string or template literal, split into literal text and substitutions. */
  attributePieces: Map<ExpressionAttribute, Array<string | Expression>>;
  expressions: Map<Expression, ExpressionInfo>;
  /** The scope each node's body is evaluated in (only for nodes that open one). */
  scopes: Map<Node, TemplateScope>;
  /** The `:let` scope of a component or slot body. */
  letScopes: Map<Node, TemplateScope>;
  /** Free identifiers read by any expression that are not template bindings (module names, globals, runtime helpers). */
  freeNames: Set<string>;
  /** Component calls that resolve to a built-in component (`<.link>` with no `link` in scope). */
  builtinCalls: Set<Component>;
  /**
   * Expressions that are a plain call of the implicit `renderSlot` helper, with the offset where
   * the callee ends (the arguments follow): the HTML renderer calls `slotHtml` with them instead.
   */
  slotRenders: Map<Expression, number>;
}

/** The analysis phase's result: the template's, plus what the frontmatter (or module) declares. */
export interface Analysis extends TemplateAnalysis {
  /** Top-level names, the `Assigns` type and the declared attributes of the frontmatter or module. */
  module: ModuleBindings;
  /** Runtime helpers the template reads without importing them (the module imports them). */
  implicitImports: ImplicitHelper[];
}
