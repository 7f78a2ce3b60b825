// Splits an attribute expression that is a string or template literal into its literal text and
// its substitutions, so that literal pieces become statics (escaped at compile time, as HEEx does)
// and only the substitutions are dynamic: `id={`item-${@id}`}` sends just the id on a change.

import ts from "typescript";
import type { Expression } from "../parse/ast.ts";
import { findAssignRefs } from "./assign-refs.ts";

/** Literal text (cooked, unescaped) and substitution expressions, in order; null when not a literal. */
export type LiteralPieces = Array<string | Expression>;

export function splitAttributeLiteral(expr: Expression): LiteralPieces | null {
  const code = expr.code.trim();
  const first = code[0];
  if (first !== '"' && first !== "'" && first !== "`") return null;
  // `@x` is not TypeScript; an identifier of the same length keeps every offset.
  let parseable = expr.code;
  for (const at of findAssignRefs(expr.code)) parseable = parseable.slice(0, at) + "_" + parseable.slice(at + 1);
  const file = ts.createSourceFile("attr.ts", parseable, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) return null;
  const literal = statement.expression;
  if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) {
    if (literal.end !== parseable.trimEnd().length) return null;
    return [literal.text];
  }
  if (!ts.isTemplateExpression(literal)) return null;
  const pieces: LiteralPieces = [];
  if (literal.head.text) pieces.push(literal.head.text);
  for (const span of literal.templateSpans) {
    const start = span.expression.getStart(file);
    const end = span.expression.end;
    pieces.push({ start: expr.start + start, end: expr.start + end, code: expr.code.slice(start, end) });
    if (span.literal.text) pieces.push(span.literal.text);
  }
  return pieces;
}
