// `{...expr}` on an element: the attributes of an object, each judged by its name's rule for
// this tag (`<img src>` may hold image data).
import type { SpreadSlot } from "../lower/ir.ts";
import { valueSlot } from "./types.ts";

export const spread = valueSlot<SpreadSlot>(
  (slot) => `spread:${slot.expr.code}`,
  (slot, e) => {
    e.out.text(`${e.helpers.use("spreadAttrs")}(`);
    e.expr(slot.expr);
    e.out.text(`, ${JSON.stringify(slot.tag)})`);
  },
);
