// Whether a `/` starts a regular expression or is a division, judged from the token before it
// (TypeScript's scanner cannot tell on its own; its parser decides from the grammar).
import ts from "../../utils/typescript.cjs";

const K = ts.SyntaxKind;

/** Whether a `/` after a token of this kind starts a regular expression rather than a division. */
export function regexMayStart(prev: ts.SyntaxKind): boolean {
  if (prev === K.Unknown) return true;
  if (prev === K.CloseParenToken || prev === K.CloseBracketToken || prev === K.CloseBraceToken) return false;
  if (prev === K.PlusPlusToken || prev === K.MinusMinusToken) return false;
  if (prev >= K.FirstPunctuation && prev <= K.LastPunctuation) return true;
  switch (prev) {
    // `${` opens an expression, exactly like `(`.
    case K.TemplateHead: case K.TemplateMiddle:
    case K.TypeOfKeyword: case K.VoidKeyword: case K.DeleteKeyword: case K.InKeyword: case K.OfKeyword:
    case K.InstanceOfKeyword: case K.NewKeyword: case K.ReturnKeyword: case K.YieldKeyword:
    case K.AwaitKeyword: case K.CaseKeyword: case K.DoKeyword: case K.ElseKeyword:
      return true;
  }
  return false;
}
