// What a template expression reads: assign paths (`assigns.user.name` → ["user", "name"]),
// the free identifiers it uses, and whether it reads the bare `assigns` object (which makes
// its slot render every time, since anything in it may matter).
//
// The expression is parsed by TypeScript; names bound inside it (arrow function parameters)
// are not free. A member chain stops before a method call, because `user.name.trim()` reads
// `user.name`, not the (unchanging) function `trim`.

import ts from "../utils/typescript.cjs";

export interface ExpressionReads {
  /** Assign paths read, e.g. [["user", "name"], ["count"]]. */
  assigns: string[][];
  /** Free identifiers with the member path read from each, e.g. item → [["item", "label"]]. */
  identifiers: Map<string, string[][]>;
  /** The bare `assigns` object is read (spread, passed on, indexed dynamically). */
  bareAssigns: boolean;
  /** Offset (into the rewritten code) of the first bare `assigns` use, for the warning. */
  bareAssignsAt: number;
}

/** Parses `code` (with `@` already rewritten) as an expression and collects what it reads. */
export function collectReads(code: string): ExpressionReads {
  const reads: ExpressionReads = { assigns: [], identifiers: new Map(), bareAssigns: false, bareAssignsAt: -1 };
  // Parenthesised so that an object literal parses as an expression, not a block.
  const file = ts.createSourceFile("expr.ts", `(${code}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return reads;
  visit(statement.expression, new Set(), reads);
  return reads;
}

function visit(node: ts.Node, locals: ReadonlySet<string>, reads: ExpressionReads): void {
  if (ts.isTypeNode(node)) return;
  if (ts.isIdentifier(node)) {
    if (isReference(node)) recordIdentifier(node, locals, reads);
    return;
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const inner = new Set(locals);
    if (ts.isFunctionExpression(node) && node.name) inner.add(node.name.text);
    for (const parameter of node.parameters) {
      bindingNames(parameter.name, inner);
      if (parameter.initializer) visit(parameter.initializer, inner, reads);
    }
    if (node.body) visit(node.body, inner, reads);
    return;
  }
  if (ts.isVariableDeclaration(node)) {
    // Only reachable inside a function body within the expression: a local binding.
    bindingNames(node.name, locals as Set<string>);
    if (node.initializer) visit(node.initializer, locals, reads);
    return;
  }
  ts.forEachChild(node, (child) => visit(child, locals, reads));
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

function recordIdentifier(id: ts.Identifier, locals: ReadonlySet<string>, reads: ExpressionReads): void {
  const name = id.text;
  if (locals.has(name)) return;
  // An assign may itself be a function (`@id(row)`): calling it reads that assign.
  const path = memberPath(id, name === "assigns" ? 1 : 0);
  if (name === "assigns") {
    if (path.length === 0) {
      reads.bareAssigns = true;
      if (reads.bareAssignsAt === -1) reads.bareAssignsAt = id.getStart() - 1; // minus the "(" we added
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
