// Client-side merge of diffs into rendered state, with the rules of the official client's
// `rendered.js` (PROTOCOL.md §2.6, conformance R1–R4):
// - a node with `s` replaces the old node; otherwise it merges into it slot by slot;
// - keyed comprehensions apply moves from a pre-merge copy (`km`), merge entry diffs and
//   truncate to `kc`; `stream` is carried;
// - component diffs (`c`) with an integer `s` share statics with another cid: positive = as
//   merged in this same diff, negative = as it was before the diff.
// Unlike the official client, template references (`s` integers resolved through `p`) are
// resolved while merging, so merged state never holds `p` and `toHTML` needs no table.
import {
  COMPONENTS,
  EVENTS,
  KEYED,
  KEYED_COUNT,
  KEYED_MOVED,
  REPLY,
  STATIC,
  STREAM,
  TEMPLATES,
  TITLE,
  type Templates,
  type WireComponents,
  type WireDiff,
  type WireEvent,
  type WireKeyed,
  type WireMessageDiff,
  type WireNode,
} from "./wire.ts";

/** Merged client state: a full tree whose statics are all inline arrays, plus components. */
export type RenderedState = WireDiff;

/** The parts of a message diff that are not tree patches (`Rendered.extract`). */
export interface Extracted {
  diff: WireDiff;
  title: string | undefined;
  reply: Record<string, unknown> | null;
  events: readonly WireEvent[];
}

/**
 * Splits a message diff into the tree diff and its title (`t`), pushed events (`e`) and reply
 * (`r`). Like the official client, any top-level `r` is removed (a root flag at the very top
 * has no effect on the HTML); it is returned as the reply only when it is an object.
 * The input is not modified.
 */
export function extract(message: WireMessageDiff): Extracted {
  const { [REPLY]: reply, [EVENTS]: events, [TITLE]: title, ...rest } = message;
  return {
    diff: rest as WireDiff,
    title,
    reply: typeof reply === "object" && reply !== null ? reply : null,
    events: events ?? [],
  };
}

/**
 * Merges `diff` into `state` and returns the new state. `state` may be mutated and reused
 * (pass `{}` or `null` for the first, full diff); `diff` is never modified, nor shared with the
 * result — unless `owned`: a caller that hands over a diff nobody else reads (a frame it has
 * just parsed) saves the copy, and the diff is then merged in place (its `c` and `p` removed,
 * its nodes shared with the result). Call `extract()` first on message diffs that may carry
 * `t`, `e` or a reply.
 */
export function mergeDiff(state: RenderedState | null, diff: WireDiff, owned = false): RenderedState {
  const copy = owned ? diff : clone(diff);
  const components = copy[COMPONENTS];
  delete copy[COMPONENTS];
  const templates = copy[TEMPLATES] ?? null;
  delete copy[TEMPLATES];
  resolveTemplates(copy, templates);

  const current: RenderedState = state ?? {};
  const previous = current[COMPONENTS] ?? {};
  delete current[COMPONENTS];
  // A root with statics replaces the old one; otherwise it merges into it.
  const merged: RenderedState = copy[STATIC] !== undefined ? copy : (doMutableMerge(current, copy), current);
  merged[COMPONENTS] = previous;
  if (components) mergeComponents(previous, components);
  return merged;
}

function isObject(value: unknown): value is WireNode {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const clone = structuredClone;

/**
 * Replaces every integer `s` below `node` by the statics it names. Comprehension entries use
 * the enclosing table when there is one, else the comprehension's own `p` (as the official
 * client's `comprehensionToBuffer` does).
 */
function resolveTemplates(node: WireNode, templates: Templates | null, isComponentRoot = false): void {
  if (node[KEYED] !== undefined && !isComponentRoot) {
    const own = node[TEMPLATES];
    delete node[TEMPLATES];
    resolveStatic(node, templates);
    const entryTemplates = templates ?? own ?? null;
    const keyed = node[KEYED];
    for (const index of Object.keys(keyed)) {
      if (index === KEYED_COUNT || index === KEYED_MOVED) continue;
      const entry = keyed[Number(index)];
      if (Array.isArray(entry)) resolveTemplates(entry[1], entryTemplates);
      else if (isObject(entry)) resolveTemplates(entry, entryTemplates);
    }
    return;
  }
  // A component root's integer `s` names a cid, not a template (see mergeComponents).
  if (!isComponentRoot) resolveStatic(node, templates);
  for (const key of Object.keys(node)) {
    const value = node[Number(key)];
    if (isObject(value) && /^\d+$/.test(key)) resolveTemplates(value, templates);
  }
}

function resolveStatic(node: WireNode, templates: Templates | null): void {
  const statics = node[STATIC];
  if (typeof statics !== "number") return;
  const found = templates?.[statics];
  if (!found) throw new Error(`no template ${statics} in "p"`);
  // Shared, not copied: statics are read-only, and every entry resolved from one template
  // holding the same array lets a client key its compiled template by identity.
  node[STATIC] = found;
}

function doMutableMerge(target: WireNode, source: WireNode): void {
  if (source[KEYED] !== undefined) {
    mergeKeyed(target, source);
    return;
  }
  const t = target as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    const existing = t[key];
    if (isObject(value) && value[STATIC] === undefined && isObject(existing)) {
      doMutableMerge(existing, value);
    } else {
      t[key] = value;
    }
  }
}

function mergeKeyed(target: WireNode, source: WireNode): void {
  const incoming = source[KEYED]!;
  const entries: WireKeyed = target[KEYED] ?? { [KEYED_COUNT]: 0 };
  target[KEYED] = entries;
  // Moves read entries from their old positions: keep the old positions first so that an
  // earlier write cannot overwrite a position a later move still needs. A shallow copy is
  // enough when each old entry goes to one place (the usual move); an old entry claimed twice
  // (moved twice, or moved and also patched where it was) is deep-copied for each claim, so
  // that one claim's patch does not reach the other.
  const moved = incoming[KEYED_MOVED] !== undefined;
  const before = moved ? { ...entries } : entries;
  const uses = moved ? moveSources(incoming) : null;
  const take = (from: number) => {
    const entry = before[from];
    if (!isObject(entry)) throw new Error(`no keyed entry ${from} to move`);
    return uses && uses.get(from)! > 1 ? clone(entry) : entry;
  };
  for (const key of Object.keys(incoming)) {
    if (key === KEYED_COUNT || key === KEYED_MOVED) continue;
    const i = Number(key);
    const entry = incoming[i]!;
    if (Array.isArray(entry)) {
      const [from, patch] = entry;
      const moved = take(from);
      entries[i] = moved;
      doMutableMerge(moved, patch);
    } else if (typeof entry === "number") {
      entries[i] = take(entry);
    } else {
      let existing = entries[i];
      if (uses && uses.get(i)! > 1 && existing === before[i]) existing = entries[i] = clone(existing as WireNode);
      if (isObject(existing)) doMutableMerge(existing, entry);
      else entries[i] = entry;
    }
  }
  for (let i = incoming[KEYED_COUNT]; i < entries[KEYED_COUNT]; i++) delete entries[i];
  entries[KEYED_COUNT] = incoming[KEYED_COUNT];
  if (source[STREAM] !== undefined) target[STREAM] = source[STREAM];
}

/** How many claims each old position has: moves from it, and a patch at it. */
function moveSources(incoming: WireKeyed): Map<number, number> {
  const uses = new Map<number, number>();
  for (const key of Object.keys(incoming)) {
    if (key === KEYED_COUNT || key === KEYED_MOVED) continue;
    const entry = incoming[Number(key)];
    const from = Array.isArray(entry) ? entry[0] : typeof entry === "number" ? entry : Number(key);
    uses.set(from, (uses.get(from) ?? 0) + 1);
  }
  return uses;
}

/** `rendered.js` `cachedFindComponent`, without magic ids. */
function mergeComponents(old: WireComponents, incoming: WireComponents): void {
  const resolved = new Map<number, WireNode>();
  for (const key of Object.keys(incoming)) {
    const cid = Number(key);
    resolveTemplates(incoming[cid]!, null, true);
  }
  const find = (cid: number, seen: Set<number>): WireNode => {
    const done = resolved.get(cid);
    if (done) return done;
    const diff = incoming[cid];
    if (!diff || seen.has(cid)) throw new Error(`component ${cid} missing or in a cycle`);
    seen.add(cid);
    const ref = diff[STATIC];
    let result: WireNode;
    if (typeof ref === "number") {
      const base = ref > 0 ? find(ref, seen) : old[-ref];
      if (!base) throw new Error(`component ${cid} shares statics with unknown ${-ref}`);
      result = cloneMerge(base, diff);
      result[STATIC] = base[STATIC];
    } else {
      result = ref !== undefined || old[cid] === undefined ? diff : cloneMerge(old[cid], diff);
    }
    resolved.set(cid, result);
    return result;
  };
  for (const key of Object.keys(incoming)) find(Number(key), new Set());
  for (const [cid, node] of resolved) old[cid] = node;
}

/**
 * Merges `source` over a copy of `target`: components are merged into clones, since other
 * components of the same diff may still read the old one (`s: -cid`).
 */
function cloneMerge(target: WireNode, source: WireNode): WireNode {
  const merged = clone(target);
  doMutableMerge(merged, source);
  return merged;
}
