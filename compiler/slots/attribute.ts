// `name={expr}`: the whole attribute (` name="value"`, ` name` or nothing). Its rule is known
// from the tag and name at compile time, so only URL, handler and binding slots pay for a check.
import type { AttributeSlot } from "../lower/ir.ts";
import { valueSlot } from "./types.ts";

export const attribute = valueSlot<AttributeSlot>(
  (slot) => `attribute:${slot.name}:${slot.expr.code}`,
  (slot, e, mode) => {
    const o = e.out;
    const name = JSON.stringify(slot.name);
    const rule = slot.rule;
    // A value other slots of the block read too: a string is escaped already (`attr` gives a
    // string ` name="<escaped>"`); anything else goes through `attr`.
    const open = JSON.stringify(` ${slot.name}="`);
    const shared = mode === "html" && rule === null ? e.sharedValue(slot.expr) : undefined;
    if (shared !== undefined) {
      o.text(`(${shared}Text !== null ? ${open} + ${shared}Text + '"' : ${e.helpers.use("attr")}(${name}, ${shared}))`);
      return;
    }
    // The HTML renderer passes the attribute's start as one constant (attrAt, urlAttrAt).
    if (rule === null) o.text(mode === "html" ? `${e.helpers.use("attrAt")}(${open}, ` : `${e.helpers.use("attr")}(${name}, `);
    else if (rule.kind === "url") o.text(mode === "html" ? `${e.helpers.use("urlAttrAt")}(${open}, ` : `${e.helpers.use("urlAttr")}(${name}, `);
    else if (rule.kind === "raw-only") o.text(`${e.helpers.use("rawOnlyAttr")}(${name}, `);
    else o.text(`${e.helpers.use("bindingAttr")}(${name}, `);
    e.expr(slot.expr);
    o.text(rule?.kind === "url" ? `, ${JSON.stringify(rule.url)})` : ")");
  },
);
