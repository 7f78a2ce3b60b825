// The slot kinds, one visitor each (see types.ts). Lowering asks a slot's kind for its
// signature; the emitter for its tree and HTML code.
import type { Slot } from "../lower/ir.ts";
import type { SlotKind, SlotOfKind } from "./types.ts";
import { text } from "./text.ts";
import { attribute } from "./attribute.ts";
import { attributeValue } from "./attribute-value.ts";
import { attributePiece } from "./attribute-piece.ts";
import { spread } from "./spread.ts";
import { ifSlot } from "./if.ts";
import { forSlot } from "./for.ts";
import { component } from "./component.ts";

const SLOT_KINDS: { readonly [K in Slot["kind"]]: SlotKind<SlotOfKind<K>> } = {
  text,
  attribute,
  "attribute-value": attributeValue,
  "attribute-piece": attributePiece,
  spread,
  if: ifSlot,
  for: forSlot,
  component,
};

/** The visitor of `slot`'s kind. */
export function slotKind<S extends Slot>(slot: S): SlotKind<S> {
  // The table is keyed by kind, so the entry for `slot.kind` is the visitor of S.
  return SLOT_KINDS[slot.kind] as unknown as SlotKind<S>;
}
