// A substitution inside a literal attribute value (`id={`row-${row.id}`}`): the literal text is
// in the statics, escaped at compile time; only the substitution is dynamic.
import type { AttributePieceSlot } from "../lower/ir.ts";
import { valueSlot } from "./types.ts";

export const attributePiece = valueSlot<AttributePieceSlot>(
  (slot) => `attribute-piece:${slot.expr.code}`,
  (slot, e) => {
    e.out.text(`${e.helpers.use("attributePiece")}(`);
    e.expr(slot.expr);
    e.out.text(")");
  },
);
