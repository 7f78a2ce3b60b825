// Splits an attribute expression that is a string or template literal, or a concatenation that
// starts with a string literal (`"/buy/" + item.id`), into its literal text and the expressions
// between, so that literal pieces become statics (escaped at compile time, as HEEx does) and
// only the expressions are dynamic: `id={`item-${@id}`}` sends just the id on a change.

import ts from "../utils/typescript.cjs";
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
  const whole = statement.expression;
  if (whole.end !== parseable.trimEnd().length) return null;
  const operands = concatenationOperands(whole);
  if (!operands) return null;
  const pieces: LiteralPieces = [];
  for (const operand of operands) {
    if (ts.isStringLiteral(operand) || ts.isNoSubstitutionTemplateLiteral(operand)) {
      if (operand.text) pieces.push(operand.text);
    } else if (ts.isTemplateExpression(operand)) {
      if (operand.head.text) pieces.push(operand.head.text);
      for (const span of operand.templateSpans) {
        pieces.push(piece(expr, span.expression, file));
        if (span.literal.text) pieces.push(span.literal.text);
      }
    } else {
      pieces.push(piece(expr, operand, file));
    }
  }
  return pieces;
}

/**
 * The operands of `a + b + c` when `a` (the leftmost) is a string or template literal, so every
 * `+` is a string concatenation; a single literal gives itself; anything else gives null.
 */
function concatenationOperands(node: ts.Expression): ts.Expression[] | null {
  const operands: ts.Expression[] = [];
  let current = node;
  while (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    operands.unshift(current.right);
    current = current.left;
  }
  if (!ts.isStringLiteral(current) && !ts.isNoSubstitutionTemplateLiteral(current) && !ts.isTemplateExpression(current)) return null;
  operands.unshift(current);
  return operands;
}

function piece(expr: Expression, node: ts.Expression, file: ts.SourceFile): Expression {
  const start = node.getStart(file);
  return { start: expr.start + start, end: expr.start + node.end, code: expr.code.slice(start, node.end) };
}
