// Finds the `@name` assign shorthands inside a TypeScript expression.
//
// `@` is not valid TypeScript in an expression, so it cannot be left to the parser; a plain
// text search would also find `@` inside strings, template literal text, comments and regular
// expressions. The TypeScript scanner tokenizes the expression for real; the only context it
// needs from us is which `}` closes a `${…}` template substitution and where a `/` starts a
// regular expression, both decided by the previous significant token.

import ts from "../utils/typescript.cjs";

/** Offsets (relative to `code`) of each `@` that starts an assign reference `@name`. */
export function findAssignRefs(code: string): number[] {
  if (code.indexOf("@") === -1) return [];
  const refs: number[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  // Each open `{` or `${` on a stack: true when it belongs to a template substitution.
  const braces: boolean[] = [];
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    switch (token) {
      case ts.SyntaxKind.AtToken: {
        const at = scanner.getTokenStart();
        if (isIdentifierStart(code.charCodeAt(at + 1))) refs.push(at);
        break;
      }
      case ts.SyntaxKind.OpenBraceToken:
        braces.push(false);
        break;
      case ts.SyntaxKind.TemplateHead:
        braces.push(true);
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (braces.pop() === true) {
          token = scanner.reScanTemplateToken(false);
          if (token === ts.SyntaxKind.TemplateMiddle) braces.push(true);
        }
        break;
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.SlashEqualsToken:
        if (!endsOperand(previous)) token = scanner.reScanSlashToken();
        break;
    }
    previous = token;
  }
  return refs;
}

function isIdentifierStart(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95 || ch === 36 || ch > 127;
}

/** After these tokens a `/` divides; after anything else it starts a regular expression. */
function endsOperand(kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.CloseParenToken:
    case ts.SyntaxKind.CloseBracketToken:
    case ts.SyntaxKind.CloseBraceToken:
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return true;
    default:
      return false;
  }
}

/** The expression with every `@name` written as `assigns.name`. */
export function rewriteAssignRefs(code: string, refs: readonly number[]): string {
  if (refs.length === 0) return code;
  let out = "";
  let last = 0;
  for (const at of refs) {
    out += code.slice(last, at) + "assigns.";
    last = at + 1;
  }
  return out + code.slice(last);
}
