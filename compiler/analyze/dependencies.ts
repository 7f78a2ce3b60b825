// What a template expression reads: assign paths (`assigns.user.name` → ["user", "name"]),
// the free identifiers it uses, and whether it reads the bare `assigns` object (which makes
// its slot render every time, since anything in it may matter).
//
// The expression's TypeScript tree is the one the parse phase kept (parse/expression/trees.ts),
// where `@name` reads `$name`; a chain of names (`@user.name`, `row.id`), which the parse phase
// does not parse, is read from its text. Names bound inside an expression (arrow function
// parameters) are not free. A member chain stops before a method call, because
// `user.name.trim()` reads `user.name`, not the (unchanging) function `trim`.

import ts from "../utils/typescript.cjs";
import { isAssignRef, type ParsedCode } from "../parse/expression/trees.ts";
import { findAssignRefs } from "./assign-refs.ts";

export interface ExpressionReads {
  /** Assign paths read, e.g. [["user", "name"], ["count"]]. */
  assigns: string[][];
  /** Free identifiers with the member path read from each, e.g. item → [["item", "label"]]. */
  identifiers: Map<string, string[][]>;
  /** The bare `assigns` object is read (spread, passed on, indexed dynamically). */
  bareAssigns: boolean;
  /** Offsets (into the code) of each `@name` shorthand, in order. */
  assignRefs: number[];
}

/** What `code` (as written, `@` included) reads, from its tree when the parse phase kept one. */
export function collectReads(code: string, parsed: ParsedCode | undefined): ExpressionReads {
  const reads: ExpressionReads = { assigns: [], identifiers: new Map(), bareAssigns: false, assignRefs: [] };
  if (!parsed && readNameChain(code, reads)) return reads;
  let tree = parsed;
  if (tree) reads.assignRefs = assignRefsOf(tree);
  else {
    reads.assignRefs = findAssignRefs(code);
    tree = parseAlone(code, reads.assignRefs) ?? undefined;
  }
  if (tree) visit(tree.node, new Set(), reads, tree);
  return reads;
}

/** The offsets of the `@name` shorthands of a kept tree: its identifiers written with `@`. */
function assignRefsOf(tree: ParsedCode): number[] {
  if (tree.code.indexOf("@") === -1) return [];
  const refs: number[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isAssignRef(node, tree)) refs.push(node.getStart(tree.file) - tree.base);
      return;
    }
    ts.forEachChild(node, walk);
  };
  walk(tree.node);
  return refs.sort((a, b) => a - b);
}

/** The tree of `code` parsed on its own: for code the parse phase did not parse. */
function parseAlone(code: string, assignRefs: readonly number[]): ParsedCode | null {
  let text = code;
  for (const at of assignRefs) text = `${text.slice(0, at)}$${text.slice(at + 1)}`;
  // Parenthesised so that an object literal parses as an expression, not a block.
  const file = ts.createSourceFile("expr.ts", `(${text}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return null;
  const outer = statement.expression;
  return { node: ts.isParenthesizedExpression(outer) ? outer.expression : outer, file, base: 1, code };
}

const NAME_CHAIN = /^(@?)([$A-Za-z_][\w$]*)((?:\??\.[$A-Za-z_][\w$]*)*)$/;
const LITERAL = /^(?:\d+(?:\.\d+)?|"[^"\\\n\r]*"|'[^'\\\n\r]*')$/;
/** Words that read no variable (keywords TypeScript would not make identifiers). */
const NOT_VARIABLES = new Set(["this", "true", "false", "null"]);

/** Reads of a plain chain of names or a plain literal, without a parser; false for anything else. */
function readNameChain(code: string, reads: ExpressionReads): boolean {
  if (LITERAL.test(code)) return true;
  const match = NAME_CHAIN.exec(code);
  if (!match) return false;
  const [, at, name, chain] = match as unknown as [string, string, string, string];
  const members = chain === "" ? [] : chain.split(".").filter((s) => s !== "" && s !== "?").map((s) => s.replace(/\?$/, ""));
  if (at === "@") {
    reads.assigns.push([name, ...members]);
    reads.assignRefs.push(0);
  }
  else if (name === "assigns") {
    if (members.length === 0) reads.bareAssigns = true;
    else reads.assigns.push(members);
  } else if (!NOT_VARIABLES.has(name)) {
    reads.identifiers.set(name, [[name, ...members]]);
  }
  return true;
}

function visit(node: ts.Node, locals: ReadonlySet<string>, reads: ExpressionReads, tree: ParsedCode): void {
  if (ts.isTypeNode(node)) return;
  if (ts.isIdentifier(node)) {
    if (isReference(node)) recordIdentifier(node, locals, reads, tree);
    return;
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const inner = new Set(locals);
    if (ts.isFunctionExpression(node) && node.name) inner.add(node.name.text);
    for (const parameter of node.parameters) {
      bindingNames(parameter.name, inner);
      if (parameter.initializer) visit(parameter.initializer, inner, reads, tree);
    }
    if (node.body) visit(node.body, inner, reads, tree);
    return;
  }
  if (ts.isVariableDeclaration(node)) {
    // Only reachable inside a function body within the expression: a local binding.
    bindingNames(node.name, locals as Set<string>);
    if (node.initializer) visit(node.initializer, locals, reads, tree);
    return;
  }
  ts.forEachChild(node, (child) => visit(child, locals, reads, tree));
}

/** Identifiers that name a value being read (not a property name, label or declaration). */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isParameter(parent) && parent.name === id) return false;
  return true;
}

function recordIdentifier(id: ts.Identifier, locals: ReadonlySet<string>, reads: ExpressionReads, tree: ParsedCode): void {
  const name = id.text;
  if (isAssignRef(id, tree)) {
    // `@name`, read as `$name`. An assign may itself be a function (`@id(row)`): calling it
    // reads that assign.
    reads.assigns.push([name.slice(1), ...memberPath(id, 0)]);
    return;
  }
  if (locals.has(name)) return;
  const path = memberPath(id, name === "assigns" ? 1 : 0);
  if (name === "assigns") {
    if (path.length === 0) {
      reads.bareAssigns = true;
    } else {
      reads.assigns.push(path);
    }
    return;
  }
  let paths = reads.identifiers.get(name);
  if (!paths) reads.identifiers.set(name, (paths = []));
  paths.push([name, ...path]);
}

/**
 * The static member path read from `id`: `id.a.b`, `id["a"]`, stopping before a method call,
 * but keeping at least `keep` segments (a called assign is still read).
 */
function memberPath(id: ts.Identifier, keep: number): string[] {
  const path: string[] = [];
  let current: ts.Expression = id;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
      path.push(parent.name.text);
      current = parent;
    } else if (
      ts.isElementAccessExpression(parent) &&
      parent.expression === current &&
      (ts.isStringLiteral(parent.argumentExpression) || ts.isNumericLiteral(parent.argumentExpression))
    ) {
      path.push(parent.argumentExpression.text);
      current = parent;
    } else {
      break;
    }
  }
  const parent = current.parent;
  if (path.length > keep && ts.isCallExpression(parent) && parent.expression === current) path.pop();
  return path;
}

/** Adds every name bound by a binding pattern (`x`, `{ a, b: [c] }`, `...rest`) to `into`. */
export function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    bindingNames(element.name, into);
  }
}

/** The names a pattern binds, from its kept tree (a binding name) or, without one, its text. */
export function patternNamesOf(pattern: string, parsed: ParsedCode | undefined): string[] | null {
  if (!parsed) return patternNames(pattern);
  const names = new Set<string>();
  bindingNames(parsed.node as ts.BindingName, names);
  return [...names];
}

/** The names a pattern such as `{ id, name }` or `[a, b]` binds; null when it does not parse. */
export function patternNames(pattern: string): string[] | null {
  const file = ts.createSourceFile("pattern.ts", `let ${pattern} = 0;`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (!statement || !ts.isVariableStatement(statement) || file.statements.length !== 1) return null;
  const declaration = statement.declarationList.declarations[0];
  if (!declaration || (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return null;
  const names = new Set<string>();
  bindingNames(declaration.name, names);
  return [...names];
}
