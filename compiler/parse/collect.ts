// Lists every expression and binding pattern of a finished tree for the TypeScript syntax check.
import type { Directives, Expression, Node, StaticAttribute, ExpressionAttribute, SpreadAttribute } from "./ast.ts";
import type { CheckItem } from "./expression/check.ts";

export function collectChecks(nodes: readonly Node[]): CheckItem[] {
  const out: CheckItem[] = [];
  visitAll(nodes, out);
  return out;
}

function expr(out: CheckItem[], e: Expression): void {
  out.push({ start: e.start, end: e.end, kind: "expression" });
}

function pattern(out: CheckItem[], e: Expression): void {
  out.push({ start: e.start, end: e.end, kind: "pattern" });
}

function visitAll(nodes: readonly Node[], out: CheckItem[]): void {
  for (const node of nodes) visit(node, out);
}

function visit(node: Node, out: CheckItem[]): void {
  switch (node.type) {
    case "ExpressionTag":
      return expr(out, node.expression);
    case "Comment":
      for (const part of node.parts) if (part.type === "ExpressionTag") expr(out, part.expression);
      return;
    case "Element":
    case "Component":
    case "Slot":
      directives(node.directives, out);
      attributes(node.attributes, out);
      return visitAll(node.children, out);
    case "EexBlock":
      if (node.kind === "if") {
        for (const clause of node.clauses) {
          if (clause.condition && clause.condition.start < clause.condition.end) expr(out, clause.condition);
          visitAll(clause.children, out);
        }
      } else {
        pattern(out, node.pattern);
        if (node.index) pattern(out, node.index);
        expr(out, node.iterable);
        visitAll(node.children, out);
      }
      return;
  }
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
