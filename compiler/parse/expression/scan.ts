// Finds where an embedded TypeScript expression ends, with TypeScript's own scanner: strings,
// template literals (with nested `${}`), regular expressions, comments and nested braces are all
// skipped as TypeScript skips them. A scan that finds its close covers only the expression's own
// region; a scan that runs to the end of the template is remembered (scan-memo.ts), so a
// template's parse stays linear in its length even when it is full of unclosed expressions. One
// scanner serves a whole parse.
import ts from "../../utils/typescript.cjs";
import { firstOpenLiteral, ScanMemo, type OpenLiteral } from "./scan-memo.ts";
import { regexMayStart } from "./regex-start.ts";

export type { OpenLiteral } from "./scan-memo.ts";

const K = ts.SyntaxKind;

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
  /**
   * Characters handed to TypeScript's scanner so far. Only the linearity tests read it: it
   * measures the work that broken input could make quadratic.
   */
  scanned = 0;
  private readonly memo = new ScanMemo();
  /** While a failed scan is replayed: every literal left open, in order. */
  private recording: OpenLiteral[] | null = null;

  constructor(private readonly source: string) {
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
    this.scanner.setOnError((message) => {
      const what = UNTERMINATED.get(message.code);
      if (!what) return;
      const offset = this.scanner.getTokenStart();
      if (this.recording) this.recording.push({ offset, what });
      else if (!this.openLiteral) this.openLiteral = { offset, what };
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
    if (!this.memo.empty) {
      const known = this.memo.get(from, eex);
      if (known) {
        this.openLiteral = firstOpenLiteral(known, from);
        return known.close;
      }
    }
    const close = this.scanToEnd(from, eex);
    this.scanned += (close === -1 ? this.source.length : close) - from;
    if (close === -1) {
      const first = this.openLiteral;
      this.record(from, eex);
      this.openLiteral = first;
    }
    return close;
  }

  private scanToEnd(from: number, eex: boolean): number {
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
   * Replays a scan from `from` that ran to the end (scanToEnd returned -1), token for token, and
   * remembers the answer of every later scan that would start right after one of its `{`, `${`
   * or `%` tokens: from such a point on, that scan sees the same tokens as this one.
   */
  private record(from: number, eex: boolean): void {
    const s = this.scanner;
    const src = this.source;
    const memo = this.memo;
    const literals: OpenLiteral[] = [];
    this.recording = literals;
    s.setText(src, from, src.length - from);
    // Mirrors scanToEnd's stack; `starts` holds, per level, where a scan for its close starts.
    const stack: number[] = [];
    const starts: number[] = [];
    // Starts of EEx scans waiting for the next `%>`, in order; those before `resolved` are
    // answered. A scan from inside a `${` would read that substitution's closing `}` as a
    // stray brace, not as template text, so when such a `}` comes, the starts made inside it
    // (those from `firstInside[level]` on) no longer qualify and are dropped.
    const eexStarts: number[] = [];
    const firstInside: number[] = [];
    let resolved = 0;
    let prev: ts.SyntaxKind = K.Unknown;
    for (;;) {
      let kind = s.scan();
      if (kind === K.EndOfFileToken) break;
      if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && regexMayStart(prev)) {
        kind = s.reScanSlashToken();
      }
      switch (kind) {
        case K.OpenBraceToken:
        case K.TemplateHead:
          stack.push(kind === K.OpenBraceToken ? 0 : 1);
          starts.push(s.getTokenEnd());
          firstInside.push(eexStarts.length);
          break;
        case K.CloseBraceToken: {
          const top = stack.length - 1;
          if (top < 0) break; // only an EEx scan gets here: it ignores a stray `}`
          memo.set(starts[top]!, false, s.getTokenStart(), literals);
          if (stack[top] === 1) {
            eexStarts.length = Math.max(resolved, firstInside[top]!);
            kind = s.reScanTemplateToken(false);
            if (kind !== K.TemplateTail) {
              starts[top] = s.getTokenEnd();
              break;
            }
          }
          stack.pop();
          starts.pop();
          firstInside.pop();
          break;
        }
        case K.PercentToken:
        case K.PercentEqualsToken:
          if (kind === K.PercentToken && src.charCodeAt(s.getTokenEnd()) === 62 /* > */) {
            for (; resolved < eexStarts.length; resolved++) memo.set(eexStarts[resolved]!, true, s.getTokenStart(), literals);
          }
          eexStarts.push(s.getTokenEnd());
          break;
      }
      prev = kind;
    }
    for (const start of starts) memo.set(start, false, -1, literals);
    for (; resolved < eexStarts.length; resolved++) memo.set(eexStarts[resolved]!, true, -1, literals);
    memo.set(from, eex, -1, literals);
    this.scanned += src.length - from;
    this.recording = null;
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
      if (this.closingParenOf(ps, pe) === pe - 1) return { pattern: trimSpan(src, ps + 1, pe - 1), index: null, iterable };
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

  /** Offset of the `)` matching the `(` at `open` before `end`, or -1. */
  private closingParenOf(open: number, end: number): number {
    const s = this.scanner;
    // Bounded by the pattern's end: the caller only asks whether the pattern's last `)` matches.
    s.setText(this.source, open, end - open);
    let depth = 0;
    for (;;) {
      const kind = s.scan();
      if (kind === K.EndOfFileToken) return -1;
      if (kind === K.OpenParenToken) depth++;
      else if (kind === K.CloseParenToken && --depth === 0) return s.getTokenStart();
    }
  }
}

/** `[start, end)` with ASCII whitespace removed from both ends. */
export function trimSpan(src: string, start: number, end: number): [number, number] {
  while (start < end && src.charCodeAt(start) <= 32) start++;
  while (end > start && src.charCodeAt(end - 1) <= 32) end--;
  return [start, end];
}
