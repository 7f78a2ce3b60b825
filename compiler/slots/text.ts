// `{expr}` in text (or in a comment): the value HTML-escaped; a nested template stays a node in
// the tree and is HTML in the HTML renderer.
import type { TextSlot } from "../lower/ir.ts";
import { valueSlot } from "./types.ts";

export const text = valueSlot<TextSlot>(
  (slot) => `text:${slot.expr.code}`,
  (slot, e, mode) => {
    // `{renderSlot(…)}` in the HTML renderer: the slot's markup as a string (analyze/slot-render.ts).
    const calleeEnd = mode === "html" ? e.analysis.slotRenders.get(slot.expr) : undefined;
    if (calleeEnd !== undefined) {
      e.out.text(e.helpers.use("slotHtml"));
      e.exprFrom(slot.expr, calleeEnd);
      return;
    }
    // A value other slots of the block read too: escaped once already, when it is a string.
    const shared = mode === "html" ? e.sharedValue(slot.expr) : undefined;
    if (shared !== undefined) {
      e.out.text(`${shared}Text ?? ${e.helpers.use("htmlOf")}(${shared})`);
      return;
    }
    e.out.text(`${e.helpers.use(mode === "tree" ? "dyn" : "htmlOf")}(`);
    e.expr(slot.expr);
    e.out.text(")");
  },
);
