// The template tokenizer: a state machine over character codes that reports tokens to a sink by
// offsets. It never slices the source per character; strings are made only for names and
// attribute values that end up in the tree. Expressions are delimited by the TypeScript scanner
// (expression/scan.ts), EEx tags are classified by eex.ts.
//
// States (grammar/ names them the same): text, tag (start tag and its attributes), close tag,
// raw text (script/style bodies), comment, doctype, EEx tag. The sink may switch curly
// interpolation off (phx-no-curly-interpolation) between tokens.
//
// This file is over 300 lines because the states share the cursor and the recovery rules; they
// read best side by side.
import type { Comment, ExpressionAttribute, SpreadAttribute, StaticAttribute, Text, ExpressionTag } from "./ast.ts";
import type { ParseContext } from "./context.ts";
import { classifyEex, type EexToken } from "./eex.ts";
import { RAW_TEXT_ELEMENTS } from "../utils/html.ts";

export type TagAttribute = StaticAttribute | ExpressionAttribute | SpreadAttribute;

export interface OpenTagToken {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  attributes: TagAttribute[];
  selfClosing: boolean;
  /** The tag ran into the next `<` or the end of the template before its `>` (reported already). */
  unterminated: boolean;
  /**
   * A quoted value or an expression ran off its end and was reported where it starts. The user's
   * mistake is there; where the tag ends is then the recovery's guess, so neither the unclosed
   * start tag nor the element's missing close tag is reported again.
   */
  brokenValue: boolean;
}

export interface TokenSink {
  /** Text `[start, end)`; `data` differs from the source only for `<%%` (which stands for `<%`). */
  text(start: number, end: number, data: string): void;
  curly(start: number, end: number, codeStart: number, codeEnd: number): void;
  eex(token: EexToken): void;
  comment(node: Comment): void;
  doctype(start: number, end: number): void;
  openTag(token: OpenTagToken): void;
  closeTag(start: number, end: number, name: string, nameStart: number): void;
}

const enum C {
  TAB = 9, LF = 10, FF = 12, CR = 13, SPACE = 32, BANG = 33, DQ = 34, PERCENT = 37, SQ = 39,
  DASH = 45, DOT = 46, SLASH = 47, COLON = 58, LT = 60, EQ = 61, GT = 62, LBRACE = 123, RBRACE = 125,
}

function isSpace(c: number): boolean {
  return c === C.SPACE || c === C.LF || c === C.TAB || c === C.CR || c === C.FF;
}

/** Characters that end a tag or attribute name (HEEx's stop set plus braces and `<`). */
function endsName(c: number): boolean {
  return isSpace(c) || c === C.GT || c === C.SLASH || c === C.EQ || c === C.DQ || c === C.SQ ||
    c === C.LBRACE || c === C.RBRACE || c === C.LT || Number.isNaN(c);
}

function startsTagName(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C.DOT || c === C.COLON || c === 95;
}

export class Tokenizer {
  pos = 0;
  /** `{` starts an interpolation in text. The sink turns this off under phx-no-curly-interpolation. */
  curly = true;
  /** Close tag (`</script>`) that ends the current raw-text body, or null outside one. */
  private rawClose: string | null = null;
  private readonly src: string;
  private readonly len: number;
  /** `[lineFrom, lineTo)` holds no line break and `lineTo` ends a line (see lineEnd). */
  private lineFrom = -1;
  private lineTo = -1;

  constructor(private readonly ctx: ParseContext, private readonly sink: TokenSink, start: number) {
    this.src = ctx.source;
    this.len = ctx.source.length;
    this.pos = start;
  }

  run(): void {
    while (this.pos < this.len) {
      if (this.rawClose !== null) this.rawText();
      else this.textState();
    }
  }

  // ── text ────────────────────────────────────────────────────────────────────────────────
  private textState(): void {
    const src = this.src;
    const start = this.pos;
    let i = start;
    for (; i < this.len; i++) {
      const c = src.charCodeAt(i);
      if (c === C.LT || (c === C.LBRACE && this.curly)) break;
    }
    if (i > start) this.sink.text(start, i, src.slice(start, i));
    this.pos = i;
    if (i >= this.len) return;
    if (src.charCodeAt(i) === C.LBRACE) return this.curlyInText(i);
    const next = src.charCodeAt(i + 1);
    if (next === C.PERCENT) return this.eexTag(i);
    if (next === C.SLASH) return this.closeTag(i);
    if (next === C.BANG) {
      if (src.startsWith("<!--", i)) return this.htmlComment(i);
      if (src.slice(i + 2, i + 9).toLowerCase() === "doctype") return this.doctype(i);
    }
    if (startsTagName(next)) return this.openTag(i);
    this.ctx.report("LH0101", {}, i, i + 1);
    this.sink.text(i, i + 1, "<");
    this.pos = i + 1;
  }

  private curlyInText(open: number): void {
    const close = this.expressionEnd(open);
    if (close === -1) return;
    if (this.isBlank(open + 1, close)) this.ctx.report("LH0118", {}, open, close + 1);
    else this.sink.curly(open, close + 1, open + 1, close);
  }

  /**
   * Offset of the `}` closing the expression opened at `open`; on failure reports it, moves the
   * cursor to the end of the line (the recovery point) and returns -1.
   */
  private expressionEnd(open: number, inTag = false): number {
    const close = this.ctx.scanner.findCloseBrace(open + 1);
    if (close !== -1) {
      this.pos = close + 1;
      return close;
    }
    // An open string or template literal explains the missing `}` best. A regex is only the
    // scanner's guess about a `/` (e.g. in `</p>` after the expression), so it is not blamed.
    const literal = this.ctx.scanner.openLiteral;
    if (literal && literal.what !== "regular expression literal" && literal.what !== "comment") {
      this.ctx.report("LH0117", { what: literal.what }, literal.offset, this.lineEnd(literal.offset));
    } else this.ctx.report("LH0110", {}, open, open + 1);
    // Recover at the end of the line, or inside a tag at the tag's `>` on that line.
    const lineEnd = this.lineEnd(open);
    const gt = inTag ? this.gtBefore(open, lineEnd) : -1;
    this.pos = gt !== -1 ? gt : lineEnd;
    return -1;
  }

  /**
   * End of the line holding `from`. The last answer is kept: several reports can point into one
   * long line, and searching it again each time would cost its length per report.
   */
  private lineEnd(from: number): number {
    if (from >= this.lineFrom && from <= this.lineTo) return this.lineTo;
    const nl = this.src.indexOf("\n", from);
    this.lineFrom = from;
    this.lineTo = nl === -1 ? this.len : nl;
    return this.lineTo;
  }

  /** The first `>` in `[from, limit)`, or -1; never looks past `limit`. */
  private gtBefore(from: number, limit: number): number {
    const src = this.src;
    for (let i = from; i < limit; i++) if (src.charCodeAt(i) === C.GT) return i;
    return -1;
  }

  private isBlank(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (!isSpace(this.src.charCodeAt(i))) return false;
    return true;
  }

  // ── EEx ─────────────────────────────────────────────────────────────────────────────────
  /** `<%…` at `lt`, in text, raw text or (with `inComment`) a comment body. */
  private eexTag(lt: number, commentParts?: Array<Text | ExpressionTag>): void {
    const src = this.src;
    const third = src.charCodeAt(lt + 2);
    if (third === C.PERCENT) {
      // `<%%` is a literal `<%`.
      if (commentParts) commentParts.push({ type: "Text", start: lt, end: lt + 3, data: "<%" });
      else this.sink.text(lt, lt + 3, "<%");
      this.pos = lt + 3;
      return;
    }
    if (src.startsWith("!--", lt + 2)) {
      const close = src.indexOf("--%>", lt + 5);
      if (close === -1) {
        this.ctx.report("LH0113", {}, lt, lt + 5);
        this.pos = this.len;
      } else this.pos = close + 4;
      return;
    }
    if (third === 35 /* # */) {
      const close = src.indexOf("%>", lt + 3);
      this.ctx.report("LH0120", {}, lt, close === -1 ? lt + 3 : close + 2);
      this.pos = close === -1 ? this.len : close + 2;
      return;
    }
    const output = third === C.EQ;
    const codeStart = lt + (output ? 3 : 2);
    let codeEnd = this.ctx.scanner.findEexClose(codeStart);
    let end: number;
    if (codeEnd === -1) {
      this.ctx.report("LH0112", {}, lt, codeStart);
      codeEnd = end = this.lineEnd(codeStart);
    } else end = codeEnd + 2;
    this.pos = end;
    const token = classifyEex(this.ctx, lt, end, codeStart, codeEnd, output);
    if (commentParts) {
      if (token.kind === "output") {
        commentParts.push({
          type: "ExpressionTag", syntax: "eex", start: lt, end,
          expression: this.ctx.expression(...this.trimmed(codeStart, codeEnd)),
        });
      } else this.ctx.report("LH0212", { code: src.slice(codeStart, codeEnd).trim(), block: 0 }, lt, end);
      return;
    }
    if (token.kind !== "output" && token.kind !== "statement") this.trimLine(token);
    this.sink.eex(token);
  }

  private trimmed(start: number, end: number): [number, number] {
    while (start < end && isSpace(this.src.charCodeAt(start))) start++;
    while (end > start && isSpace(this.src.charCodeAt(end - 1))) end--;
    return [start, end];
  }

  /** EEx trim mode: a line holding only a block tag disappears, line break included. */
  private trimLine(token: EexToken): void {
    const src = this.src;
    let before = token.start;
    while (before > 0 && (src.charCodeAt(before - 1) === C.SPACE || src.charCodeAt(before - 1) === C.TAB)) before--;
    if (before > 0 && src.charCodeAt(before - 1) !== C.LF) return;
    let after = token.end;
    while (after < this.len && (src.charCodeAt(after) === C.SPACE || src.charCodeAt(after) === C.TAB)) after++;
    if (after < this.len && src.charCodeAt(after) === C.CR) after++;
    if (after < this.len && src.charCodeAt(after) !== C.LF) return;
    token.trimFrom = before;
    this.pos = Math.min(this.len, after + 1);
  }

  // ── comments and doctype ────────────────────────────────────────────────────────────────
  private htmlComment(lt: number): void {
    const src = this.src;
    const parts: Array<Text | ExpressionTag> = [];
    let i = lt + 4;
    let close = src.indexOf("-->", i);
    let eex = src.indexOf("<%", i);
    for (;;) {
      if (eex !== -1 && (close === -1 || eex < close)) {
        if (eex > i) parts.push({ type: "Text", start: i, end: eex, data: src.slice(i, eex) });
        this.eexTag(eex, parts);
        i = this.pos;
        if (close !== -1 && close < i) close = src.indexOf("-->", i);
        eex = src.indexOf("<%", i);
        continue;
      }
      const bodyEnd = close === -1 ? this.len : close;
      if (bodyEnd > i) parts.push({ type: "Text", start: i, end: bodyEnd, data: src.slice(i, bodyEnd) });
      if (close === -1) this.ctx.report("LH0111", {}, lt, lt + 4);
      this.pos = close === -1 ? this.len : close + 3;
      this.sink.comment({ type: "Comment", start: lt, end: this.pos, parts });
      return;
    }
  }

  private doctype(lt: number): void {
    const close = this.src.indexOf(">", lt + 9);
    if (close === -1) {
      this.ctx.report("LH0114", {}, lt, lt + 9);
      this.pos = this.len;
      return;
    }
    this.pos = close + 1;
    this.sink.doctype(lt, close + 1);
  }

  // ── close tag ───────────────────────────────────────────────────────────────────────────
  private closeTag(lt: number): void {
    const src = this.src;
    const nameStart = lt + 2;
    let i = nameStart;
    while (!endsName(src.charCodeAt(i))) i++;
    if (i === nameStart) {
      this.ctx.report("LH0102", {}, lt, lt + 2);
      this.sink.text(lt, lt + 2, "</");
      this.pos = lt + 2;
      return;
    }
    const name = src.slice(nameStart, i);
    let j = i;
    while (j < this.len && isSpace(src.charCodeAt(j))) j++;
    if (src.charCodeAt(j) !== C.GT) {
      // `</div class>` or `</div` at the end: report what was found, resume after the next `>`
      // on this line (or at the line end), and still honour the close.
      const found = j >= this.len ? "the end of the template" : `\`${src[j]}\``;
      this.ctx.report("LH0103", { name, found }, j, Math.min(j + 1, this.len));
      const lineEnd = this.lineEnd(j);
      const gt = this.gtBefore(j, lineEnd);
      j = gt !== -1 ? gt : lineEnd - 1;
    }
    this.pos = Math.min(this.len, j + 1);
    this.sink.closeTag(lt, this.pos, name, nameStart);
  }

  // ── start tag ───────────────────────────────────────────────────────────────────────────
  private openTag(lt: number): void {
    const src = this.src;
    const nameStart = lt + 1;
    let i = nameStart;
    while (!endsName(src.charCodeAt(i))) i++;
    const token: OpenTagToken = {
      start: lt, end: i, name: src.slice(nameStart, i), nameStart, nameEnd: i,
      attributes: [], selfClosing: false, unterminated: false, brokenValue: false,
    };
    this.pos = i;
    this.attributes(token);
    this.sink.openTag(token);
    const lower = token.name;
    if (!token.selfClosing && !token.unterminated && RAW_TEXT_ELEMENTS.has(lower)) this.rawClose = `</${lower}>`;
  }

  private attributes(token: OpenTagToken): void {
    const src = this.src;
    const ctx = this.ctx;
    // A value that ends flush against the next name (`a=""b`) earns a warning.
    let spaced = true;
    for (;;) {
      let i = this.pos;
      while (i < this.len && isSpace(src.charCodeAt(i))) i++;
      if (i > this.pos) spaced = true;
      this.pos = i;
      if (i >= this.len) {
        if (!token.brokenValue) ctx.report("LH0104", { name: token.name }, token.start, token.nameEnd);
        token.end = this.len;
        token.unterminated = true;
        return;
      }
      const c = src.charCodeAt(i);
      if (c === C.GT) {
        token.end = this.pos = i + 1;
        return;
      }
      if (c === C.SLASH) {
        if (src.charCodeAt(i + 1) === C.GT) {
          token.selfClosing = true;
          token.end = this.pos = i + 2;
          return;
        }
        ctx.report("LH0105", { found: "/" }, i, i + 1);
        this.pos = i + 1;
        continue;
      }
      if (c === C.LT) {
        // After a broken value any `<` ends the tag, `<%` included: the recovery stopped at a
        // line end, and the EEx tag below belongs to the text, not to this start tag.
        if (src.charCodeAt(i + 1) === C.PERCENT && !token.brokenValue) {
          // Scanned from where a `<%=` tag's code starts, as in text, so that the scanner's
          // memory of failed scans (one per start offset) serves both.
          const close = ctx.scanner.findEexClose(i + (src.charCodeAt(i + 2) === C.EQ ? 3 : 2));
          const end = close === -1 ? this.lineEnd(i) : close + 2;
          ctx.report("LH0116", {}, i, end);
          this.pos = end;
          continue;
        }
        if (!token.brokenValue) ctx.report("LH0119", { name: token.name }, token.start, token.nameEnd);
        token.end = i;
        token.unterminated = true;
        return;
      }
      if (c === C.LBRACE) {
        this.spread(token, i);
        spaced = false;
        continue;
      }
      if (c === C.RBRACE) {
        ctx.report("LH0107", {}, i, i + 1);
        this.pos = i + 1;
        continue;
      }
      if (c === C.EQ) {
        ctx.report("LH0105", { found: "=" }, i, i + 1);
        this.pos = i + 1;
        continue;
      }
      if (c === C.DQ || c === C.SQ) {
        ctx.report("LH0106", { char: src[i]! }, i, i + 1);
        const close = src.indexOf(src[i]!, i + 1);
        this.pos = close === -1 ? i + 1 : close + 1;
        continue;
      }
      if (!spaced) {
        let e = i;
        while (!endsName(src.charCodeAt(e))) e++;
        ctx.report("LH0115", { name: src.slice(i, e) }, i, e);
      }
      spaced = this.attribute(token, i);
    }
  }

  /** `{...expr}` / `{expr}` inside a start tag. */
  private spread(token: OpenTagToken, open: number): void {
    const close = this.expressionEnd(open, true);
    if (close === -1) {
      token.brokenValue = true;
      return;
    }
    let [cs, ce] = this.trimmed(open + 1, close);
    if (this.src.startsWith("...", cs)) [cs, ce] = this.trimmed(cs + 3, ce);
    if (cs === ce) {
      this.ctx.report("LH0118", {}, open, close + 1);
      return;
    }
    token.attributes.push({ type: "SpreadAttribute", start: open, end: close + 1, expression: this.ctx.expression(cs, ce) });
  }

  /** One `name`, `name="v"`, `name='v'` or `name={expr}`; returns whether whitespace may be skipped before the next. */
  private attribute(token: OpenTagToken, nameStart: number): boolean {
    const src = this.src;
    const ctx = this.ctx;
    let i = nameStart;
    while (!endsName(src.charCodeAt(i))) i++;
    const nameEnd = i;
    const name = src.slice(nameStart, nameEnd);
    const nameSpan = { start: nameStart, end: nameEnd };
    while (i < this.len && isSpace(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) !== C.EQ) {
      this.pos = nameEnd;
      token.attributes.push({
        type: "StaticAttribute", start: nameStart, end: nameEnd, name, nameSpan, value: null, valueSpan: null, quote: null,
      });
      return true;
    }
    i++;
    while (i < this.len && isSpace(src.charCodeAt(i))) i++;
    const c = src.charCodeAt(i);
    if (c === C.DQ || c === C.SQ) {
      const quote = c === C.DQ ? '"' : "'";
      const close = src.indexOf(quote, i + 1);
      if (close === -1) {
        ctx.report("LH0109", { quote, name }, i, i + 1);
        // Resume as an unclosed expression does: at the tag's `>` on the quote's line, else at
        // that line's end. Searching further would swallow the tags of the lines below.
        const lineEnd = this.lineEnd(i);
        const gt = this.gtBefore(i + 1, lineEnd);
        this.pos = gt !== -1 ? gt : lineEnd;
        token.brokenValue = true;
        return true;
      }
      this.pos = close + 1;
      token.attributes.push({
        type: "StaticAttribute", start: nameStart, end: close + 1, name, nameSpan,
        value: src.slice(i + 1, close), valueSpan: { start: i + 1, end: close }, quote,
      });
      return false;
    }
    if (c === C.LBRACE) {
      const close = this.expressionEnd(i, true);
      if (close === -1) {
        token.brokenValue = true;
        return true;
      }
      const [cs, ce] = this.trimmed(i + 1, close);
      if (cs === ce) {
        ctx.report("LH0118", {}, i, close + 1);
        return false;
      }
      token.attributes.push({
        type: "ExpressionAttribute", start: nameStart, end: close + 1, name, nameSpan, expression: ctx.expression(cs, ce),
      });
      return false;
    }
    // Unquoted value: report it and skip the value.
    let e = i;
    while (e < this.len && !isSpace(src.charCodeAt(e)) && src.charCodeAt(e) !== C.GT) e++;
    if (e > i && src.charCodeAt(e - 1) === C.SLASH && src.charCodeAt(e) === C.GT) e--;
    ctx.report("LH0108", { name, value: src.slice(i, e) }, i, Math.max(e, i + 1));
    // A value missing at the end of the template (`<div class=`) is the mistake there, not the
    // tag's `>` that the end of the template also cuts off.
    if (e >= this.len) token.brokenValue = true;
    this.pos = Math.max(e, Math.min(i, this.len));
    return true;
  }

  // ── raw text (script, style) ────────────────────────────────────────────────────────────
  private rawText(): void {
    const src = this.src;
    const close = this.rawClose!;
    let i = this.pos;
    for (;;) {
      const lt = src.indexOf("<", i);
      if (lt === -1) {
        if (this.len > this.pos) this.sink.text(this.pos, this.len, src.slice(this.pos, this.len));
        this.pos = this.len;
        this.rawClose = null;
        return;
      }
      if (src.charCodeAt(lt + 1) === C.PERCENT) {
        if (lt > this.pos) this.sink.text(this.pos, lt, src.slice(this.pos, lt));
        this.eexTag(lt);
        return;
      }
      if (src.startsWith(close, lt)) {
        if (lt > this.pos) this.sink.text(this.pos, lt, src.slice(this.pos, lt));
        this.rawClose = null;
        this.pos = lt + close.length;
        this.sink.closeTag(lt, this.pos, close.slice(2, -1), lt + 2);
        return;
      }
      i = lt + 1;
    }
  }
}
