// The tree builder: receives tokens from the tokenizer and assembles the Template with an
// explicit stack of open elements and open EEx blocks. It checks nesting (implied closes,
// mismatches, void closes), slot placement, `:else` siblings and EEx block structure, and
// applies the whitespace rules: EEx trim mode (via the tokenizer's `trimFrom`), whitespace after
// a slot (HEEx prune_text) and whitespace at the very start and end of the template.
import type {
  Comment, Component, EexClause, EexFor, EexIf, Element, ElementLikeNode, Node, Slot, Template,
} from "./ast.ts";
import type { ParseContext } from "./context.ts";
import type { EexToken } from "./eex.ts";
import { sortAttributes, validatePlacement, type SortedAttributes } from "./attributes.ts";
import { Tokenizer, type OpenTagToken, type TokenSink } from "./tokenizer.ts";
import { isBlankText, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from "../utils/html.ts";
import { closest } from "../diagnostics/suggest.ts";

interface RootFrame {
  kind: "root";
  children: Node[];
}
interface ElementFrame {
  kind: "element";
  node: ElementLikeNode;
  children: Node[];
  /** Tokenizer's curly setting to restore when a phx-no-curly-interpolation element closes. */
  curlyBefore: boolean;
  /**
   * A value in the start tag ran off its end (reported there): the element's extent is a guess,
   * so a missing close tag for it is a cascade of that report and not reported again.
   */
  brokenStart: boolean;
}
interface BlockFrame {
  kind: "block";
  /** null for a block already reported as invalid: it only keeps `<% end %>` paired up. */
  node: EexIf | EexFor | null;
  children: Node[];
  clause: EexClause | null;
  sawElse: boolean;
  word: string;
  tagStart: number;
  tagEnd: number;
}
type Frame = RootFrame | ElementFrame | BlockFrame;

export class TreeBuilder implements TokenSink {
  readonly template: Template;
  private readonly stack: Frame[];
  private readonly tokenizer: Tokenizer;
  /** Offset right after a slot entry: whitespace-only text starting here is dropped. */
  private pruneAt = -1;
  /**
   * Stack indices of the root and the open EEx blocks, innermost last. A close tag or block word
   * only looks at the elements above the innermost of them.
   */
  private readonly blockIndices: number[] = [0];
  /** Stack indices of the open elements, per name, innermost last: a close tag finds its element without walking the stack. */
  private readonly openByName = new Map<string, number[]>();

  constructor(private readonly ctx: ParseContext, bodyStart: number) {
    this.template = { type: "Template", start: 0, end: ctx.source.length, frontmatter: null, children: [] };
    this.stack = [{ kind: "root", children: this.template.children }];
    this.tokenizer = new Tokenizer(ctx, this, bodyStart);
  }

  build(): Template {
    this.tokenizer.run();
    this.finish();
    trimTemplateEdges(this.template.children);
    return this.template;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  // ── sink ────────────────────────────────────────────────────────────────────────────────
  text(start: number, end: number, data: string): void {
    if (start === this.pruneAt && isBlankText(data)) return;
    const list = this.top.children;
    const last = list[list.length - 1];
    if (last && last.type === "Text" && last.end === start) {
      last.data += data;
      last.end = end;
      return;
    }
    list.push({ type: "Text", start, end, data });
  }

  curly(start: number, end: number, codeStart: number, codeEnd: number): void {
    const [s, e] = trim(this.ctx.source, codeStart, codeEnd);
    this.top.children.push({ type: "ExpressionTag", syntax: "curly", start, end, expression: this.ctx.expression(s, e) });
  }

  comment(node: Comment): void {
    this.top.children.push(node);
  }

  doctype(start: number, end: number): void {
    this.top.children.push({ type: "Doctype", start, end, data: this.ctx.source.slice(start, end) });
  }

  openTag(token: OpenTagToken): void {
    const sorted = sortAttributes(this.ctx, token.attributes);
    const node = this.createNode(token, sorted);
    validatePlacement(this.ctx, node, sorted.rejected);
    if (node.type === "Slot") this.checkSlotParent(node);
    if (node.directives.else || node.directives.if?.kind === "else-if") this.checkElseSibling(node);
    this.top.children.push(node);
    const atEnd = token.unterminated && token.end >= this.ctx.source.length;
    const leaf = node.selfClosing || (node.type === "Element" && node.void) || atEnd;
    if (leaf) {
      if (node.type === "Slot") this.pruneAt = node.end;
      return;
    }
    const frame: ElementFrame = {
      kind: "element", node, children: node.children, curlyBefore: this.tokenizer.curly, brokenStart: token.brokenValue,
    };
    if (node.type === "Element" && node.noCurly) this.tokenizer.curly = false;
    const indices = this.openByName.get(node.name);
    if (indices) indices.push(this.stack.length);
    else this.openByName.set(node.name, [this.stack.length]);
    this.stack.push(frame);
  }

  closeTag(start: number, end: number, name: string): void {
    if (VOID_ELEMENTS.has(name)) {
      this.ctx.report("LH0203", { name }, start, end);
      return;
    }
    const indices = this.openByName.get(name);
    const innermost = indices && indices.length > 0 ? indices[indices.length - 1]! : -1;
    const index = innermost > this.blockIndices[this.blockIndices.length - 1]! ? innermost : -1;
    const top = this.top;
    if (index === -1) {
      if (top.kind !== "element") {
        // Nothing is open in the current block (or at all): the close tag is the mistake.
        this.ctx.report("LH0204", { name }, start, end);
        return;
      }
      // As HEEx does, name what the open element expects. A likely misspelling of its name
      // (`<li>…</lu>`) closes it; any other name is skipped and the element stays open.
      const typo = isMisspelling(name, top.node.name);
      this.reportUnmatched(top, name, typo ? "typo" : "stray", start, end);
      if (typo) this.closeElement(end, { start, end });
      return;
    }
    if (index !== this.stack.length - 1) {
      const open = top as ElementFrame;
      if (!open.brokenStart) this.reportUnmatched(open, name, "inner", start, end);
      while (this.stack.length - 1 > index) this.closeElement(start, null);
    }
    this.closeElement(end, { start, end });
  }

  private reportUnmatched(open: ElementFrame, name: string, fix: "typo" | "stray" | "inner", start: number, end: number): void {
    const line = this.ctx.locator.locate(open.node.start).line;
    this.ctx.report("LH0202", { expected: open.node.name, line, name, fix }, start, end);
  }

  eex(token: EexToken): void {
    if (token.trimFrom !== -1) this.trimLineBefore(token);
    switch (token.kind) {
      case "output":
        return this.output(token);
      case "statement": {
        const code = this.ctx.source.slice(token.codeStart, token.codeEnd).trim();
        this.ctx.report("LH0212", { code, block: 0 }, token.start, token.end);
        return;
      }
      case "if":
      case "for":
      case "unsupported":
        return this.openBlock(token);
      case "else":
      case "else-if":
        return this.middle(token);
      case "end":
        return this.end(token);
    }
  }

  // ── nodes ───────────────────────────────────────────────────────────────────────────────
  // Each node kind is written out as one literal (no object spread): every node of a kind gets
  // the same hidden class, and creating them stays cheap on large templates.
  private createNode(token: OpenTagToken, sorted: SortedAttributes): ElementLikeNode {
    const { name, start, end, selfClosing } = token;
    const nameSpan = { start: token.nameStart, end: token.nameEnd };
    const openTag = { start, end };
    const { attributes, directives } = sorted;
    const first = name.charCodeAt(0);
    if (first === 46 /* . */) {
      if (name.length === 1) this.ctx.report("LH0207", {}, start, token.nameEnd);
      const node: Component = {
        type: "Component", start, end, name, nameSpan, attributes, directives, children: [], selfClosing, openTag,
        closeTag: null, functionName: name.slice(1), namespace: null,
      };
      return node;
    }
    if (first === 58 /* : */) {
      const slotName = name.slice(1);
      if (slotName === "inner_block") this.ctx.report("LH0206", {}, token.nameStart, token.nameEnd);
      const node: Slot = {
        type: "Slot", start, end, name, nameSpan, attributes, directives, children: [], selfClosing, openTag, closeTag: null, slotName,
      };
      return node;
    }
    if (first >= 65 && first <= 90) {
      const segments = name.split(".");
      const fn = segments[segments.length - 1]!;
      const valid = segments.length >= 2 && segments.every((s) => s.length > 0) && /^[a-z_]/.test(fn);
      if (!valid) {
        const suggestion = segments.length === 1 ? `.${name[0]!.toLowerCase()}${name.slice(1)}` : "";
        this.ctx.report("LH0208", { name, suggestion }, token.nameStart, token.nameEnd);
      }
      const node: Component = {
        type: "Component", start, end, name, nameSpan, attributes, directives, children: [], selfClosing, openTag,
        closeTag: null, functionName: fn, namespace: segments.slice(0, -1),
      };
      return node;
    }
    const node: Element = {
      type: "Element", start, end, name, nameSpan, attributes, directives, children: [], selfClosing, openTag, closeTag: null,
      void: VOID_ELEMENTS.has(name), rawText: RAW_TEXT_ELEMENTS.has(name), noCurly: sorted.noCurly,
    };
    return node;
  }

  private checkSlotParent(node: Slot): void {
    const top = this.top;
    if (top.kind !== "element" || top.node.type !== "Component") {
      this.ctx.report("LH0205", { name: node.name }, node.start, node.nameSpan.end);
    }
  }

  private checkElseSibling(node: ElementLikeNode): void {
    const list = this.top.children;
    for (let i = list.length - 1; i >= 0; i--) {
      const prev = list[i]!;
      if (prev.type === "Text" && isBlankText(prev.data)) continue;
      if ((prev.type === "Element" || prev.type === "Component" || prev.type === "Slot") && prev.directives.if) return;
      break;
    }
    const d = node.directives.else ?? node.directives.if!;
    this.ctx.report("LH0403", { name: d.kind === "else" ? ":else" : ":else-if" }, d.start, d.end);
  }

  private closeElement(end: number, closeTag: { start: number; end: number } | null): void {
    const frame = this.stack.pop() as ElementFrame;
    this.openByName.get(frame.node.name)!.pop();
    frame.node.end = end;
    frame.node.closeTag = closeTag;
    this.tokenizer.curly = frame.curlyBefore;
    if (frame.node.type === "Slot" && closeTag) this.pruneAt = end;
  }

  // ── EEx blocks ──────────────────────────────────────────────────────────────────────────
  private output(token: EexToken): void {
    const [s, e] = trim(this.ctx.source, token.codeStart, token.codeEnd);
    if (s === e) {
      this.ctx.report("LH0118", {}, token.start, token.end);
      return;
    }
    const expression = this.ctx.expression(s, e);
    // Judged once the syntax check has parsed it (parse/index.ts, script-values.ts).
    if (this.insideScript()) this.ctx.scriptValues.push({ start: token.start, end: token.end, expression });
    this.top.children.push({ type: "ExpressionTag", syntax: "eex", start: token.start, end: token.end, expression });
  }

  /** Whether the innermost open element (EEx blocks aside) is a `<script>`. */
  private insideScript(): boolean {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const frame = this.stack[i]!;
      if (frame.kind === "element") return frame.node.type === "Element" && frame.node.name.toLowerCase() === "script";
    }
    return false;
  }

  private openBlock(token: EexToken): void {
    const src = this.ctx.source;
    const word = token.kind === "unsupported" ? token.word : token.kind;
    if (!token.output) {
      this.ctx.report("LH0212", { code: src.slice(token.codeStart, token.codeEnd).trim(), block: 1 }, token.start, token.end);
    }
    const tag = { start: token.start, end: token.end };
    const frame: BlockFrame = {
      kind: "block", node: null, children: [], clause: null, sawElse: false, word, tagStart: token.start, tagEnd: token.end,
    };
    if (token.kind === "if" && token.condition) {
      const [cs, ce] = token.condition;
      if (cs === ce) this.ctx.report("LH0118", {}, token.start, token.end);
      const clause: EexClause = { start: token.start, end: token.end, condition: this.ctx.expression(cs, ce), tag, children: [] };
      const node: EexIf = { type: "EexBlock", kind: "if", start: token.start, end: token.end, clauses: [clause], endTag: null };
      frame.node = node;
      frame.clause = clause;
      frame.children = clause.children;
      this.top.children.push(node);
    } else if (token.kind === "for" && token.generator) {
      const g = token.generator;
      const node: EexFor = {
        type: "EexBlock", kind: "for", start: token.start, end: token.end,
        pattern: this.ctx.expression(...g.pattern), index: g.index ? this.ctx.expression(...g.index) : null,
        iterable: this.ctx.expression(...g.iterable), tag, children: [], endTag: null,
      };
      frame.node = node;
      frame.children = node.children;
      this.top.children.push(node);
    } else {
      // Reported already: keep the block's content in the parent so it is still checked.
      frame.children = this.top.children;
    }
    this.blockIndices.push(this.stack.length);
    this.stack.push(frame);
  }

  /** The innermost open EEx block, after closing (and reporting) elements left open inside it. */
  private enterBlockEnd(token: EexToken): BlockFrame | null {
    const i = this.blockIndices[this.blockIndices.length - 1]!;
    const frame = this.stack[i]!;
    if (frame.kind !== "block") return null;
    while (this.stack.length - 1 > i) {
      const frame = this.top as ElementFrame;
      const open = frame.node;
      const line = this.ctx.locator.locate(open.start).line;
      if (!frame.brokenStart) this.ctx.report("LH0213", { name: open.name, line }, open.start, open.nameSpan.end);
      this.closeElement(token.start, null);
    }
    return frame;
  }

  private middle(token: EexToken): void {
    const word = token.kind === "else" ? "else" : "else if … do";
    const frame = this.enterBlockEnd(token);
    if (!frame) {
      this.ctx.report("LH0211", { word }, token.start, token.end);
      return;
    }
    const node = frame.node;
    if (!node) return;
    if (node.kind === "for") {
      this.ctx.report("LH0216", {}, token.start, token.end);
      return;
    }
    if (frame.sawElse) {
      this.ctx.report("LH0215", { word, line: this.ctx.locator.locate(frame.tagStart).line }, token.start, token.end);
      return;
    }
    let condition = null;
    if (token.kind === "else-if" && token.condition) {
      const [cs, ce] = token.condition;
      if (cs === ce) this.ctx.report("LH0118", {}, token.start, token.end);
      condition = this.ctx.expression(cs, ce);
    }
    frame.clause!.end = token.start;
    const clause: EexClause = { start: token.start, end: token.end, condition, tag: { start: token.start, end: token.end }, children: [] };
    node.clauses.push(clause);
    frame.clause = clause;
    frame.children = clause.children;
    frame.sawElse = token.kind === "else";
  }

  private end(token: EexToken): void {
    const frame = this.enterBlockEnd(token);
    if (!frame) {
      this.ctx.report("LH0210", {}, token.start, token.end);
      return;
    }
    this.stack.pop();
    this.blockIndices.pop();
    const node = frame.node;
    if (!node) return;
    node.endTag = { start: token.start, end: token.end };
    node.end = token.end;
    if (frame.clause) frame.clause.end = token.start;
  }

  // ── whitespace ──────────────────────────────────────────────────────────────────────────
  /** Trim mode: drop the indentation before a block tag that sits alone on its line. */
  private trimLineBefore(token: EexToken): void {
    const list = this.top.children;
    const last = list[list.length - 1];
    if (!last || last.type !== "Text" || last.end !== token.start) return;
    const cut = token.start - Math.max(token.trimFrom, last.start);
    last.data = last.data.slice(0, last.data.length - cut);
    last.end -= cut;
    if (last.start === last.end) list.pop();
  }

  // ── end of input ────────────────────────────────────────────────────────────────────────
  private finish(): void {
    const end = this.ctx.source.length;
    while (this.stack.length > 1) {
      const frame = this.top;
      if (frame.kind === "element") {
        const line = this.ctx.locator.locate(frame.node.start).line;
        if (!frame.brokenStart) this.ctx.report("LH0201", { name: frame.node.name, line }, frame.node.start, frame.node.nameSpan.end);
        this.closeElement(end, null);
      } else if (frame.kind === "block") {
        const line = this.ctx.locator.locate(frame.tagStart).line;
        this.ctx.report("LH0209", { kind: frame.word, line }, frame.tagStart, frame.tagEnd);
        this.stack.pop();
        this.blockIndices.pop();
        if (frame.node) frame.node.end = end;
        if (frame.clause) frame.clause.end = end;
      } else break;
    }
  }
}

/**
 * Whether close tag `name` looks like a misspelt close of `open`: within `closest`'s edit
 * distance and with the same first letter, so that `</lu>` closes `<li>` while `</a>` or
 * `</b>` (a stray close of some other element) does not close `<li>` or `<p>`.
 */
function isMisspelling(name: string, open: string): boolean {
  return name.charCodeAt(0) === open.charCodeAt(0) && closest(name, [open]) !== null;
}

/** Whitespace-only text at the very start and end of a template is not part of it. */
function trimTemplateEdges(children: Node[]): void {
  const first = children[0];
  if (first && first.type === "Text" && isBlankText(first.data)) children.shift();
  const last = children[children.length - 1];
  if (last && last.type === "Text" && isBlankText(last.data)) children.pop();
}

function trim(src: string, start: number, end: number): [number, number] {
  while (start < end && src.charCodeAt(start) <= 32) start++;
  while (end > start && src.charCodeAt(end - 1) <= 32) end--;
  return [start, end];
}

