// What may be interpolated inside a `<script>` body (LANGUAGE.md, "Script bodies"): a call of
// `raw(…)` (trusted code, as written) or `json(…)` (a value as a JavaScript literal, escaped for
// a script body). Plain interpolation is refused at compile time: HTML escaping means nothing in
// raw text, and no escaping can know whether the slot sits in a string, a template literal or
// plain code, where `1; alert(1)` needs no quote at all.
import ts from "../utils/typescript.cjs";
import { SCRIPT_SAFE_HELPERS } from "../utils/implicit-helpers.ts";
import type { ParsedCode } from "./expression/trees.ts";

// `@name` is not TypeScript; `$name` has the same length.
const AT_NAME = /@(?=[\p{ID_Start}_$\\])/gu;

/**
 * Whether `code` is one call of a script-safe helper (`raw`, `json`), and nothing else; read from
 * its kept tree when the syntax check parsed it.
 */
export function isScriptSafeExpression(code: string, parsed?: ParsedCode): boolean {
  const trimmed = code.trim();
  const callee = /^([\w$]+)\s*\(/.exec(trimmed)?.[1];
  if (callee === undefined || !SCRIPT_SAFE_HELPERS.has(callee) || !trimmed.endsWith(")")) return false;
  let expression: ts.Expression;
  if (parsed) expression = parsed.node as ts.Expression;
  else {
    const file = ts.createSourceFile("script-value.ts", `(${trimmed.replace(AT_NAME, "$$")})`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const statement = file.statements[0];
    if (file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) return false;
    expression = statement.expression;
  }
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && SCRIPT_SAFE_HELPERS.has(expression.expression.text);
}
