// Structural invariants every parse result must satisfy, valid input or not. Used by the AST
// tests and the fuzz test. Returns the first violation found, or null.
import type { Diagnostic, Node, Span, Template } from "../../compiler/index.ts";

export function checkInvariants(source: string, ast: Template, diagnostics: Diagnostic[]): string | null {
  for (const d of diagnostics) {
    if (!(d.start.offset >= 0 && d.start.offset <= d.end.offset && d.end.offset <= source.length)) {
      return `diagnostic ${d.code} out of range: ${d.start.offset}-${d.end.offset}`;
    }
    if (d.start.line < 1 || d.start.column < 1) return `diagnostic ${d.code} has a bad position`;
    if (!/^LH\d{4}$/.test(d.code)) return `bad code ${d.code}`;
  }
  if (ast.start !== 0 || ast.end !== source.length) return "template span is not the whole source";
  if (ast.frontmatter && !within(ast.frontmatter, ast)) return "frontmatter outside the source";
  return checkChildren(source, ast, ast.children);
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end && inner.start <= inner.end;
}

function checkExpression(source: string, e: { start: number; end: number; code: string }, parent: Span): string | null {
  if (!within(e, parent)) return `expression ${JSON.stringify(e.code)} outside its node`;
  if (source.slice(e.start, e.end) !== e.code) return `expression code differs from its span`;
  return null;
}

function checkChildren(source: string, parent: Span, children: readonly Node[]): string | null {
  let previousEnd = parent.start;
  for (const node of children) {
    if (!within(node, parent)) return `${node.type} ${node.start}-${node.end} outside parent ${parent.start}-${parent.end}`;
    if (node.start < previousEnd) return `${node.type} at ${node.start} overlaps its previous sibling`;
    previousEnd = node.end;
    const problem = checkNode(source, node);
    if (problem) return problem;
  }
  return null;
}

function checkNode(source: string, node: Node): string | null {
  switch (node.type) {
    case "Text":
    case "Doctype":
      return null;
    case "ExpressionTag":
      return checkExpression(source, node.expression, node);
    case "Comment":
      return checkChildren(source, node, node.parts);
    case "Element":
    case "Component":
    case "Slot": {
      if (!within(node.openTag, node) || !within(node.nameSpan, node.openTag)) return `${node.name}: tag spans`;
      if (node.closeTag && !within(node.closeTag, node)) return `${node.name}: close tag outside`;
      for (const a of node.attributes) {
        if (!within(a, node.openTag)) return `${node.name}: attribute outside its tag`;
        if (a.type === "SpreadAttribute" || a.type === "ExpressionAttribute") {
          const p = checkExpression(source, a.expression, a);
          if (p) return p;
        }
      }
      for (const d of Object.values(node.directives)) {
        if (d && !within(d, node.openTag)) return `${node.name}: directive outside its tag`;
      }
      return checkChildren(source, { start: node.openTag.end, end: node.closeTag?.start ?? node.end }, node.children);
    }
    case "EexBlock":
      if (node.kind === "if") {
        let prev = node.start;
        for (const c of node.clauses) {
          if (!within(c, node) || c.start < prev) return "EEx clause spans";
          prev = c.end;
          if (c.condition) {
            const p = checkExpression(source, c.condition, c.tag);
            if (p) return p;
          }
          const p = checkChildren(source, { start: c.tag.end, end: Math.max(c.tag.end, c.end) }, c.children);
          if (p) return p;
        }
        return null;
      }
      return checkChildren(source, { start: node.tag.end, end: node.endTag?.start ?? node.end }, node.children);
  }
}
