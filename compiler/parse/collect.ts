// Lists every expression and binding pattern of a finished tree for the TypeScript syntax check.
import type { Directives, EexClause, Expression, Node, StaticAttribute, ExpressionAttribute, SpreadAttribute } from "./ast.ts";
import type { CheckItem } from "./expression/check.ts";

export function collectChecks(nodes: readonly Node[]): CheckItem[] {
  const out: CheckItem[] = [];
  // Depth-first, in source order, with an explicit stack of sibling lists (and of an if block's
  // clauses, whose conditions come out between the clauses' children): templates nested
  // thousands deep are legal input and must not exhaust the call stack.
  const lists: Array<readonly Node[] | readonly EexClause[]> = [nodes];
  const clauseLists: boolean[] = [false];
  const next: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    const i = next[top]!;
    if (i === list.length) {
      lists.pop();
      clauseLists.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    let children: readonly Node[] | readonly EexClause[] | null;
    let ofClauses = false;
    if (clauseLists[top]) {
      const clause = list[i] as EexClause;
      if (clause.condition && clause.condition.start < clause.condition.end) expr(out, clause.condition);
      children = clause.children;
    } else {
      const node = list[i] as Node;
      children = visit(node, out);
      ofClauses = node.type === "EexBlock" && node.kind === "if";
    }
    if (children && children.length > 0) {
      lists.push(children);
      clauseLists.push(ofClauses);
      next.push(0);
    }
  }
  return out;
}

function expr(out: CheckItem[], e: Expression): void {
  out.push({ start: e.start, end: e.end, kind: "expression" });
}

function pattern(out: CheckItem[], e: Expression): void {
  out.push({ start: e.start, end: e.end, kind: "pattern" });
}

/** Collects a node's own items; returns what to visit inside it (an if block's clauses), if anything. */
function visit(node: Node, out: CheckItem[]): readonly Node[] | readonly EexClause[] | null {
  switch (node.type) {
    case "ExpressionTag":
      expr(out, node.expression);
      return null;
    case "Comment":
      for (const part of node.parts) if (part.type === "ExpressionTag") expr(out, part.expression);
      return null;
    case "Element":
    case "Component":
    case "Slot":
      directives(node.directives, out);
      attributes(node.attributes, out);
      return node.children;
    case "EexBlock":
      if (node.kind === "if") return node.clauses;
      pattern(out, node.pattern);
      if (node.index) pattern(out, node.index);
      expr(out, node.iterable);
      return node.children;
  }
  return null;
}

function attributes(list: ReadonlyArray<StaticAttribute | ExpressionAttribute | SpreadAttribute>, out: CheckItem[]): void {
  for (const a of list) if (a.type !== "StaticAttribute") expr(out, a.expression);
}

function directives(d: Directives, out: CheckItem[]): void {
  if (d.for) {
    pattern(out, d.for.pattern);
    if (d.for.index) pattern(out, d.for.index);
    expr(out, d.for.iterable);
  }
  if (d.if) expr(out, d.if.expression);
  if (d.key) expr(out, d.key.expression);
  if (d.let) pattern(out, d.let.pattern);
}
