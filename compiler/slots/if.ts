// `:if` / `:else-if` / `:else` chains and `<%= if %>` blocks: each branch is a block of its own.
// Tree: a conditional expression choosing the branch's node (`""` when no branch applies).
// HTML: an `if` statement appending the branch's HTML.
import type { IfSlot } from "../lower/ir.ts";
import type { SlotKind } from "./types.ts";

export const ifSlot: SlotKind<IfSlot> = {
  signature: (slot) => `if:${slot.branches.map((b) => `${b.condition?.code ?? "else"}#${b.block.fingerprint}`).join("|")}`,

  tree(slot, e) {
    const o = e.out;
    o.text("(");
    for (const branch of slot.branches) {
      if (branch.condition) {
        o.text("(");
        e.expr(branch.condition);
        o.text(") ? ");
        e.node(branch.block);
        o.text(" : ");
      } else {
        e.node(branch.block);
        o.text(")");
        break;
      }
    }
    if (slot.branches[slot.branches.length - 1]!.condition) o.text(`"")`);
  },

  html(slot, e) {
    const o = e.out;
    slot.branches.forEach((branch, i) => {
      if (branch.condition) {
        o.text(i === 0 ? "if (" : "else if (");
        e.expr(branch.condition);
        o.text(") ");
      } else {
        o.text("else ");
      }
      o.text(`$o += ${e.branchHtml(branch.block)};\n`);
    });
  },
};
