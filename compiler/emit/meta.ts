// `meta` of a compile result: each dynamic slot (which block, its kind, what it depends on,
// where it is in the template) and each block's fingerprint. Tools use it to show what a
// change to an assign will recompute; tests use it to check the analysis.

import type { Lowered } from "../lower/index.ts";
import type { Slot } from "../lower/ir.ts";
import type { Locator } from "../utils/locator.ts";
import type { Position } from "../diagnostics/types.ts";

export interface SlotMeta {
  /** `<block>.<slot>`, e.g. `0.2`. */
  id: string;
  kind: Slot["kind"];
  /** Assign paths (`user.name`), loop variable paths (`item.label`), or `"*"` when always recomputed. */
  dependencies: string[];
  start: Position;
  end: Position;
}

export interface CompileMeta {
  slots: SlotMeta[];
  /** Fingerprint of each block, by block id. */
  fingerprints: number[];
}

export function describeMeta(lowered: Lowered, locator: Locator): CompileMeta {
  const slots: SlotMeta[] = [];
  for (const block of lowered.blocks) {
    for (const slot of block.slots) {
      const dependencies = slot.deps.always
        ? ["*"]
        : [...slot.deps.assigns.map((p) => `@${p.join(".")}`), ...slot.deps.vars.map((v) => v.path.join("."))];
      slots.push({
        id: `${block.id}.${slot.index}`,
        kind: slot.kind,
        dependencies,
        start: locator.locate(slot.start),
        end: locator.locate(slot.end),
      });
    }
  }
  return { slots, fingerprints: lowered.blocks.map((b) => b.fingerprint) };
}
