// The live DOM of a rendered tree: one Instance per node (statics + slots), one Part per slot.
//
// WHY this shape: the server tells us which slots changed, so each slot keeps a direct handle
// on its DOM position and a diff touches only those handles:
// - a text slot holds one Text node and writes `data` (no parsing, no walk);
// - an attribute slot holds its element and rewrites one attribute (or a list of them);
// - a child slot holding markup, a nested node, a comprehension or a component owns the
//   sibling range between two empty Text nodes (`start`, `end`), so replacing it never looks
//   at its neighbours; a comprehension's entries are Instances inside that range, moved and
//   removed by their own first and last nodes.
// Empty Text nodes are invisible in the page's HTML and to CSS, unlike comment markers.
import { COMPONENTS, KEYED, KEYED_COUNT, KEYED_MOVED, STATIC, STREAM, type WireDynamic, type WireKeyed, type WireNode } from "../shared/wire.ts";
import { componentOf, staticsOf, toHTML } from "../shared/to-html.ts";
import type { RenderedState } from "../shared/merge.ts";
import { compileTemplate, locate, seen, type PartSpec, type Template } from "./template.ts";
import { binding } from "./dom.ts";
import { noteCommands } from "./js.ts";
import { decode, isFocusedInput, parseAttributes, parseHTML, setAttr } from "./html.ts";

/** What a patch needs from its view. */
export interface RenderContext {
  state: RenderedState;
  /** Component instances by cid. */
  components: Map<number, Instance>;
  /** Components built during the current patch (their `c` diffs are already applied). */
  built: Set<number>;
  /** Inserted elements that may hold hooks or lifecycle bindings. */
  inserted: Element[];
  /** Called with an element before one of its slots is written (hooks' beforeUpdate). */
  touch: ((el: Element) => void) | null;
  /** The app's `dom.onBeforeElUpdated(from, to)`, for every element a patch writes. */
  beforeElUpdated: ((from: Element, to: Element) => unknown) | null;
  /** An element whose `phx-trigger-action` a slot wrote: its form is submitted after the patch. */
  triggered: Element | null;
}

const nothing = () => {};

/**
 * Before a patch writes `el` (through `write`, `nothing` when only its children change): hooks
 * hear `beforeUpdate`, and the app's `dom.onBeforeElUpdated(from, to)` gets a copy of the
 * element with the write applied. What the callback sets on the copy is kept, as when a
 * morphing client copies `to` onto `from`.
 */
function patchElement(el: Element, ctx: RenderContext, write: (target: Element) => void): void {
  ctx.touch?.(el);
  const before = ctx.beforeElUpdated;
  if (!before) return write(el);
  const to = el.cloneNode(false) as Element;
  write(to);
  before(el, to);
  write(el);
  for (const attr of to.attributes) if (el.getAttribute(attr.name) !== attr.value) setAttr(el, attr.name, attr.value);
  for (const attr of Array.from(el.attributes)) if (!to.hasAttribute(attr.name)) setAttr(el, attr.name, null);
}

/** Elements waiting for their `phx-remove` transition before they leave. */
const leaving = new WeakSet<Node>();

/**
 * Runs an element's `phx-remove` commands and removes it when their transition ends; set by
 * the live socket (it runs commands).
 */
export const removal: { run: ((el: Element, done: () => void) => void) | null } = { run: null };

/** Removes `node`; an element with `phx-remove` leaves after its commands' transition. */
function discard(node: ChildNode): void {
  if (leaving.has(node)) return;
  if (seen.phxRemove && removal.run && (node as Element).hasAttribute?.(binding("remove"))) {
    leaving.add(node);
    removal.run(node as Element, () => node.remove());
  } else node.remove();
}

/** Calls `each` with every node from `first` to `last` (siblings), reading the next one first. */
function siblings(first: Node, last: Node, each: (node: ChildNode) => void): void {
  for (let node: Node | null = first; node; ) {
    const next: Node | null = node === last ? null : node.nextSibling;
    each(node as ChildNode);
    node = next;
  }
}

type Part = ChildPart | ElementPart;

const isNode = (value: unknown): value is WireNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** The HTML of a merged node with the given statics (opaque templates, attribute values). */
function nodeHTML(node: WireNode, statics: readonly string[], ctx: RenderContext): string {
  return toHTML({ ...node, [STATIC]: statics as string[], [COMPONENTS]: ctx.state[COMPONENTS] ?? {} });
}

const valueHTML = (value: WireDynamic | undefined, ctx: RenderContext): string =>
  typeof value === "string" ? value : value === undefined ? "" : nodeHTML({ 0: value }, ["", ""], ctx);

/**
 * `node` (an element, or a fragment: never ignored) is inside a `phx-update="ignore"`
 * element: the server renders it once, the page owns it after.
 */
const ignored = (node: Node | null): boolean => seen.phxUpdate && (node as Element | null)?.closest?.(`[${binding("update")}="ignore"]`) != null;

function noteInserted(fragment: ParentNode, ctx: RenderContext): void {
  for (let el = fragment.firstElementChild; el; el = el.nextElementSibling) ctx.inserted.push(el);
}

export class Instance {
  owner: ChildPart | null = null;
  constructor(
    private readonly template: Template,
    private readonly parts: Part[],
    /** Top-level nodes, or the child part standing at the top level. */
    readonly top: Array<Node | ChildPart>,
  ) {}

  first(): Node {
    const item = this.top[0]!;
    return item instanceof ChildPart ? item.start : item;
  }

  private last(): Node {
    const item = this.top[this.top.length - 1]!;
    return item instanceof ChildPart ? item.end : item;
  }

  /** The element a component's `data-phx-component` and hooks attach to. */
  rootElement(): Element | null {
    return (this.top.find((item) => (item as Node).nodeType === Node.ELEMENT_NODE) as Element | undefined) ?? null;
  }

  /** Moves this instance's nodes before `ref` (or into `parent` at the end). */
  moveBefore(parent: Node, ref: Node | null): void {
    siblings(this.first(), this.last(), (node) => parent.insertBefore(node, ref));
  }

  remove(): void {
    siblings(this.first(), this.last(), discard);
  }

  /** Writes the slots `diff` names; `merged` is the same node after the merge. */
  patch(diff: WireNode, merged: WireNode, ctx: RenderContext): void {
    const template = this.template;
    if (!template.element) return (this.parts[0] as ChildPart).setHTML(nodeHTML(merged, template.statics, ctx), ctx);
    for (const key in diff) {
      const part = this.parts[template.slotPart[key as unknown as number]!];
      if (part instanceof ChildPart) part.set(merged[+key], diff[+key], ctx);
      else part?.update(merged, ctx);
    }
  }

  remap(map: Map<Node, Node>): void {
    this.top.forEach((item, i) => {
      if (!(item instanceof ChildPart)) this.top[i] = map.get(item) ?? item;
    });
    for (const part of this.parts) part.remap(map);
  }
}

/** Builds the DOM of a merged node with the given statics; its nodes are in `fragment`. */
export function buildInstance(node: WireNode, statics: string[], ctx: RenderContext, cid: number | null = null): { instance: Instance; fragment: DocumentFragment } {
  const template = compileTemplate(statics);
  const specs = template.parts;
  // The clone is the fragment handed back: no second fragment to move the nodes into. An
  // opaque template's instance is one child part holding its HTML.
  const fragment = (template.element?.content.cloneNode(true) ?? document.createDocumentFragment()) as DocumentFragment;
  const targets = locate(fragment, template.paths);
  const top: Array<Node | ChildPart> = Array.from(fragment.childNodes);
  const parts: Part[] = specs.map((spec, i) => {
    if (spec.kind !== "child") return new ElementPart(targets[i] as Element, spec);
    const part = new ChildPart(targets[i] as Text);
    // A slot at the top level stands for its whole range there.
    if (spec.path.length === 1) top[spec.path[0]!] = part;
    return part;
  });
  if (!template.element) parts.push((top[0] = new ChildPart(fragment.appendChild(document.createTextNode("")))));
  else if (top.length === 0) top.push(fragment.appendChild(document.createTextNode("")));
  const instance = new Instance(template, parts, top);
  if (!template.element) (parts[0] as ChildPart).setHTML(nodeHTML(node, statics, ctx), ctx);
  else {
    parts.forEach((part, i) => {
      if (part instanceof ElementPart) return part.update(node, ctx, true);
      const value = node[(specs[i] as { slot: number }).slot];
      part.set(value, value, ctx, true);
    });
  }
  if (cid !== null) instance.rootElement()?.setAttribute("data-phx-component", String(cid));
  if (template.lifecycle) noteInserted(fragment, ctx);
  return { instance, fragment };
}

/** Builds a component from the merged state and registers it. */
export function buildComponent(cid: number, ctx: RenderContext): { instance: Instance; fragment: DocumentFragment } {
  const node = componentOf(ctx.state[COMPONENTS], cid);
  const built = buildInstance(node, staticsOf(node), ctx, cid);
  ctx.components.set(cid, built.instance);
  ctx.built.add(cid);
  return built;
}

type Mode = "text" | "html" | "node" | "keyed" | "stream" | "component";

export class ChildPart {
  end: Node;
  private mode: Mode = "text";
  private instance: Instance | null = null;
  entries: Instance[] = [];
  private cid: number | null = null;

  constructor(public start: Node) {
    this.end = start;
  }

  /** Sets the slot to `value` (merged); `diff` is what the server sent for it. */
  set(value: WireDynamic | undefined, diff: WireDynamic | undefined, ctx: RenderContext, fresh = false): void {
    if (value === undefined) return;
    const parent = this.start.parentNode!;
    if (!fresh) {
      if (ignored(parent)) return;
      if (parent.nodeType === Node.ELEMENT_NODE) patchElement(parent as Element, ctx, nothing);
    }
    if (typeof value === "string") {
      if (value.includes("<")) this.setHTML(value, ctx);
      else this.setText(decode(value));
    } else if (typeof value === "number") this.setComponent(value, ctx);
    else {
      const patchable = isNode(diff) && diff[STATIC] === undefined;
      if (value[KEYED] !== undefined) {
        // A deprecated phx-update="append" or "prepend" container: its entries go as a stream's (see applyStream).
        const update = seen.phxUpdate && !fresh && (parent as Element).getAttribute?.(binding("update"));
        if (update === "append" || update === "prepend") applyStream(this, value, value, ctx, update);
        else if (this.mode === "stream" || (value[STREAM] !== undefined && this.mode !== "keyed")) {
          if (this.mode !== "stream") this.reset("stream");
          applyStream(this, value, isNode(diff) ? diff : value, ctx);
        } else if (this.mode === "keyed" && patchable) {
          if (diff[KEYED]) patchKeyed(this, diff[KEYED], value, ctx);
        } else {
          this.reset("keyed");
          this.add(value, 0, ctx);
        }
      } else if (this.mode === "node" && patchable) this.instance!.patch(diff, value, ctx);
      else {
        this.reset("node");
        this.hold(buildInstance(value, staticsOf(value), ctx));
      }
    }
  }

  /** Builds the comprehension entries of `merged` from index `from` on and adds them at the end. */
  add(merged: WireNode, from: number, ctx: RenderContext): void {
    const keyed = merged[KEYED]!;
    const statics = staticsOf(merged);
    const fragment = document.createDocumentFragment();
    for (let i = from; i < keyed[KEYED_COUNT]; i++) {
      const built = buildInstance(keyed[i] as WireNode, statics, ctx);
      this.entries.push(built.instance);
      fragment.appendChild(built.fragment);
    }
    this.insert(fragment);
  }

  private setText(text: string): void {
    if (this.mode !== "text") {
      this.clear();
      (this.end as ChildNode).remove();
      this.end = this.start;
      this.mode = "text";
    }
    const node = this.start as Text;
    if (node.data !== text) node.data = text;
  }

  setHTML(html: string, ctx: RenderContext): void {
    this.reset("html");
    const fragment = parseHTML(html);
    if (html.includes(binding(""))) noteInserted(fragment, ctx);
    this.insert(fragment);
  }

  private setComponent(cid: number, ctx: RenderContext): void {
    const existing = ctx.components.get(cid);
    if (this.mode === "component" && this.cid === cid && this.instance === existing) return;
    this.reset("component");
    // A component keeps its DOM when its slot moves (a parent re-rendered around it). Its
    // nodes can be followed as siblings unless an earlier clear left several of them loose.
    if (existing && (existing.top.length === 1 || existing.first().parentNode !== null)) {
      if (existing.owner !== this) existing.owner?.forget();
      existing.owner = this;
      this.instance = existing;
      existing.moveBefore(this.end.parentNode!, this.end);
    } else this.hold(buildComponent(cid, ctx));
    this.cid = cid;
  }

  /** Holds `built` (a nested node, or a component built again with new statics) in place of what was there. */
  hold(built: { instance: Instance; fragment: DocumentFragment }): void {
    this.clear();
    built.instance.owner = this;
    this.instance = built.instance;
    this.insert(built.fragment);
  }

  insert(fragment: Node): void {
    this.end.parentNode!.insertBefore(fragment, this.end);
  }

  /** Empties the slot for content of another kind, as a start/end range (the start node stays). */
  private reset(mode: Mode): void {
    if (this.end === this.start) {
      (this.start as Text).data = "";
      this.end = this.start.parentNode!.insertBefore(document.createTextNode(""), this.start.nextSibling);
    }
    this.clear();
    this.mode = mode;
  }

  /** Removes everything between start and end. */
  clear(): void {
    const start = this.start;
    const end = this.end;
    if (end === start) return;
    const parent = start.parentNode!;
    if (start === parent.firstChild && end === parent.lastChild && parent.nodeType === Node.ELEMENT_NODE && !seen.phxRemove) {
      // The range is the whole element: one native call instead of one removal per node.
      (parent as Element).textContent = "";
      parent.append(start, end);
    } else if (start.nextSibling !== end) siblings(start.nextSibling!, end.previousSibling!, discard);
    if (this.instance) this.instance.owner = null;
    this.forget();
    this.entries = [];
  }

  /** Lets go of a component instance another slot has taken. */
  forget(): void {
    this.instance = null;
    this.cid = null;
  }

  remap(map: Map<Node, Node>): void {
    this.start = map.get(this.start) ?? this.start;
    this.end = map.get(this.end) ?? this.end;
    this.instance?.remap(map);
    for (const entry of this.entries) entry.remap(map);
  }
}

/**
 * Slots in an element's tag or raw text: one attribute's value (`kind: "attr"`, maybe with
 * other slots and statics in it), a list of attributes (` checked`, a spread), or the text of
 * a raw text element (`<textarea>{x}</textarea>`, `<title>{x} · app</title>`, `<script>`).
 */
export class ElementPart {
  /** The attributes the last list set (those it no longer sets are removed). */
  private names: string[] = [];
  constructor(private el: Element, private readonly spec: Exclude<PartSpec, { kind: "child" }>) {}

  update(node: WireNode, ctx: RenderContext, fresh = false): void {
    const el = this.el;
    const spec = this.spec;
    const html = spec.kind === "attrs" ? valueHTML(node[spec.slot], ctx) : spec.slots.reduce((out, slot, i) => out + valueHTML(node[slot], ctx) + spec.strings[i + 1], spec.strings[0]!);
    if (spec.kind === "content") {
      if (!fresh && ignored(el)) return;
      const text = el.localName === "script" || el.localName === "style" ? html : decode(html);
      if (!fresh) patchElement(el, ctx, nothing);
      if (el.localName !== "textarea") {
        if (el.textContent !== text) el.textContent = text;
      } else if (!isFocusedInput(el)) (el as HTMLTextAreaElement).defaultValue = (el as HTMLTextAreaElement).value = text;
      return;
    }
    if (!fresh && ignored(el.parentNode)) return;
    const pairs = spec.kind === "attr" ? [[spec.name, decode(html)] as [string, string]] : parseAttributes(html);
    const now = pairs.map(([name]) => name);
    for (const [name, value] of pairs) {
      noteCommands(value);
      // Rendered as a spread, `phx-remove` is not in any statics.
      if (name === binding("remove")) seen.phxRemove = true;
      else if (name === binding("trigger-action")) ctx.triggered = el;
    }
    const write = (target: Element) => {
      for (const name of this.names) if (!now.includes(name)) setAttr(target, name, null);
      for (const [name, value] of pairs) setAttr(target, name, value);
    };
    if (fresh) write(el);
    else patchElement(el, ctx, write);
    this.names = now;
  }

  remap(map: Map<Node, Node>): void {
    this.el = (map.get(this.el) as Element) ?? this.el;
  }
}

// ---- comprehensions ---------------------------------------------------------------------

/**
 * Applies a keyed diff to the entries of `part`. Entries the diff does not name stay where
 * they are, untouched; moved entries are moved with as few DOM moves as the longest run of
 * entries that kept their relative order allows.
 */
function patchKeyed(part: ChildPart, diff: WireKeyed, merged: WireNode, ctx: RenderContext): void {
  const old = part.entries;
  const count = diff[KEYED_COUNT];
  const mergedKeyed = merged[KEYED]!;
  if (!diff[KEYED_MOVED]) {
    for (const key in diff) {
      const i = +key;
      if (i < old.length && i < count) old[i]!.patch(diff[i] as WireNode, mergedKeyed[i] as WireNode, ctx);
    }
    if (count === 0) part.clear();
    else for (let i = count; i < old.length; i++) old[i]!.remove();
    if (count < old.length) old.length = count;
    else if (count > old.length) part.add(merged, old.length, ctx);
    return;
  }
  const statics = staticsOf(merged);
  const next: Instance[] = new Array(count);
  const from: number[] = new Array(count).fill(-1);
  const claimed = new Uint8Array(old.length);
  const fresh: Array<DocumentFragment | null> = new Array(count).fill(null);
  const take = (i: number, at: number, patch?: WireNode) => {
    next[i] = old[at]!;
    from[i] = at;
    claimed[at] = 1;
    if (patch) next[i]!.patch(patch, mergedKeyed[i] as WireNode, ctx);
  };
  for (let i = 0; i < count; i++) {
    const entry = diff[i];
    if (typeof entry === "number") take(i, entry);
    else if (Array.isArray(entry)) take(i, entry[0], entry[1]);
  }
  for (let i = 0; i < count; i++) {
    if (next[i]) continue;
    const entry = diff[i] as WireNode | undefined;
    if (entry === undefined || (i < old.length && !claimed[i])) take(i, i, entry);
    else {
      const built = buildInstance(mergedKeyed[i] as WireNode, statics, ctx);
      next[i] = built.instance;
      fresh[i] = built.fragment;
    }
  }
  old.forEach((entry, j) => claimed[j] || entry.remove());
  const keep = longestIncreasing(from);
  const parent = part.end.parentNode!;
  // From the end: the entry after `i` is already in place, so its first node is where `i`
  // goes (read only for the entries that arrive or move).
  const before = (i: number) => (i + 1 < count ? next[i + 1]!.first() : part.end);
  for (let i = count - 1; i >= 0; i--) {
    if (fresh[i]) parent.insertBefore(fresh[i]!, before(i));
    else if (!keep.has(i)) next[i]!.moveBefore(parent, before(i));
  }
  part.entries = next;
}

/** Positions (indexes into `seq`) of one longest strictly increasing subsequence of values ≥ 0. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = [];
  seq.forEach((v, i) => {
    if (v < 0) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/** Elements of a stream range, in order. */
function streamItems(part: ChildPart): Element[] {
  const items: Element[] = [];
  for (let n = part.start.nextSibling; n && n !== part.end; n = n.nextSibling) if (n.nodeType === Node.ELEMENT_NODE) items.push(n as Element);
  return items;
}

function streamItem(part: ChildPart, id: string): Element | null {
  const el = document.getElementById(id);
  if (el && el.parentNode === part.start.parentNode) return el;
  return streamItems(part).find((item) => item.id === id) ?? null;
}

/**
 * Stream slots keep no entries: the DOM holds the items, found by DOM id. Inserts go at
 * `at` (-1 end, 0 start, n before the n-th item) or replace the item with the same id;
 * `limit` prunes from the opposite end; deletes and reset remove by id.
 *
 * A comprehension in a `phx-update="append"` or `"prepend"` container (deprecated, kept so that
 * pages written for it work) goes the same way, without stream operations: each entry replaces
 * the element with its DOM id or is added at the end (or, in order, at the start); elements the
 * server no longer renders stay. Its merged state is kept (the server's diffs build on it).
 */
function applyStream(part: ChildPart, merged: WireNode, diff: WireNode, ctx: RenderContext, update?: "append" | "prepend"): void {
  const ops = diff[STREAM];
  const keyed = merged[KEYED]!;
  const statics = staticsOf(merged);
  const inserts = new Map((ops?.[1] ?? []).map((op) => [op[0], op] as const));
  const parent = part.end.parentNode!;
  if (ops && ops.length > 3) {
    for (const item of streamItems(part)) if (!inserts.has(item.id)) discard(item);
  }
  for (const id of ops?.[2] ?? []) {
    const item = streamItem(part, id);
    if (item) discard(item);
  }
  let appendBatch: DocumentFragment | null = null;
  const flush = () => {
    if (appendBatch) parent.insertBefore(appendBatch, update === "prepend" ? part.start.nextSibling : part.end);
    appendBatch = null;
  };
  for (let i = 0; i < keyed[KEYED_COUNT]; i++) {
    const entry = keyed[i];
    if (!isNode(entry)) continue;
    const built = buildInstance(entry, statics, ctx);
    const id = built.instance.rootElement()?.id ?? "";
    const [, at, limit, updateOnly] = inserts.get(id) ?? [id, -1, null, null];
    const existing = id ? (appendBatch as DocumentFragment | null)?.querySelector(`[id="${CSS.escape(id)}"]`) ?? streamItem(part, id) : null;
    if (existing) existing.replaceWith(built.fragment);
    else if (updateOnly) continue;
    else if (at === -1 && limit === null) {
      (appendBatch ??= document.createDocumentFragment()).appendChild(built.fragment);
      continue;
    } else {
      flush();
      parent.insertBefore(built.fragment, at === -1 ? part.end : (streamItems(part)[at] ?? part.end));
    }
    if (limit !== null && limit !== undefined) {
      flush();
      const items = streamItems(part);
      const [start, stop] = limit < 0 ? [0, items.length + limit] : [limit, items.length];
      for (let j = start; j < stop; j++) discard(items[j]!);
    }
  }
  flush();
  if (update) return;
  // The items live in the DOM only: drop them from the merged state.
  merged[KEYED] = { [KEYED_COUNT]: 0 };
  delete merged[STREAM];
}
