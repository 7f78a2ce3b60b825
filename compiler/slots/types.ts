// A slot kind's three faces, kept together in one file per kind (a visitor per kind, as
// Svelte's phases have one per node type): what makes two slots of the kind differ (lowering
// folds it into the block's fingerprint), the slot's value in the tree renderer, and the
// statements of the HTML renderer that append it to `$o`.

import type { Slot } from "../lower/ir.ts";
// Type only: slot kinds write through the emitter they are handed; at run time lowering
// loads them without loading emit/.
import type { Emitter } from "../emit/emitter.ts";

export interface SlotKind<S extends Slot> {
  /** Everything that makes two slots of this kind render differently, children's fingerprints included. */
  signature(slot: S): string;
  /** The slot's value in the tree renderer, for when its guard says it must be computed. */
  tree(slot: S, e: Emitter): void;
  /** Statements appending the slot's HTML to `$o` in the HTML renderer. */
  html(slot: S, e: Emitter): void;
}

export type SlotOfKind<K extends Slot["kind"]> = Extract<Slot, { kind: K }>;

/**
 * A slot holding one value: the same helper call in both renderers (`value` writes it; `mode`
 * tells them apart where they differ), appended as it is in the HTML renderer.
 */
export function valueSlot<S extends Slot>(signature: (slot: S) => string, value: (slot: S, e: Emitter, mode: "tree" | "html") => void): SlotKind<S> {
  return {
    signature,
    tree: (slot, e) => value(slot, e, "tree"),
    html(slot, e) {
      e.out.text("$o += ");
      value(slot, e, "html");
      e.out.text(";\n");
    },
  };
}
