// The diff engine (Phoenix `diff.ex`, PROTOCOL.md §2.3/§2.4): turns each render of a view into
// the smallest wire diff against what the client already holds.
//
// State per view: a print tree mirroring what the client has (a node's fingerprint and, per
// slot, the string the client shows there or the prints of the node or comprehension it holds;
// a comprehension's fingerprint and, per entry key, `{index, vars, slots}`), plus the stateful
// component table (cid ↔ (component, id), each with its own print tree). A recomputed slot
// whose string equals the one the client shows is not sent: an assign read in every row of a
// list (`class={row.id === @selected ? "on" : ""}`) changes the rows whose text changed only.
//
// IMPORTANT: the print trees are updated in place while rendering. A render that throws (for
// instance on a duplicate `:key`) leaves them half-updated, so the engine resets itself and the
// next render is a full one.
//
// Longer than most files here on purpose: nodes, comprehensions and components are traversed by
// mutually recursive methods over the same print trees and per-render context, and splitting
// them would spread one invariant (prints mirror the client) across files.
import type { Comprehension, ComprehensionSource, ComponentRef, Dynamic, Rendered, SparseDynamics } from "../shared/rendered.ts";
import { varsChanged } from "../shared/changes.ts";
import { isEmptyObject } from "../shared/equal.ts";
import { describeComponent } from "./describe.ts";
import {
  KEYED_COUNT,
  type Templates,
  type WireComponents,
  type WireDiff,
  type WireDynamic,
  type WireKeyed,
  type WireNode,
  type WireStream,
} from "../shared/wire.ts";

export interface ComponentHost {
  /**
   * Called for each ComponentRef met during a render; return the component's Rendered, or null
   * when unchanged. `isNew`: the cid was just allocated (mount the component). `force`: the
   * client lost this component's tree (revived after `markForDeletion`), so a Rendered must be
   * returned even if nothing changed. Null is not allowed when `isNew` or `force`.
   */
  renderComponent(cid: number, ref: ComponentRef, isNew: boolean, force: boolean): Rendered | null;
  /**
   * Called by `renderComponents` for a component rendered on its own (after its own event),
   * with no new assigns from its parent; null when nothing changed.
   */
  renderDirty?(cid: number): Rendered | null;
  /**
   * Called before rendering each round of components met in one render (breadth first: the
   * components of the parent, then those they placed, and so on), so that the host can update
   * all instances of a component in one call (`updateMany`) before `renderComponent` of each.
   */
  prepareComponents?(batch: ReadonlyArray<{ readonly cid: number; readonly ref: ComponentRef; readonly isNew: boolean }>): void;
}

/**
 * What the client holds in one slot: the HTML string it shows, the prints of a nested node or
 * comprehension, or nothing known (a component's cid, or a slot never sent), which is always sent.
 */
type SlotPrint = string | ChildPrint | undefined;

interface NodePrint {
  readonly kind: "node";
  readonly print: number;
  /** By slot index (an array: a map per node would cost several times its few slots). */
  readonly slots: SlotPrint[];
}

interface EntryPrint {
  index: number;
  vars: Readonly<Record<string, unknown>>;
  slots: SlotPrint[];
  /** The source item and its index in the list, for compiled loops (see ComprehensionSource). */
  item?: unknown;
  sourceIndex?: number;
  /** The comprehension pass that last met this entry (duplicate keys, removed entries). */
  seen?: number;
}

interface ComprehensionPrint {
  readonly kind: "comprehension";
  readonly print: number;
  /** By entry key; `null` for streams, whose entries are never kept. */
  readonly entries: Map<unknown, EntryPrint> | null;
  /** The same prints by position, as last rendered (a shortcut for entries that stayed put). */
  readonly order?: EntryPrint[] | null;
}

type ChildPrint = NodePrint | ComprehensionPrint;

interface ComponentEntry {
  readonly cid: number;
  readonly component: unknown;
  readonly id: string;
  prints: NodePrint | null;
  markedForDeletion: boolean;
}

interface PendingComponent {
  readonly cid: number;
  /** The parent's reference; null when the component renders on its own (`renderComponents`). */
  readonly ref: ComponentRef | null;
  readonly isNew: boolean;
  readonly revived: boolean;
}

/** Statics shared through a `p` table, deduplicated by fingerprint (`maybe_share_template`). */
class TemplateTable {
  private readonly positions = new Map<number, number>();
  readonly table: Templates = {};
  private size = 0;

  share(fingerprint: number, statics: readonly string[]): number {
    let pos = this.positions.get(fingerprint);
    if (pos === undefined) {
      pos = this.size++;
      this.positions.set(fingerprint, pos);
      this.table[pos] = statics.slice();
    }
    return pos;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }
}

interface Context {
  /** The root `p` table, or null inside components (inline statics). */
  readonly templates: TemplateTable | null;
  readonly pending: PendingComponent[];
  /** (component, id) pairs met in this render, to reject duplicates. */
  readonly seen: Map<unknown, Set<string>>;
}

/** Result of traversing one dynamic: what to send (null = nothing) and the print to keep. */
interface Traversed {
  readonly wire: WireNode | string | number | null;
  readonly print: ChildPrint | null;
}

/** The variables of an entry that kept them all: nothing changed (read only). */
const NO_CHANGES: Readonly<Record<string, unknown>> = Object.freeze({});


/** A stable identity for a `:key` value: primitives as they are, objects by their JSON. */
function keyIdentity(key: unknown): unknown {
  return typeof key === "object" && key !== null ? `\u0000${JSON.stringify(key)}` : key;
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

export class DiffEngine {
  private root: NodePrint | null = null;
  private components = new Map<number, ComponentEntry>();
  private cidsByComponent = new Map<unknown, Map<string, number>>();
  private nextCid = 1;
  /** Counts comprehension passes; stamps entries met in the current one. */
  private pass = 0;

  constructor(private readonly host?: ComponentHost) {}

  /** Diff of `rendered` against what the client has; the full tree on the first call. */
  render(rendered: Rendered): WireDiff {
    try {
      return this.renderView(rendered);
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /**
   * Renders only the components `cids`, without their parent (Phoenix `render_components` after a
   * component's own event): `{ c: {...} }`, or `{}` when none of them changed. The view's tree is
   * not visited, so a component event costs only that component's changed slots. Components
   * these render for the first time are resolved and rendered too. Unknown cids and cids the
   * client is removing are skipped.
   */
  renderComponents(cids: readonly number[]): WireDiff {
    if (!this.host?.renderDirty) throw new Error("the diff engine's component host cannot render components on their own (no renderDirty)");
    const ctx: Context = { templates: null, pending: [], seen: new Map() };
    for (const cid of new Set(cids)) {
      const entry = this.components.get(cid);
      if (entry && !entry.markedForDeletion) ctx.pending.push({ cid, ref: null, isNew: false, revived: false });
    }
    try {
      const cdiffs = this.renderPending(ctx);
      return isEmptyObject(cdiffs) ? {} : { c: cdiffs };
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /** Forget everything (e.g. after a remount). The cid counter keeps increasing. */
  reset(): void {
    this.root = null;
    this.components = new Map();
    this.cidsByComponent = new Map();
  }

  /** The cid of a live component, if it has one (for `send_update`-style targeting). */
  cidFor(component: unknown, id: string): number | undefined {
    return this.cidsByComponent.get(component)?.get(id);
  }

  /**
   * The client reported it will destroy these cids (`cids_will_destroy`). A marked component
   * used again before `deleteComponents` is revived and rendered in full.
   */
  markForDeletion(cids: readonly number[]): void {
    for (const cid of cids) {
      const entry = this.components.get(cid);
      if (entry) entry.markedForDeletion = true;
    }
  }

  /** Deletes marked components (`cids_destroyed`); returns the cids actually deleted. */
  deleteComponents(cids: readonly number[]): number[] {
    const deleted: number[] = [];
    for (const cid of cids) {
      const entry = this.components.get(cid);
      if (!entry || !entry.markedForDeletion) continue;
      this.components.delete(cid);
      const byId = this.cidsByComponent.get(entry.component);
      byId?.delete(entry.id);
      if (byId && byId.size === 0) this.cidsByComponent.delete(entry.component);
      deleted.push(cid);
    }
    return deleted;
  }

  private renderView(rendered: Rendered): WireDiff {
    if (this.root !== null && this.root.print !== rendered.fingerprint) {
      // A new root template: the client replaces everything, components included.
      this.reset();
    }
    const templates = new TemplateTable();
    const ctx: Context = { templates, pending: [], seen: new Map() };
    const { wire, print } = this.traverseRendered(rendered, this.root, ctx, true);
    this.root = print;
    const diff: WireDiff = wire ?? {};
    const cdiffs = this.renderPending(ctx);
    if (!templates.isEmpty) diff.p = templates.table;
    if (!isEmptyObject(cdiffs)) diff.c = cdiffs;
    return diff;
  }

  private traverseRendered(
    rendered: Rendered,
    previous: ChildPrint | null | undefined,
    ctx: Context,
    changed: boolean,
  ): { wire: WireNode | null; print: NodePrint } {
    if (previous?.kind === "node" && previous.print === rendered.fingerprint) {
      const dynamics = this.dynamicsOf(rendered, changed);
      return { wire: this.traverseDynamics(dynamics, previous.slots, ctx, changed), print: previous };
    }
    const dynamics = this.dynamicsOf(rendered, false);
    const slots = newSlots(dynamics.length);
    const wire = this.traverseDynamics(dynamics, slots, ctx, changed) ?? {};
    if (rendered.root) wire.r = 1;
    wire.s = ctx.templates ? ctx.templates.share(rendered.fingerprint, rendered.static) : rendered.static.slice();
    return { wire, print: { kind: "node", print: rendered.fingerprint, slots } };
  }

  private dynamicsOf(rendered: Rendered, track: boolean): Dynamic[] | SparseDynamics {
    const dynamics = rendered.dynamic(track);
    if (dynamics.length !== rendered.static.length - 1) {
      throw new Error(
        `template node ${rendered.fingerprint} returned ${dynamics.length} dynamics for ${rendered.static.length} statics (expected ${rendered.static.length - 1})`,
      );
    }
    return dynamics;
  }

  /**
   * Slot by slot: strings the client does not show yet, nested diffs when not empty, nothing for
   * null (not recomputed). Returns null when nothing is to be sent (no object is made for it).
   */
  private traverseDynamics(
    dynamics: readonly Dynamic[] | SparseDynamics,
    slots: SlotPrint[],
    ctx: Context,
    changed: boolean,
  ): WireNode | null {
    let wire: WireNode | null = null;
    if (isSparse(dynamics)) {
      // Only the recomputed slots: the others are null, and cost nothing.
      for (let k = 0; k < dynamics.indices.length; k++) {
        const i = dynamics.indices[k]!;
        const value = this.traverseSlot(i, dynamics.values[k]!, slots, ctx, changed);
        if (value !== undefined) (wire ??= {})[i] = value;
      }
      return wire;
    }
    for (let i = 0; i < dynamics.length; i++) {
      const value = this.traverseSlot(i, dynamics[i]!, slots, ctx, changed);
      if (value !== undefined) (wire ??= {})[i] = value;
    }
    return wire;
  }

  /** What to send for slot `i` (undefined: nothing), keeping its print in `slots`. */
  private traverseSlot(i: number, value: Dynamic | undefined, slots: SlotPrint[], ctx: Context, changed: boolean): WireDynamic | undefined {
    if (value === null || value === undefined) return undefined;
    const previous = slots[i];
    if (typeof value === "string") {
      // The client already shows this very text.
      if (previous === value) return undefined;
      slots[i] = value;
      return value;
    }
    const result = this.traverse(value, typeof previous === "object" ? previous : undefined, ctx, changed);
    const wire = result.wire;
    if (typeof wire === "string") {
      // An empty comprehension never shown: the client holds "" in its place.
      slots[i] = wire;
      return previous === wire ? undefined : wire;
    }
    slots[i] = result.print ?? undefined;
    if (wire === null || (typeof wire === "object" && isEmptyObject(wire))) return undefined;
    return wire;
  }

  private traverse(
    value: Rendered | Comprehension | ComponentRef,
    previous: ChildPrint | undefined,
    ctx: Context,
    changed: boolean,
  ): Traversed {
    switch (value.kind) {
      case "rendered":
        return this.traverseRendered(value, previous, ctx, changed);
      case "comprehension":
        return this.traverseComprehension(value, previous, ctx, changed);
      case "component":
        return { wire: this.resolveComponent(value, ctx), print: null };
      default:
        throw new Error(`unexpected dynamic value of kind ${JSON.stringify((value as { kind: unknown }).kind)}`);
    }
  }

  private traverseComprehension(
    comprehension: Comprehension,
    previous: ChildPrint | undefined,
    ctx: Context,
    changed: boolean,
  ): Traversed {
    const known = previous?.kind === "comprehension" && previous.print === comprehension.fingerprint ? previous : null;
    if (!known && comprehension.entries.length === 0 && !comprehension.stream) {
      // Nothing to show and never shown: no statics needed yet.
      return { wire: "", print: null };
    }
    // Inside components there is no root table: each comprehension carries its own `p`.
    const local = ctx.templates ? null : new TemplateTable();
    const entryCtx: Context = local ? { ...ctx, templates: local } : ctx;
    const { keyed, entries, order } = this.traverseKeyed(comprehension, known?.entries ?? null, known?.order ?? null, entryCtx, changed && known !== null);
    const wire: WireNode = {};
    if (keyed) wire.k = keyed;
    if (comprehension.stream) wire.stream = streamToWire(comprehension.stream);
    if (!known) {
      wire.s = ctx.templates
        ? ctx.templates.share(comprehension.fingerprint, comprehension.static)
        : comprehension.static.slice();
    }
    if (local && !local.isEmpty) wire.p = local.table;
    return { wire, print: { kind: "comprehension", print: comprehension.fingerprint, entries, order } };
  }

  private traverseKeyed(
    comprehension: Comprehension,
    previous: Map<unknown, EntryPrint> | null,
    previousOrder: EntryPrint[] | null,
    ctx: Context,
    changed: boolean,
  ): { keyed: WireKeyed | null; entries: Map<unknown, EntryPrint> | null; order: EntryPrint[] | null } {
    const isStream = comprehension.stream !== null;
    const keyed: Record<number, unknown> & { km?: true } = {};
    let any = false;
    const pass = ++this.pass;
    // The previous entries are updated in place (an unchanged entry costs a lookup, not a copy);
    // entries not met in this pass are swept at the end. The first pass, a fresh comprehension
    // and streams (whose entries are never kept) start from an empty map.
    const reuse = changed && previous !== null && !isStream;
    const previousSize = previous?.size ?? 0;
    const entries = reuse ? previous : new Map<unknown, EntryPrint>();
    const source = comprehension.source;
    // Unchanged entries of a compiled loop are found by key and never built (ComprehensionSource).
    const keyOf = source && reuse && !comprehension.outerChanged ? source.keyOf : null;
    // Prints by position, updated in place: reading position `index` happens before writing it.
    const order: EntryPrint[] | null = isStream ? null : reuse && previousOrder ? previousOrder : [];
    const sameOrder = keyOf !== null && previousOrder !== null ? previousOrder : null;
    // Something outside the loop changed (an assign every row reads): an entry that kept its
    // item and place renders its slots, found by position and with no variable changed.
    const stayed = source && reuse && comprehension.outerChanged && source.keyOf !== null ? previousOrder : null;
    const count = source ? source.items.length : comprehension.entries.length;
    // Rows rendered in place by the compiled loop's own slots function, in runs (see rerenderRun).
    const inPlace = stayed !== null && source!.slotsInPlace ? source!.slotsInPlace : null;
    let index = 0;
    for (let i = 0; i < count; i++) {
      if (inPlace !== null) {
        const run = this.rerenderRun(comprehension, inPlace, source!.items, stayed!, i, index, keyed, ctx, pass);
        if (run > 0) any ||= !isEmptyObject(keyed);
        i += run;
        index += run;
        if (i === count) break;
      }
      const item = source ? source.items[i] : undefined;
      if (stayed !== null) {
        const there = stayed[index];
        if (there !== undefined && there.item === item && there.sourceIndex === i && there.seen !== pass) {
          const diff = this.rerenderInPlace(comprehension, source!, there, i, index, ctx, changed);
          if (diff !== undefined) {
            if (diff !== null) {
              keyed[index] = diff;
              any = true;
            }
            there.seen = pass;
            index++;
            continue;
          }
        }
      }
      if (keyOf !== null) {
        // The same item at the same place as last time: nothing to look up, nothing to render.
        const there = sameOrder !== null ? sameOrder[index] : undefined;
        if (there !== undefined && there.item === item && there.sourceIndex === i && there.seen !== pass) {
          there.seen = pass;
          index++;
          continue;
        }
        const key = keyOf === "position" ? index : keyIdentity(keyOf(item, i));
        const before = entries.get(key);
        if (before !== undefined && before.seen !== pass && before.index === index && before.item === item && before.sourceIndex === i) {
          before.seen = pass;
          if (order !== null) order[index] = before;
          index++;
          continue;
        }
      }
      const entry = source ? source.entryFor(item, i, index) : comprehension.entries[i]!;
      if (entry === null) continue;
      const key = comprehension.hasKey ? keyIdentity(entry.key) : index;
      const before = reuse ? entries.get(key) : undefined;
      if (before?.seen === pass || (!reuse && comprehension.hasKey && entries.has(key))) {
        throw new Error(`found duplicate key ${describeKey(entry.key)} in comprehension (each :key value must be unique)`);
      }
      if (before && !comprehension.outerChanged && sameVars(before.vars, entry.vars)) {
        // Nothing it reads changed: no render, and no diff beyond its old index if it moved.
        if (before.index !== index) {
          keyed.km = true;
          keyed[index] = before.index;
          any = true;
          before.index = index;
        }
        before.item = item;
        before.sourceIndex = i;
        before.seen = pass;
        if (order !== null) order[index] = before;
      } else if (before) {
        // Variables that are the very same values changed nothing (no copy, no deep compare).
        const vars = sameVars(before.vars, entry.vars) ? NO_CHANGES : varsChanged(before.vars, entry.vars);
        const dynamics = entry.render(vars, changed);
        const diff = this.traverseDynamics(checkEntry(dynamics, comprehension), before.slots, ctx, changed);
        const moved = before.index !== index;
        if (moved) keyed.km = true;
        if (diff !== null) {
          keyed[index] = moved ? [before.index, diff] : diff;
          any = true;
        } else if (moved) {
          keyed[index] = before.index;
          any = true;
        }
        before.index = index;
        before.vars = entry.vars;
        before.item = item;
        before.sourceIndex = i;
        before.seen = pass;
        if (order !== null) order[index] = before;
      } else {
        // A new entry renders in full, with tracking off all the way down.
        const dynamics = entry.render(null, false);
        const slots = newSlots(dynamics.length);
        keyed[index] = this.traverseDynamics(checkEntry(dynamics, comprehension), slots, ctx, false) ?? {};
        any = true;
        if (!isStream) {
          const print: EntryPrint = { index, vars: entry.vars, slots, item, sourceIndex: i, seen: pass };
          entries.set(key, print);
          order![index] = print;
        }
      }
      index++;
    }
    if (reuse && entries.size !== index) {
      // Some entries were not met: they left the list.
      for (const [key, print] of entries) if (print.seen !== pass) entries.delete(key);
    }
    if (order !== null) order.length = index;
    if (!any && index > 0 && index === previousSize) {
      return { keyed: null, entries: isStream ? null : entries, order };
    }
    const wire = keyed as WireKeyed;
    wire[KEYED_COUNT] = index;
    return { keyed: wire, entries: isStream ? null : entries, order };
  }

  /**
   * The run of rows from item `from` (at position `position`) that kept their item and place
   * while something outside the loop changed, rendered by the compiled loop's `slotsInPlace`:
   * their diffs go into `keyed`; returns how many rows it took (0 when the first one moved or
   * was filtered out: the general loop takes that one). Every row of a long list goes through
   * here when an assign they all read changes, so the per-row work is kept to calling the slots
   * function and comparing the strings it returns with the prints, without a call per slot.
   */
  private rerenderRun(
    comprehension: Comprehension,
    slotsInPlace: NonNullable<ComprehensionSource["slotsInPlace"]>,
    items: readonly unknown[],
    stayed: readonly EntryPrint[],
    from: number,
    position: number,
    keyed: Record<number, unknown>,
    ctx: Context,
    pass: number,
  ): number {
    const expected = comprehension.static.length - 1;
    // One array for the run's rows: each row's slots are compared before the next one's are
    // written (a nested list in a slot is another comprehension, with its own array).
    const into = new Array<Dynamic>(expected);
    // Positions trail item indices by the items filtered out before the run.
    const lag = from - position;
    const end = Math.min(items.length, stayed.length + lag);
    let i = from;
    for (; i < end; i++) {
      const index = i - lag;
      const there = stayed[index]!;
      const item = items[i];
      if (there.item !== item || there.sourceIndex !== i || there.seen === pass) break;
      const dynamics = slotsInPlace(item, i, index, true, into);
      if (dynamics === null) break;
      if (dynamics.length !== expected) checkEntry(dynamics, comprehension);
      const prints = there.slots;
      let diff: WireNode | null = null;
      for (let k = 0; k < expected; k++) {
        const value = dynamics[k];
        if (value === null || value === undefined) continue;
        if (typeof value === "string") {
          // The client already shows this very text.
          if (prints[k] === value) continue;
          prints[k] = value;
          (diff ??= {})[k] = value;
          continue;
        }
        const wire = this.traverseSlot(k, value, prints, ctx, true);
        if (wire !== undefined) (diff ??= {})[k] = wire;
      }
      if (diff !== null) keyed[index] = diff;
      there.seen = pass;
    }
    return i - from;
  }

  /**
   * An entry that kept its item and place while something outside the loop changed: its
   * variables come from the same item at the same index, so none changed, and only the slots
   * reading outside values are recomputed. Its diff, null when none differs, or undefined when
   * the item is filtered out after all. (A method of its own: this loop is hot, and kept apart
   * it is optimised apart from the general one.)
   */
  private rerenderInPlace(
    comprehension: Comprehension,
    source: NonNullable<Comprehension["source"]>,
    there: EntryPrint,
    i: number,
    index: number,
    ctx: Context,
    changed: boolean,
  ): WireNode | null | undefined {
    let dynamics: Dynamic[];
    if (source.slotsInPlace) {
      const slots = source.slotsInPlace(there.item, i, index, changed, new Array<Dynamic>(comprehension.static.length - 1));
      if (slots === null) return undefined;
      dynamics = slots;
    } else {
      const entry = source.entryFor(there.item, i, index);
      if (entry === null) return undefined;
      dynamics = entry.render(NO_CHANGES, changed);
    }
    return this.traverseDynamics(checkEntry(dynamics, comprehension), there.slots, ctx, changed);
  }

  private resolveComponent(ref: ComponentRef, ctx: Context): number {
    let seenIds = ctx.seen.get(ref.component);
    if (!seenIds) ctx.seen.set(ref.component, (seenIds = new Set()));
    if (seenIds.has(ref.id)) {
      throw new Error(
        `found duplicate ID ${JSON.stringify(ref.id)} for component ${describeComponent(ref.component)} when rendering template`,
      );
    }
    seenIds.add(ref.id);
    let byId = this.cidsByComponent.get(ref.component);
    if (!byId) this.cidsByComponent.set(ref.component, (byId = new Map()));
    const existing = byId.get(ref.id);
    if (existing !== undefined) {
      const entry = this.components.get(existing)!;
      const revived = entry.markedForDeletion;
      if (revived) {
        entry.markedForDeletion = false;
        entry.prints = null;
      }
      ctx.pending.push({ cid: existing, ref, isNew: false, revived });
      return existing;
    }
    const cid = this.nextCid++;
    byId.set(ref.id, cid);
    this.components.set(cid, { cid, component: ref.component, id: ref.id, prints: null, markedForDeletion: false });
    ctx.pending.push({ cid, ref, isNew: true, revived: false });
    return cid;
  }

  /** Renders the components met so far (and those they contain), breadth first. */
  private renderPending(ctx: Context): WireComponents {
    const cdiffs: WireComponents = {};
    if (ctx.pending.length === 0) return cdiffs;
    if (!this.host) throw new Error("the template renders a stateful component, but the diff engine has no component host");
    // Components not re-rendered so far in this diff still hold the client's previous trees.
    const touched = new Set<number>();
    const componentCtx: Context = { templates: null, pending: ctx.pending, seen: ctx.seen };
    while (ctx.pending.length > 0) {
      // One round: the components met so far; those they place join the next round.
      const round = ctx.pending.splice(0, ctx.pending.length);
      if (this.host.prepareComponents) {
        const placed = round.filter((p): p is PendingComponent & { ref: ComponentRef } => p.ref !== null);
        if (placed.length > 0) this.host.prepareComponents(placed);
      }
      for (const { cid, ref, isNew, revived } of round) {
        const force = isNew || revived;
        const entry = this.components.get(cid)!;
        const rendered = ref ? this.host.renderComponent(cid, ref, isNew, revived) : this.host.renderDirty!(cid);
        if (rendered === null) {
          if (force) throw new Error(`component ${describeComponent(entry.component)} with id ${JSON.stringify(entry.id)} must render when it is new`);
          continue;
        }
        touched.add(cid);
        if (rendered.root !== true) {
          throw new Error(
            `component ${describeComponent(entry.component)} with id ${JSON.stringify(entry.id)} must have a single static HTML tag at the root`,
          );
        }
        let prints = entry.prints;
        let tracked = true;
        let linked: number | null = null;
        if (prints?.print !== rendered.fingerprint) {
          const shared = this.findSharedStatics(entry, rendered.fingerprint, touched, cdiffs);
          if (shared) {
            linked = shared.cid;
            prints = shared.prints;
            // The borrowed tree is the other component's: render every dynamic in full.
            tracked = false;
          }
        }
        const traversed = this.traverseRendered(rendered, prints, componentCtx, tracked);
        const wire = traversed.wire ?? {};
        if (linked !== null) wire.s = linked;
        entry.prints = traversed.print;
        if (!isEmptyObject(wire) || force) cdiffs[cid] = wire;
      }
    }
    return cdiffs;
  }

  /**
   * `maybe_reuse_static`: another component of the same definition with the same root print,
   * either as the client had it before this diff (negative cid: not re-rendered yet in this
   * diff) or as sent earlier in this diff (positive cid).
   */
  private findSharedStatics(
    entry: ComponentEntry,
    print: number,
    touched: ReadonlySet<number>,
    cdiffs: WireComponents,
  ): { cid: number; prints: NodePrint } | null {
    const byId = this.cidsByComponent.get(entry.component);
    if (!byId) return null;
    let attempts = 32;
    for (const cid of byId.values()) {
      if (cid === entry.cid) continue;
      if (attempts-- === 0) break;
      const other = this.components.get(cid);
      if (!other?.prints || other.prints.print !== print || other.markedForDeletion) continue;
      if (!touched.has(cid)) return { cid: -cid, prints: clonePrint(other.prints) };
      if (cdiffs[cid] !== undefined) return { cid, prints: clonePrint(other.prints) };
    }
    return null;
  }
}

/**
 * Slot prints sized once: an array grown from `[]` by its first write reserves room for 17
 * elements, which for the usual two or three slots of a row is most of its size.
 */
function newSlots(length: number): SlotPrint[] {
  return new Array<SlotPrint>(length);
}

function isSparse(dynamics: readonly Dynamic[] | SparseDynamics): dynamics is SparseDynamics {
  return (dynamics as SparseDynamics).sparse === true;
}

/** The entry's variables are the very same values as last time (identity, not deep equality). */
function sameVars(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): boolean {
  for (const name in after) if (before[name] !== after[name]) return false;
  return true;
}

function checkEntry(dynamics: Dynamic[], comprehension: Comprehension): Dynamic[] {
  if (dynamics.length !== comprehension.static.length - 1) {
    throw new Error(
      `comprehension ${comprehension.fingerprint} entry returned ${dynamics.length} dynamics for ${comprehension.static.length} statics`,
    );
  }
  return dynamics;
}

function streamToWire(stream: NonNullable<Comprehension["stream"]>): WireStream {
  const inserts = stream.inserts.map(([id, at, limit, updateOnly]) => [id, at, limit, updateOnly] as [string, number, number | null, boolean | null]);
  // The official client resets whenever a fourth element is present, so send it only when true.
  return stream.reset ? [stream.ref, inserts, stream.deletes.slice(), true] : [stream.ref, inserts, stream.deletes.slice()];
}

function clonePrint<T extends ChildPrint>(print: T): T {
  if (print.kind === "node") {
    return { kind: "node", print: print.print, slots: cloneSlots(print.slots) } as T;
  }
  const entries = print.entries
    ? new Map([...print.entries].map(([key, e]) => [key, { index: e.index, vars: e.vars, slots: cloneSlots(e.slots), item: e.item, sourceIndex: e.sourceIndex }]))
    : null;
  return { kind: "comprehension", print: print.print, entries } as T;
}

function cloneSlots(slots: readonly SlotPrint[]): SlotPrint[] {
  return slots.map((slot) => (typeof slot === "object" ? clonePrint(slot) : slot));
}
