// `<.card …>`: a function component call, attributes and slot entries passed as props.
// Tree: `$component("card", card($props({ …attributes, slots }, changed)))`.
// HTML: `$componentHtml("card", card, { … })`, which calls a compiled component's HTML renderer
// directly. The props literal stays a fresh object literal, so TypeScript checks it against the
// component's assigns (unknown and missing attributes are type errors in `livehtml check`).
import type { AttributeValue, ComponentCall, ComponentSlot, SlotEntry } from "../lower/ir.ts";
import type { Emitter } from "../emit/emitter.ts";
import type { SlotKind } from "./types.ts";

export const component: SlotKind<ComponentSlot> = {
  signature: (slot) => componentSignature(slot.call),
  tree: (slot, e) => componentCall(slot.call, e, "tree"),
  html(slot, e) {
    e.out.text("$o += ");
    componentCall(slot.call, e, "html");
    e.out.text(";\n");
  },
};

/**
 * Everything that makes two component calls differ: the callee, each attribute and spread, and
 * every slot entry. Two branches calling the same component with other attributes must not
 * share a fingerprint, or the client would keep the first branch's values.
 */
function componentSignature(call: ComponentCall): string {
  const parts = [`component:${call.callee}`];
  for (const spread of call.spreads) parts.push(`...${spread.code}`);
  for (const a of call.attributes) parts.push(`${a.name}=${attributeSignature(a.value)}`);
  for (const [name, entries] of call.slots) {
    for (const entry of entries) {
      const attrs = entry.attributes.map((a) => `${a.name}=${attributeSignature(a.value)}`).join(",");
      const loop = entry.loop ? `${entry.loop.pattern.code}:${entry.loop.iterable.code}:${entry.loop.filter?.code ?? ""}` : "";
      parts.push(`<:${name} ${attrs} let=${entry.let?.code ?? ""} if=${entry.condition?.code ?? ""} for=${loop}>#${entry.body?.fingerprint ?? "-"}`);
    }
  }
  return parts.join("|");
}

function attributeSignature(value: AttributeValue): string {
  return value.kind === "expression" ? `{${value.expr.code}}` : value.kind === "static" ? JSON.stringify(value.text) : "true";
}

function componentCall(call: ComponentCall, e: Emitter, mode: "tree" | "html"): void {
  const o = e.out;
  const name = JSON.stringify(call.callee);
  // Both renderers pass the props through `$props`, so TypeScript reports a wrong attribute
  // once (the two reports share position and message, and `livehtml check` merges them).
  const callee = call.builtin ? e.builtin(call.callee) : call.callee;
  if (mode === "tree") o.text(`${e.helpers.use("component")}(${name}, ${callee}(${e.helpers.use("props")}({ `);
  else o.text(`${e.helpers.use("componentHtml")}(${name}, ${callee}, ${e.helpers.use("propsHtml")}({ `);
  // Spreads first, then explicit attributes on top, whatever their order (HEEx's rule).
  for (const spread of call.spreads) {
    o.text("...");
    e.expr(spread);
    o.text(", ");
  }
  attributeProps(call.attributes, e);
  for (const [slotName, entries] of call.slots) {
    o.text(`${propertyName(slotName)}: [`);
    for (const entry of entries) slotEntry(slotName, entry, e, mode);
    o.text("], ");
  }
  if (mode === "html") {
    o.text("}))");
    return;
  }
  o.text("}, ");
  if (call.spreads.length > 0) {
    // A spread can carry anything: the component renders in full (as LiveView does).
    o.text("null");
  } else {
    // Per attribute and slot: did anything it reads change? (PROTOCOL.md §3.4)
    const pairs: string[] = [];
    for (const attribute of call.attributes) {
      if (attribute.value.kind !== "expression") continue; // literals never change
      const deps = e.analysis.expressions.get(attribute.value.expr)?.deps;
      pairs.push(`${JSON.stringify(attribute.name)}, (${deps ? e.changeChecks(deps) : "false"})`);
    }
    for (const [slotName, entries] of call.slots) {
      pairs.push(`${JSON.stringify(slotName)}, (${entries.map((entry) => e.changeChecks(entry.deps)).join(" || ")})`);
    }
    o.text(`$t ? null : ${e.helpers.use("flags")}(${pairs.join(", ")})`);
  }
  o.text(")))");
}

function attributeProps(attributes: SlotEntry["attributes"], e: Emitter): void {
  const o = e.out;
  for (const attribute of attributes) {
    const name = propertyName(attribute.name);
    // Literal values are mapped to the attribute, so a type error in them points at it.
    if (attribute.value.kind === "bare") o.mapped(`${name}: true`, attribute.start);
    else if (attribute.value.kind === "static") o.mapped(`${name}: ${JSON.stringify(attribute.value.text)}`, attribute.start);
    else {
      o.mapped(`${name}: `, attribute.start);
      o.text("(");
      e.expr(attribute.value.expr);
      o.text(")");
    }
    o.text(", ");
  }
}

function slotEntry(name: string, entry: SlotEntry, e: Emitter, mode: "tree" | "html"): void {
  const o = e.out;
  const emitEntry = () => {
    o.text(`{ __slot__: ${JSON.stringify(name)}, `);
    attributeProps(entry.attributes, e);
    o.text("inner_block: ");
    if (!entry.body) o.text("null");
    else {
      o.text("(");
      if (entry.let) {
        e.pattern(entry.let);
        o.text(": any /* the slot argument's type is the component's to declare */");
      }
      o.text(") => ");
      if (mode === "tree") e.node(entry.body);
      // First paint: the body's HTML, as trusted markup (nothing else will ask it for a tree).
      else o.text(`${e.helpers.use("slotBody")}(${e.htmlCall(entry.body)})`);
    }
    o.text(" }");
  };
  if (entry.loop) {
    const loop = entry.loop;
    o.text(`...Array.from(${e.helpers.use("iterate")}(`);
    e.expr(loop.iterable);
    o.text(")).flatMap((");
    e.pattern(loop.pattern);
    if (loop.index) {
      o.text(", ");
      e.pattern(loop.index);
    }
    o.text(") => ");
    if (loop.filter) {
      o.text("!(");
      e.expr(loop.filter);
      o.text(") ? [] : ");
    }
    o.text("[");
    emitEntry();
    o.text("]), ");
  } else if (entry.condition) {
    o.text("...((");
    e.expr(entry.condition);
    o.text(") ? [");
    emitEntry();
    o.text("] : []), ");
  } else {
    emitEntry();
    o.text(", ");
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
