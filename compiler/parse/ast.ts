// The syntax tree of a livehtml template: the one contract between parse/ and the phases after
// it (analyze/, lower/, emit/). Every node carries half-open `start`/`end` offsets into the original source;
// line and column are computed on demand from the source's line table (see utils/locator.ts),
// so building the tree never pays for positions nobody asks about.
//
// IMPORTANT: parse/ fills only what the syntax says. Scopes, dependencies and slot numbers
// are analysis results and live in analyze/, keyed by node, never on these objects.

/** A half-open range `[start, end)` of UTF-16 offsets into the template source. */
export interface Span {
  start: number;
  end: number;
}

/** A TypeScript expression as written, e.g. the `@user.name` inside `{@user.name}`. */
export interface Expression extends Span {
  /** The expression text exactly as in the source (with `@name` shorthands still in it). */
  code: string;
}

export interface Template extends Span {
  type: "Template";
  frontmatter: Frontmatter | null;
  children: Node[];
}

/** The `---` fenced TypeScript block at the very top of a `.live.html` file. */
export interface Frontmatter extends Span {
  type: "Frontmatter";
  /** The TypeScript between the fences; `contentStart` is its offset in the file. */
  code: string;
  contentStart: number;
}

export type Node =
  | Text
  | Comment
  | Doctype
  | ExpressionTag
  | Element
  | Component
  | Slot
  | EexBlock;

/** Literal text, entities left as written (they are emitted verbatim). */
export interface Text extends Span {
  type: "Text";
  /** The raw source text. */
  data: string;
}

/** `<!-- ... -->`: rendered as static text. `parts` holds text and `<%= %>` inside it. */
export interface Comment extends Span {
  type: "Comment";
  parts: Array<Text | ExpressionTag>;
}

/** `<!doctype html>` / `<!DOCTYPE html>`, passed through verbatim. */
export interface Doctype extends Span {
  type: "Doctype";
  data: string;
}

/** `{expr}` or `<%= expr %>` in a body (or inside script/style/comment for the EEx form). */
export interface ExpressionTag extends Span {
  type: "ExpressionTag";
  syntax: "curly" | "eex";
  expression: Expression;
}

export type Attribute = StaticAttribute | ExpressionAttribute | SpreadAttribute | SpecialAttribute;

/** `name="value"`, `name='value'` or bare `name`. */
export interface StaticAttribute extends Span {
  type: "StaticAttribute";
  name: string;
  nameSpan: Span;
  /** `null` for a bare attribute (`disabled`). The raw text between the quotes otherwise. */
  value: string | null;
  valueSpan: Span | null;
  quote: '"' | "'" | null;
}

/** `name={expr}`. */
export interface ExpressionAttribute extends Span {
  type: "ExpressionAttribute";
  name: string;
  nameSpan: Span;
  expression: Expression;
}

/** `{...expr}` (or HEEx's `{expr}`) inside a start tag. `expression` excludes the `...`. */
export interface SpreadAttribute extends Span {
  type: "SpreadAttribute";
  expression: Expression;
}

/**
 * `:if={…}`, `:else-if={…}`, `:else`, `:for={…}`, `:key={…}`, `:let={…}`.
 * Unknown `:names` are a diagnostic and do not produce a node.
 */
export type SpecialAttribute =
  | SpecialIf
  | SpecialElse
  | SpecialFor
  | SpecialKey
  | SpecialLet;

export interface SpecialIf extends Span {
  type: "SpecialAttribute";
  kind: "if" | "else-if";
  nameSpan: Span;
  expression: Expression;
}
export interface SpecialElse extends Span {
  type: "SpecialAttribute";
  kind: "else";
  nameSpan: Span;
}
export interface SpecialFor extends Span {
  type: "SpecialAttribute";
  kind: "for";
  nameSpan: Span;
  /** The binding pattern: `r`, `{ id, name }`, `[a, b]`. */
  pattern: Expression;
  /** The index binding of `(item, index) of list`, if written. */
  index: Expression | null;
  /** The iterated expression (after `of` / `<-`). */
  iterable: Expression;
}
export interface SpecialKey extends Span {
  type: "SpecialAttribute";
  kind: "key";
  nameSpan: Span;
  expression: Expression;
}
export interface SpecialLet extends Span {
  type: "SpecialAttribute";
  kind: "let";
  nameSpan: Span;
  /** A binding pattern, e.g. `row` or `{ item, index }`. */
  pattern: Expression;
}

/** Special attributes lifted out of `attributes` for every element-like node. */
export interface Directives {
  if: SpecialIf | null; // kind "if" or "else-if"
  else: SpecialElse | null;
  for: SpecialFor | null;
  key: SpecialKey | null;
  let: SpecialLet | null;
}

interface ElementLike extends Span {
  /** The tag name as written: `div`, `.card`, `Ui.card`, `:header`. */
  name: string;
  nameSpan: Span;
  /** Ordinary attributes in source order (special `:` attributes are in `directives`). */
  attributes: Array<StaticAttribute | ExpressionAttribute | SpreadAttribute>;
  directives: Directives;
  children: Node[];
  /** Written `<x/>`. */
  selfClosing: boolean;
  /** Span of the start tag `<x ...>`; the close tag's span, when there is one. */
  openTag: Span;
  closeTag: Span | null;
}

/** An HTML element. Void elements have no children and no close tag. */
export interface Element extends ElementLike {
  type: "Element";
  void: boolean;
  /** `script`/`style`: children are Text and EEx ExpressionTags only. */
  rawText: boolean;
  /** Carries `phx-no-curly-interpolation` (which is not rendered). */
  noCurly: boolean;
}

/** `<.name>` (local) or `<Ns.name>` / `<Ns.Sub.name>` (remote) function component call. */
export interface Component extends ElementLike {
  type: "Component";
  /** `card` for `<.card>` and `<Ui.card>`. */
  functionName: string;
  /** `null` for local; `["Ui"]` for `<Ui.card>`. */
  namespace: string[] | null;
}

/** `<:name ...>` slot entry, a direct child of a Component. */
export interface Slot extends ElementLike {
  type: "Slot";
  /** `header` for `<:header>`. */
  slotName: string;
}

/**
 * An EEx block: `<%= if cond do %> … <% else if c2 do %> … <% else %> … <% end %>` or
 * `<%= for pattern of iterable do %> … <% end %>`.
 */
export type EexBlock = EexIf | EexFor;

export interface EexClause extends Span {
  /** `null` for the final `else`. */
  condition: Expression | null;
  /** Span of the tag that opens this clause (`<%= if … do %>`, `<% else %>`). */
  tag: Span;
  children: Node[];
}

export interface EexIf extends Span {
  type: "EexBlock";
  kind: "if";
  /** First clause is the `if`, then `else if`s, then an optional final `else` (condition null). */
  clauses: EexClause[];
  endTag: Span | null;
}

export interface EexFor extends Span {
  type: "EexBlock";
  kind: "for";
  pattern: Expression;
  index: Expression | null;
  iterable: Expression;
  tag: Span;
  children: Node[];
  endTag: Span | null;
}

export type ElementLikeNode = Element | Component | Slot;
