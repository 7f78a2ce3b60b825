// Property: for random template trees changing over random steps, merging each diff of the
// DiffEngine into the previous client state — with our merge and with the official client —
// gives exactly the HTML the latest tree renders to, and no diff re-sends statics the client
// already holds.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { DiffEngine, type ComponentHost } from "../../runtime/server/diff.ts";
import type { Changed, Dynamic, Rendered } from "../../runtime/shared/rendered.ts";
import { deepEqual } from "../../runtime/shared/equal.ts";
import { mergeDiff, type RenderedState } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import type { Templates, WireDiff, WireNode } from "../../runtime/shared/wire.ts";
import { comprehension, node } from "./helpers/build.ts";
import { OfficialClient } from "./helpers/official-client.ts";

// ---- the model: what a template tree looks like at one step ----------------------------------

type MSlot =
  | { t: "text"; v: string }
  | { t: "node"; tpl: number; slots: MSlot[] }
  | { t: "list"; keyed: boolean; items: { id: number; child: MSlot }[] }
  | { t: "cmp"; id: string; body: MSlot };
interface MRoot {
  tpl: number;
  slots: [MSlot, MSlot];
}

// Every fingerprint has its own statics, so equal statics always mean "the same template".
const NODE_STATICS: readonly (readonly string[])[] = [
  ["<p>", "</p>"],
  ["<div class=\"t1\">", "|", "</div>"],
  ["<section>", "", "", "</section>"],
  ["<hr>"],
];
const ROOT_STATICS: Record<number, readonly string[]> = {
  100: ["<main>", "", "</main>"],
  101: ["<main id=\"other\">", "", "</main>"],
};
const KEYED_STATICS = ["<li data-keyed>", ":", "</li>"];
const INDEXED_STATICS = ["<li>", ":", "</li>"];
const COMPONENT_STATICS = ["<article>", "</article>"];
const Widget = { name: "Widget" };

const text = fc.constantFrom("a", "b", "&lt;c&gt;", "").map((v): MSlot => ({ t: "text", v }));
const { slot } = fc.letrec<{ slot: MSlot }>((tie) => ({
  slot: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer({ min: 0, max: 3 }).chain((tpl) =>
      fc.array(tie("slot"), { minLength: NODE_STATICS[tpl]!.length - 1, maxLength: NODE_STATICS[tpl]!.length - 1 }).map(
        (slots): MSlot => ({ t: "node", tpl, slots }),
      ),
    ),
    fc.record({
      keyed: fc.boolean(),
      items: fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 5 }), child: tie("slot") }), {
        maxLength: 5,
        selector: (item) => item.id,
      }),
    }).map((list): MSlot => ({ t: "list", ...list })),
    fc.record({ id: fc.constantFrom("a", "b", "c"), body: tie("slot") }).map((c): MSlot => ({ t: "cmp", ...c })),
  ),
}));
const root = fc
  .record({ tpl: fc.constantFrom(100, 100, 100, 101), slots: fc.tuple(slot, slot) })
  .map((r): MRoot => uniqueComponents(r));

/** A template may place each component id once per render: later duplicates become text. */
function uniqueComponents(r: MRoot): MRoot {
  const seen = new Set<string>();
  const fix = (s: MSlot): MSlot => {
    switch (s.t) {
      case "text":
        return s;
      case "node":
        return { ...s, slots: s.slots.map(fix) };
      case "list":
        return { ...s, items: s.items.map((i) => ({ id: i.id, child: fix(i.child) })) };
      case "cmp":
        if (seen.has(s.id)) return { t: "text", v: `dup-${s.id}` };
        seen.add(s.id);
        return { ...s, body: fix(s.body) };
    }
  };
  return { tpl: r.tpl, slots: [fix(r.slots[0]), fix(r.slots[1])] };
}

/**
 * A small edit of the previous step (most real updates): lists reordered, shortened or grown,
 * texts changed. Independent random trees rarely keep keys in common, so this is what makes
 * moves and per-entry changes frequent.
 */
function perturb(model: MRoot, seed: number): MRoot {
  let state = seed >>> 0 || 1;
  const rand = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const edit = (s: MSlot): MSlot => {
    switch (s.t) {
      case "text":
        return rand(3) === 0 ? { t: "text", v: ["a", "b", "&lt;c&gt;", ""][rand(4)]! } : s;
      case "node":
        return { ...s, slots: s.slots.map(edit) };
      case "cmp":
        return { ...s, body: edit(s.body) };
      case "list": {
        const items = s.items.map((i) => ({ id: i.id, child: edit(i.child) }));
        for (let i = items.length - 1; i > 0; i--) {
          if (rand(2) === 0) {
            const j = rand(i + 1);
            [items[i], items[j]] = [items[j]!, items[i]!];
          }
        }
        if (items.length > 0 && rand(3) === 0) items.splice(rand(items.length), 1);
        const free = [6, 7, 8, 9].find((id) => !items.some((i) => i.id === id));
        if (free !== undefined && rand(3) === 0) items.splice(rand(items.length + 1), 0, { id: free, child: { t: "text", v: "new" } });
        return { ...s, items };
      }
    }
  };
  return uniqueComponents({ tpl: model.tpl, slots: [edit(model.slots[0]), edit(model.slots[1])] });
}

// ---- building template values from the model, with change tracking --------------------------
// `prev` is the model at the same position one step earlier (matched per key in lists): a slot
// is `null` under tracking when it equals its previous value, as compiled templates do.

function buildSlot(m: MSlot, prev: MSlot | undefined): Dynamic {
  switch (m.t) {
    case "text":
      return m.v;
    case "node":
      return buildNode(m, prev?.t === "node" && prev.tpl === m.tpl ? prev : undefined);
    case "list":
      return buildList(m, prev?.t === "list" && prev.keyed === m.keyed ? prev : undefined);
    case "cmp":
      return { kind: "component", component: Widget, id: m.id, assigns: { body: m.body, render: () => buildComponent(shownBody(m), undefined) } };
  }
}

function trackedSlots(slots: readonly MSlot[], prev: readonly MSlot[] | undefined) {
  return (track: boolean): Dynamic[] =>
    slots.map((s, i) => (track && prev && deepEqual(prev[i], s) ? null : buildSlot(s, prev?.[i])));
}

function buildNode(m: Extract<MSlot, { t: "node" }>, prev: Extract<MSlot, { t: "node" }> | undefined): Rendered {
  return node(10 + m.tpl, NODE_STATICS[m.tpl]!, trackedSlots(m.slots, prev?.slots), m.tpl < 2);
}

function buildList(m: Extract<MSlot, { t: "list" }>, prev: Extract<MSlot, { t: "list" }> | undefined) {
  return comprehension(
    m.keyed ? 200 : 201,
    m.keyed ? KEYED_STATICS : INDEXED_STATICS,
    m.items.map((item, index) => {
      const before = m.keyed ? prev?.items.find((p) => p.id === item.id) : prev?.items[index];
      return {
        key: m.keyed ? item.id : undefined,
        vars: { item },
        render: (vc: Changed, track: boolean): Dynamic[] => {
          if (track) {
            // The engine must report exactly the variables that differ from the same key's.
            assert.ok(before, "tracked render of an entry the model has no previous value for");
            assert.is(vc !== null && "item" in vc, !deepEqual(before.child, item.child) || before.id !== item.id);
          }
          return [
            track && before?.id === item.id ? null : String(item.id),
            track && before && deepEqual(before.child, item.child) ? null : buildSlot(item.child, before?.child),
          ];
        },
      };
    }),
    { hasKey: m.keyed },
  );
}

function buildComponent(body: MSlot, prev: MSlot | undefined): Rendered {
  return node(300, COMPONENT_STATICS, trackedSlots([body], prev === undefined ? undefined : [prev]), true);
}

function buildRoot(m: MRoot, prev: MRoot | undefined): Rendered {
  const same = prev && prev.tpl === m.tpl ? prev : undefined;
  return node(m.tpl, ROOT_STATICS[m.tpl]!, trackedSlots(m.slots, same?.slots), true);
}

/**
 * The body each component id last rendered with, in the current run. A component has one state
 * wherever it is placed: when it renders in one place with a new body, a parent component that
 * does not render again (its own body unchanged) goes on showing it with that new body. The
 * expected page is built from these bodies, as the page really is, not from the bodies a
 * parent's unchanged model would give.
 */
const lastBodies = new Map<string, MSlot>();

function shownBody(m: Extract<MSlot, { t: "cmp" }>): MSlot {
  return lastBodies.get(m.id) ?? m.body;
}

/** Renders a component when it is new or its body changed since it last rendered. */
class ModelHost implements ComponentHost {
  private readonly bodies = new Map<number, MSlot>();
  constructor() {
    lastBodies.clear();
  }
  renderComponent(cid: number, ref: { id: string; assigns: Readonly<Record<string, unknown>> }, isNew: boolean): Rendered | null {
    const body = ref.assigns.body as MSlot;
    const prev = isNew ? undefined : this.bodies.get(cid);
    if (prev !== undefined && deepEqual(prev, body)) return null;
    this.bodies.set(cid, body);
    lastBodies.set(ref.id, body);
    return buildComponent(body, prev);
  }
}

// ---- the statics check -----------------------------------------------------------------------

function sameStatics(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((s, i) => s === b[i]);
}

function isNode(v: unknown): v is WireNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Fails when `d` sends statics for a position where `pre` (the client) already has them. */
function checkNoResend(d: WireNode, pre: unknown, templates: Templates | null, path: string): void {
  if (d.s !== undefined) {
    const statics = typeof d.s === "number" ? templates?.[d.s] : d.s;
    assert.ok(statics, `${path}: template ${String(d.s)} missing`);
    assert.not.ok(isNode(pre) && sameStatics(pre.s, statics!), `${path}: statics re-sent ${JSON.stringify(statics)}`);
    return;
  }
  if (!isNode(pre)) assert.unreachable(`${path}: a diff without statics for a position the client does not have`);
  const before = pre as WireNode;
  if (d.k) {
    const keyed = Array.isArray(before.s) && before.s[0]!.includes("data-keyed");
    const inner = templates ?? d.p ?? null;
    for (const [index, entry] of Object.entries(d.k)) {
      if (index === "kc" || index === "km" || typeof entry === "number") continue;
      if (Array.isArray(entry)) checkSlots(entry[1], before.k?.[entry[0]], inner, `${path}.k${entry[0]}`);
      else if (keyed ? !("0" in (entry as WireNode)) : Number(index) < (before.k?.kc ?? 0)) {
        checkSlots(entry as WireNode, before.k?.[Number(index)], inner, `${path}.k${index}`);
      }
    }
    return;
  }
  checkSlots(d, before, templates, path);
}

function checkSlots(d: WireNode, pre: unknown, templates: Templates | null, path: string): void {
  for (const [key, value] of Object.entries(d)) {
    if (/^\d+$/.test(key) && isNode(value)) {
      checkNoResend(value, isNode(pre) ? (pre as Record<string, unknown>)[key] : undefined, templates, `${path}.${key}`);
    }
  }
}

function checkDiff(diff: WireDiff, pre: RenderedState | null): void {
  if (pre === null) return;
  const { c, p, ...tree } = diff;
  checkNoResend(tree, pre, p ?? null, "root");
  for (const [cid, cd] of Object.entries(c ?? {})) {
    const before = pre.c?.[Number(cid)];
    if (typeof cd.s === "number") continue;
    if (Array.isArray(cd.s)) {
      assert.not.ok(before && sameStatics(before.s, cd.s), `component ${cid}: statics re-sent`);
    } else {
      checkSlots(cd, before, null, `c${cid}`);
    }
  }
}

// ---- the property ----------------------------------------------------------------------------

const rt = suite("diff → merge round trip");

rt("our merge and the official client rebuild every step's HTML", () => {
  let steps = 0;
  fc.assert(
    fc.property(root, fc.array(fc.tuple(root, fc.option(fc.integer())), { minLength: 1, maxLength: 6 }), (start, steps_) => {
      const engine = new DiffEngine(new ModelHost());
      const client = new OfficialClient();
      let state: RenderedState | null = null;
      let prev: MRoot | undefined;
      const models = [start];
      for (const [fresh, seed] of steps_) models.push(seed === null ? fresh : perturb(models[models.length - 1]!, seed));
      for (const model of models) {
        const rendered = buildRoot(model, prev);
        const diff = engine.render(rendered);
        checkDiff(diff, state);
        const expected = rendered.html();
        state = mergeDiff(state, diff);
        assert.is(toHTML(state), expected);
        client.apply(diff);
        assert.is(client.html(), expected);
        prev = model;
        steps++;
      }
    }),
    { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 400) },
  );
  assert.ok(steps >= 800);
});

rt("unchanged trees produce empty diffs", () => {
  fc.assert(
    fc.property(root, (model) => {
      const engine = new DiffEngine(new ModelHost());
      engine.render(buildRoot(model, undefined));
      assert.equal(engine.render(buildRoot(model, model)), {});
    }),
    { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 200) },
  );
});

rt.run();
