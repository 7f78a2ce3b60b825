// Finds where an embedded TypeScript expression ends, with TypeScript's own scanner: strings,
// template literals (with nested `${}`), regular expressions, comments and nested braces are all
// skipped as TypeScript skips them. Only the expression's own region is scanned, so a template's
// parse stays linear in its length. One scanner serves a whole parse.
import ts from "typescript";

const K = ts.SyntaxKind;

/** What kind of literal was left open, for the "unterminated …" diagnostic. */
export interface OpenLiteral {
  offset: number;
  what: string;
}

/** A split generator `pattern of iterable`, `(item, index) of iterable` or `pattern <- iterable`. */
export interface GeneratorSplit {
  pattern: [number, number];
  index: [number, number] | null;
  iterable: [number, number];
}

// TypeScript diagnostic codes its scanner raises for literals that run off their end.
const UNTERMINATED: ReadonlyMap<number, string> = new Map([
  [1002, "string literal"],
  [1160, "template literal"],
  [1161, "regular expression literal"],
  [1010, "comment"],
]);

export class ExpressionScanner {
  private readonly scanner: ts.Scanner;
  /** First literal left open during the current scan, if any. */
  openLiteral: OpenLiteral | null = null;

  constructor(private readonly source: string) {
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
    this.scanner.setOnError((message) => {
      const what = UNTERMINATED.get(message.code);
      if (what && !this.openLiteral) this.openLiteral = { offset: this.scanner.getTokenStart(), what };
    });
  }

  /** Offset of the `}` closing an expression that starts at `from` (just after `{`), or -1. */
  findCloseBrace(from: number): number {
    return this.findEnd(from, false);
  }

  /** Offset of the `%>` closing an EEx tag whose code starts at `from`, or -1. */
  findEexClose(from: number): number {
    return this.findEnd(from, true);
  }

  private findEnd(from: number, eex: boolean): number {
    const s = this.scanner;
    const src = this.source;
    s.setText(src, from, src.length - from);
    this.openLiteral = null;
    // Open `{` (0) and open template substitutions `${` (1), innermost last.
    const stack: number[] = [];
    let prev: ts.SyntaxKind = K.Unknown;
    for (;;) {
      let kind = s.scan();
      if (kind === K.EndOfFileToken) return -1;
      if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && regexMayStart(prev)) {
        kind = s.reScanSlashToken();
      }
      switch (kind) {
        case K.OpenBraceToken:
          stack.push(0);
          break;
        case K.TemplateHead:
          stack.push(1);
          break;
        case K.CloseBraceToken:
          if (stack.length === 0) {
            if (!eex) return s.getTokenStart();
          } else if (stack[stack.length - 1] === 1) {
            kind = s.reScanTemplateToken(false);
            if (kind === K.TemplateTail) stack.pop();
          } else {
            stack.pop();
          }
          break;
        case K.PercentToken:
          // `%>` ends an EEx tag wherever it appears outside literals, so an unbalanced
          // brace inside `<%= %>` cannot swallow the rest of the template.
          if (eex && src.charCodeAt(s.getTokenEnd()) === 62 /* > */) return s.getTokenStart();
          break;
      }
      prev = kind;
    }
  }

  /**
   * Splits `[start, end)` at its top-level `of` or `<-` into pattern, optional index and
   * iterable; null when there is no generator keyword at the top level.
   */
  splitGenerator(start: number, end: number): GeneratorSplit | null {
    const s = this.scanner;
    const src = this.source;
    s.setText(src, start, end - start);
    this.openLiteral = null;
    let depth = 0;
    let prev: ts.SyntaxKind = K.Unknown;
    for (;;) {
      let kind = s.scan();
      if (kind === K.EndOfFileToken) return null;
      if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && regexMayStart(prev)) kind = s.reScanSlashToken();
      const at = s.getTokenStart();
      if (kind === K.OpenBraceToken || kind === K.OpenParenToken || kind === K.OpenBracketToken || kind === K.TemplateHead) depth++;
      else if (kind === K.CloseBraceToken || kind === K.CloseParenToken || kind === K.CloseBracketToken) depth--;
      else if (depth === 0 && kind === K.OfKeyword && prev !== K.Unknown) {
        return this.generator(start, at, s.getTokenEnd(), end);
      } else if (depth === 0 && kind === K.LessThanToken && src.charCodeAt(at + 1) === 45 /* - */ && prev !== K.Unknown) {
        return this.generator(start, at, at + 2, end);
      }
      prev = kind;
    }
  }

  private generator(start: number, keywordStart: number, keywordEnd: number, end: number): GeneratorSplit | null {
    const src = this.source;
    const [ps, pe] = trimSpan(src, start, keywordStart);
    const iterable = trimSpan(src, keywordEnd, end);
    if (ps === pe || iterable[0] === iterable[1]) return null;
    // `(item, index) of list`: a parenthesised pair whose top-level comma separates the two.
    if (src.charCodeAt(ps) === 40 /* ( */ && src.charCodeAt(pe - 1) === 41 /* ) */) {
      const comma = this.topLevelComma(ps + 1, pe - 1);
      if (comma !== -1) {
        return { pattern: trimSpan(src, ps + 1, comma), index: trimSpan(src, comma + 1, pe - 1), iterable };
      }
      if (this.closingParenOf(ps) === pe - 1) return { pattern: trimSpan(src, ps + 1, pe - 1), index: null, iterable };
    }
    return { pattern: [ps, pe], index: null, iterable };
  }

  private topLevelComma(start: number, end: number): number {
    const s = this.scanner;
    s.setText(this.source, start, end - start);
    let depth = 0;
    for (;;) {
      const kind = s.scan();
      if (kind === K.EndOfFileToken) return -1;
      if (kind === K.OpenBraceToken || kind === K.OpenParenToken || kind === K.OpenBracketToken || kind === K.TemplateHead) depth++;
      else if (kind === K.CloseBraceToken || kind === K.CloseParenToken || kind === K.CloseBracketToken) depth--;
      else if (depth === 0 && kind === K.CommaToken) return s.getTokenStart();
      if (depth < 0) return -1;
    }
  }

  /** Offset of the `)` matching the `(` at `open`, or -1. */
  private closingParenOf(open: number): number {
    const s = this.scanner;
    s.setText(this.source, open, this.source.length - open);
    let depth = 0;
    for (;;) {
      const kind = s.scan();
      if (kind === K.EndOfFileToken) return -1;
      if (kind === K.OpenParenToken) depth++;
      else if (kind === K.CloseParenToken && --depth === 0) return s.getTokenStart();
    }
  }
}

/** Whether a `/` after a token of this kind starts a regular expression rather than a division. */
function regexMayStart(prev: ts.SyntaxKind): boolean {
  if (prev === K.Unknown) return true;
  if (prev === K.CloseParenToken || prev === K.CloseBracketToken || prev === K.CloseBraceToken) return false;
  if (prev === K.PlusPlusToken || prev === K.MinusMinusToken) return false;
  if (prev >= K.FirstPunctuation && prev <= K.LastPunctuation) return true;
  switch (prev) {
    case K.TypeOfKeyword: case K.VoidKeyword: case K.DeleteKeyword: case K.InKeyword: case K.OfKeyword:
    case K.InstanceOfKeyword: case K.NewKeyword: case K.ReturnKeyword: case K.YieldKeyword:
    case K.AwaitKeyword: case K.CaseKeyword: case K.DoKeyword: case K.ElseKeyword:
      return true;
  }
  return false;
}

/** `[start, end)` with ASCII whitespace removed from both ends. */
export function trimSpan(src: string, start: number, end: number): [number, number] {
  while (start < end && src.charCodeAt(start) <= 32) start++;
  while (end > start && src.charCodeAt(end - 1) <= 32) end--;
  return [start, end];
}
