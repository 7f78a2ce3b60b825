// The value of an always-present attribute (`class={…}`, `style={…}`): the statics hold
// ` class="` and `"`, the slot the escaped class list or declarations.
import type { AttributeValueSlot } from "../lower/ir.ts";
import { valueSlot } from "./types.ts";

export const attributeValue = valueSlot<AttributeValueSlot>(
  (slot) => `attribute-value:${slot.name}:${slot.expr.code}`,
  (slot, e) => {
    e.out.text(`${e.helpers.use(slot.name === "class" ? "classValue" : "styleValue")}(`);
    e.expr(slot.expr);
    e.out.text(")");
  },
);
