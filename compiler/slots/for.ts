// `:for` and `<%= for %>`: a comprehension. Tree: `$comprehension(statics, fingerprint, keyed,
// outerChanged, items, keyOf, entryFor, slotsInPlace)`, whose entries render their slots against the entry's
// changed variables (`$v<depth>`). HTML: a `for` loop with the body's HTML inlined.
import type { ForSlot } from "../lower/ir.ts";
import type { SlotKind } from "./types.ts";

export const forSlot: SlotKind<ForSlot> = {
  signature(slot) {
    const { loop } = slot;
    return `for:${loop.pattern.code}:${loop.index?.code ?? ""}:${loop.iterable.code}:${loop.key?.code ?? ""}:${loop.filter?.code ?? ""}#${slot.body.fingerprint}`;
  },

  tree(slot, e) {
    const { loop, body } = slot;
    const o = e.out;
    const d = loop.scope.depth;
    o.text(`${e.helpers.use("comprehension")}(${e.staticsName(body)}, ${body.fingerprint}, ${loop.key !== null}, ${e.guard(slot.outerDeps)}, `);
    e.expr(loop.iterable);
    // How the diff engine finds an entry's key without building it (see ComprehensionSource).
    if (loop.filter) o.text(", null");
    else if (!loop.key) o.text(', "position"');
    else {
      o.text(", (");
      e.pattern(loop.pattern);
      o.text(", ");
      if (loop.index) e.pattern(loop.index);
      else o.text(`$i${d}`);
      o.text(") => ");
      e.expr(loop.key);
    }
    o.text(", (");
    e.pattern(loop.pattern);
    o.text(", ");
    if (loop.index) e.pattern(loop.index);
    else o.text(`$i${d}`);
    o.text(`, $p${d}) => {\nconst $vars${d} = { ${[...loop.scope.names].join(", ")} };\n`);
    if (loop.filter) {
      o.text("if (!(");
      e.expr(loop.filter);
      o.text(")) return null;\n");
    }
    o.text("return { key: ");
    if (loop.key) e.expr(loop.key);
    else o.text(`$p${d}`);
    o.text(`, vars: $vars${d}, render: ($v${d}: Record<string, unknown> | null, track: boolean) => {\n`);
    o.text(`const $t = !track || $c === null;\nreturn [\n`);
    e.slotValues(body.slots);
    o.text(`];\n} };\n}, (`);
    // The same slots for an entry that kept its item and place while an outside value changed:
    // none of its variables changed, so their guards are left out, and no entry, closure or
    // variables object is built for each of the list's rows.
    e.pattern(loop.pattern);
    o.text(", ");
    if (loop.index) e.pattern(loop.index);
    else o.text(`$i${d}`);
    // The slots go into the engine's array, reused from row to row: no array per row either.
    o.text(`, $p${d}, track: boolean, $into${d}: $Dynamic[]) => {\n`);
    if (loop.filter) {
      o.text("if (!(");
      e.expr(loop.filter);
      o.text(")) return null;\n");
    }
    o.text(`const $t = !track || $c === null;\n`);
    e.unchangedVars.add(d);
    e.slotAssignments(body.slots, `$into${d}`);
    e.unchangedVars.delete(d);
    o.text(`return $into${d};\n})`);
  },

  html(slot, e) {
    const { loop, body } = slot;
    const o = e.out;
    const d = loop.scope.depth;
    o.text(loop.index ? `{ let $n${d} = 0;\nfor (const ` : "{\nfor (const ");
    e.pattern(loop.pattern);
    o.text(` of ${e.helpers.use("iterate")}(`);
    e.expr(loop.iterable);
    o.text(")) {\n");
    if (loop.index) {
      o.text("const ");
      e.pattern(loop.index);
      o.text(` = $n${d}++;\n`);
    }
    if (loop.filter) {
      o.text("if (!(");
      e.expr(loop.filter);
      o.text(")) continue;\n");
    }
    // The body is inlined: entries have no HTML renderer of their own to share it with.
    e.htmlBody(body, true);
    o.text("} }\n");
  },
};
