// The output plan of a template: template nodes ("blocks") of statics and dynamic slots.
// lower/index.ts builds it from the AST and the analysis; emit/ turns it into code.
//
// A block is one wire node: its statics are emitted once per module and shared by every
// render, and each `if` branch, loop body and slot body is a block of its own (PROTOCOL.md §2).

import type * as AST from "../parse/ast.ts";
import type { Dependencies, TemplateScope } from "../analyze/types.ts";
import type { AttributeRule } from "../../runtime/shared/attributes.ts";

export interface Block {
  /** Index into the module's statics table. */
  id: number;
  statics: string[];
  slots: Slot[];
  /** The block is a single static root tag (wire `r: 1`). */
  root: boolean;
  fingerprint: number;
  /** The innermost template scope the block's expressions see. */
  scope: TemplateScope | null;
}

interface SlotBase {
  /** Index of the slot in its block. */
  index: number;
  deps: Dependencies;
  /** Source range the slot came from. */
  start: number;
  end: number;
}

export interface TextSlot extends SlotBase {
  kind: "text";
  expr: AST.Expression;
}

/** A whole attribute: ` name="value"`, ` name` or nothing. */
export interface AttributeSlot extends SlotBase {
  kind: "attribute";
  name: string;
  /** URL, handler or binding rule, decided from the static names (runtime/shared/attributes.ts). */
  rule: AttributeRule;
  expr: AST.Expression;
}

/** The value of an always-present attribute (`class`, `style`); the statics hold ` class="` and `"`. */
export interface AttributeValueSlot extends SlotBase {
  kind: "attribute-value";
  name: "class" | "style";
  expr: AST.Expression;
}

/** A substitution of a template-literal attribute value; the literal pieces are statics. */
export interface AttributePieceSlot extends SlotBase {
  kind: "attribute-piece";
  expr: AST.Expression;
}

export interface SpreadSlot extends SlotBase {
  kind: "spread";
  /** The element's tag (lower case): URL rules depend on it (`<img src>` may hold image data). */
  tag: string;
  expr: AST.Expression;
}

export interface IfSlot extends SlotBase {
  kind: "if";
  /** A final branch with `condition === null` is the `else`. */
  branches: Array<{ condition: AST.Expression | null; block: Block }>;
}

export interface Loop {
  pattern: AST.Expression;
  index: AST.Expression | null;
  iterable: AST.Expression;
  key: AST.Expression | null;
  filter: AST.Expression | null;
  scope: TemplateScope;
}

export interface ForSlot extends SlotBase {
  kind: "for";
  loop: Loop;
  /** The per-entry block; its statics are the comprehension's. */
  body: Block;
  /**
   * What the entries read from outside the loop (assigns, outer loop variables), plus the
   * `:if` filter's: when none of it changed, an entry whose own variables are unchanged needs
   * no render at all.
   */
  outerDeps: Dependencies;
}

export interface ComponentSlot extends SlotBase {
  kind: "component";
  call: ComponentCall;
}

export type Slot = TextSlot | AttributeSlot | AttributeValueSlot | AttributePieceSlot | SpreadSlot | IfSlot | ForSlot | ComponentSlot;

export type AttributeValue =
  | { kind: "static"; text: string }
  | { kind: "bare" }
  | { kind: "expression"; expr: AST.Expression };

/** An attribute of a component call or slot entry; `start` is where it is written. */
export interface ComponentAttribute {
  name: string;
  value: AttributeValue;
  start: number;
}

export interface ComponentCall {
  node: AST.Component;
  /** `card` or `Ui.card`. */
  callee: string;
  /** A built-in component (imported from `livehtml/components` under a generated name). */
  builtin: boolean;
  attributes: ComponentAttribute[];
  spreads: AST.Expression[];
  /** Slot entries by name, in source order; `inner_block` holds the default content. */
  slots: Map<string, SlotEntry[]>;
}

export interface SlotEntry {
  attributes: ComponentAttribute[];
  /** `null` when the entry has no content. */
  body: Block | null;
  let: AST.Expression | null;
  /** `:for` / `:if` on a slot tag produce zero or more entries. */
  loop: Loop | null;
  condition: AST.Expression | null;
  deps: Dependencies;
}

/** A slot before it is placed in a block (the block numbers it). */
export type SlotInput = Slot extends infer S ? (S extends Slot ? Omit<S, "index"> : never) : never;
