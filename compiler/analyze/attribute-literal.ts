// Splits an attribute expression that is a string or template literal, or a concatenation that
// starts with a string literal (`"/buy/" + item.id`), into its literal text and the expressions
// between, so that literal pieces become statics (escaped at compile time, as HEEx does) and
// only the expressions are dynamic: `id={`item-${@id}`}` sends just the id on a change.

import ts from "../utils/typescript.cjs";
import type { Expression } from "../parse/ast.ts";
import { findAssignRefs } from "./assign-refs.ts";
import type { ParsedCode, TypeScriptTrees } from "../parse/expression/trees.ts";

/** Literal text (cooked, unescaped) and substitution expressions, in order; null when not a literal. */
export type LiteralPieces = Array<string | Expression>;

// A string the parse phase did not parse: no escapes, so its text is what is between the quotes.
const PLAIN_STRING = /^(?:"[^"\\\n\r]*"|'[^'\\\n\r]*')$/;

/**
 * The pieces of `expr`, read from its kept tree (`trees`); each substitution's tree is kept
 * there too, under the substitution's own range, for the analysis of the piece.
 */
export function splitAttributeLiteral(expr: Expression, trees: TypeScriptTrees): LiteralPieces | null {
  const code = expr.code.trim();
  const first = code[0];
  if (first !== '"' && first !== "'" && first !== "`") return null;
  if (PLAIN_STRING.test(code)) return code.length > 2 ? [code.slice(1, -1)] : [];
  const tree = trees.get(expr.start, expr.end) ?? parseAlone(expr);
  if (!tree) return null;
  const operands = concatenationOperands(tree.node as ts.Expression);
  if (!operands) return null;
  const pieces: LiteralPieces = [];
  for (const operand of operands) {
    if (ts.isStringLiteral(operand) || ts.isNoSubstitutionTemplateLiteral(operand)) {
      if (operand.text) pieces.push(operand.text);
    } else if (ts.isTemplateExpression(operand)) {
      if (operand.head.text) pieces.push(operand.head.text);
      for (const span of operand.templateSpans) {
        pieces.push(piece(expr, span.expression, tree, trees));
        if (span.literal.text) pieces.push(span.literal.text);
      }
    } else {
      pieces.push(piece(expr, operand, tree, trees));
    }
  }
  return pieces;
}

/** The tree of an attribute expression the parse phase did not keep (`@x` read as `$x`). */
function parseAlone(expr: Expression): ParsedCode | null {
  let parseable = expr.code;
  for (const at of findAssignRefs(expr.code)) parseable = parseable.slice(0, at) + "$" + parseable.slice(at + 1);
  const file = ts.createSourceFile("attr.ts", parseable, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) return null;
  if (statement.expression.end !== parseable.trimEnd().length) return null;
  return { node: statement.expression, file, base: 0, code: expr.code };
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

function piece(expr: Expression, node: ts.Expression, tree: ParsedCode, trees: TypeScriptTrees): Expression {
  const start = node.getStart(tree.file) - tree.base;
  const end = node.end - tree.base;
  const code = expr.code.slice(start, end);
  trees.set(expr.start + start, expr.start + end, { node, file: tree.file, base: tree.base + start, code });
  return { start: expr.start + start, end: expr.start + end, code };
}
