// The live DOM of a rendered tree: one Instance per node (statics + slots), one Part per slot.
//
// WHY this shape: the server tells us which slots changed, so each slot keeps a direct handle
// on its DOM position and a diff touches only those handles:
// - a text slot holds one Text node and writes `data` (no parsing, no walk);
// - an attribute slot holds its element and rewrites one attribute;
// - a child slot holding markup, a nested node, a comprehension or a component owns the
//   sibling range between two empty Text nodes (`start`, `end`), so replacing it never looks
//   at its neighbours; a comprehension's entries are Instances inside that range, moved and
//   removed by their own first and last nodes.
// Empty Text nodes are invisible in the page's HTML and to CSS, unlike comment markers.
import { COMPONENTS, KEYED, KEYED_COUNT, KEYED_MOVED, STATIC, STREAM, type WireDynamic, type WireKeyed, type WireNode } from "../shared/wire.ts";
import { componentOf, staticsOf, toHTML } from "../shared/to-html.ts";
import type { RenderedState } from "../shared/merge.ts";
import { compileTemplate, locate, seen, type Template } from "./template.ts";
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
  touch: ((el: Node) => void) | null;
  /** The app's `dom.onBeforeElUpdated(from, to)`, for every element a patch writes. */
  beforeElUpdated: ((from: Element, to: Element) => unknown) | null;
  /** An element whose `phx-trigger-action` a slot wrote: its form is submitted after the patch. */
  triggered: Element | null;
}

/**
 * Before a patch writes `el` (through `write`, which may be a no-op when only its children
 * change): hooks hear `beforeUpdate`, and the app's `dom.onBeforeElUpdated(from, to)` gets a
 * copy of the element with the write applied. What the callback sets on the copy is kept, as
 * when a morphing client copies `to` onto `from`.
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
  if (seen.phxRemove && removal.run && node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(binding("remove"))) {
    leaving.add(node);
    removal.run(node as Element, () => node.remove());
  } else node.remove();
}

type Part = ChildPart | AttrPart | AttrsPart | ContentPart;

const isNode = (value: unknown): value is WireNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** The HTML of a merged node, with the view's components (for opaque templates and attributes). */
function nodeHTML(node: WireNode, ctx: RenderContext): string {
  return toHTML({ ...node, [COMPONENTS]: ctx.state[COMPONENTS] ?? {} });
}

function valueHTML(value: WireDynamic | undefined, ctx: RenderContext): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  if (typeof value === "number") return toHTML({ 0: value, s: ["", ""], [COMPONENTS]: ctx.state[COMPONENTS] ?? {} });
  return nodeHTML(value, ctx);
}

/** Inside a `phx-update="ignore"` element: the server renders it once, the page owns it after. */
function ignored(node: Node | null): boolean {
  if (!seen.phxUpdate || !node) return false;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(`[${binding("update")}="ignore"]`) != null;
}

function noteInserted(fragment: ParentNode, ctx: RenderContext): void {
  for (let el = fragment.firstElementChild; el; el = el.nextElementSibling) ctx.inserted.push(el);
}

export class Instance {
  owner: ChildPart | null = null;
  constructor(
    readonly template: Template,
    readonly parts: Part[],
    /** Top-level nodes, or the child part standing at the top level. */
    readonly top: Array<Node | ChildPart>,
    readonly cid: number | null,
  ) {}

  first(): Node {
    const item = this.top[0]!;
    return item instanceof ChildPart ? item.start : item;
  }

  last(): Node {
    const item = this.top[this.top.length - 1]!;
    return item instanceof ChildPart ? item.end : item;
  }

  /** The element a component's `data-phx-component` and hooks attach to. */
  rootElement(): Element | null {
    for (const item of this.top) if (!(item instanceof ChildPart) && item.nodeType === Node.ELEMENT_NODE) return item as Element;
    return null;
  }

  /** Moves this instance's nodes before `ref` (or into `parent` at the end). */
  moveBefore(parent: Node, ref: Node | null): void {
    const last = this.last();
    let node: Node | null = this.first();
    while (node) {
      const next: Node | null = node === last ? null : node.nextSibling;
      parent.insertBefore(node, ref);
      node = next;
    }
  }

  remove(): void {
    const last = this.last();
    let node: Node | null = this.first();
    while (node) {
      const next: Node | null = node === last ? null : node.nextSibling;
      discard(node as ChildNode);
      node = next;
    }
  }

  /** Writes the slots `diff` names; `merged` is the same node after the merge. */
  patch(diff: WireNode, merged: WireNode, ctx: RenderContext): void {
    const template = this.template;
    if (!template.element) {
      (this.parts[0] as ChildPart).setHTML(nodeHTML({ ...merged, [STATIC]: template.statics as string[] }, ctx), ctx);
      return;
    }
    for (const key in diff) {
      const slot = Number(key);
      if (!(slot >= 0)) continue;
      const part = this.parts[template.slotPart[slot]!];
      if (!part) continue;
      if (part instanceof ChildPart) part.set(merged[slot], diff[slot], ctx);
      else part.update(merged, ctx);
    }
  }

  remap(map: Map<Node, Node>): void {
    for (let i = 0; i < this.top.length; i++) {
      const item = this.top[i]!;
      if (!(item instanceof ChildPart)) this.top[i] = map.get(item) ?? item;
    }
    for (const part of this.parts) part.remap(map);
  }
}

/** Builds the DOM of a merged node with the given statics; its nodes are in `fragment`. */
export function buildInstance(node: WireNode, nodeStatics: string[], ctx: RenderContext, cid: number | null = null): { instance: Instance; fragment: DocumentFragment } {
  const template = compileTemplate(nodeStatics);
  if (!template.element) {
    const fragment = document.createDocumentFragment();
    const part = new ChildPart(document.createTextNode(""));
    fragment.appendChild(part.start);
    const instance = new Instance(template, [part], [part], cid);
    part.setHTML(nodeHTML({ ...node, [STATIC]: nodeStatics }, ctx), ctx, true);
    if (cid !== null) markComponent(instance, cid);
    return { instance, fragment };
  }
  // The clone is the fragment handed back: no second fragment to move the nodes into.
  const fragment = template.element.content.cloneNode(true) as DocumentFragment;
  const specs = template.parts;
  const targets = locate(fragment, template.paths);
  const parts: Part[] = new Array(specs.length);
  const top: Array<Node | ChildPart> = [];
  for (let n = fragment.firstChild; n; n = n.nextSibling) top.push(n);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const target = targets[i]!;
    if (spec.kind === "child") {
      const part = new ChildPart(target as Text);
      parts[i] = part;
      // A slot at the top level stands for its whole range there.
      if (spec.path.length === 1) top[spec.path[0]!] = part;
    } else if (spec.kind === "attr") parts[i] = new AttrPart(target as Element, spec.name, spec.strings, spec.slots);
    else if (spec.kind === "attrs") parts[i] = new AttrsPart(target as Element, spec.slot);
    else parts[i] = new ContentPart(target as Element, spec.slot);
  }
  if (top.length === 0) {
    const empty = document.createTextNode("");
    fragment.appendChild(empty);
    top.push(empty);
  }
  const instance = new Instance(template, parts, top, cid);
  for (let i = 0; i < specs.length; i++) {
    const part = parts[i]!;
    if (part instanceof ChildPart) {
      const value = node[(specs[i] as { slot: number }).slot];
      part.set(value, value, ctx, true);
    } else part.update(node, ctx, true);
  }
  if (cid !== null) markComponent(instance, cid);
  if (template.lifecycle) noteInserted(fragment, ctx);
  return { instance, fragment };
}

function markComponent(instance: Instance, cid: number): void {
  instance.rootElement()?.setAttribute("data-phx-component", String(cid));
}

/** Builds a component from the merged state and registers it. */
export function buildComponent(cid: number, ctx: RenderContext): { instance: Instance; fragment: DocumentFragment } {
  const node = componentOf(ctx.state[COMPONENTS], cid);
  const built = buildInstance(node, staticsOf(node, `component ${cid}`), ctx, cid);
  ctx.components.set(cid, built.instance);
  ctx.built.add(cid);
  return built;
}

type Mode = "text" | "html" | "node" | "keyed" | "stream" | "component";

export class ChildPart {
  start: Node;
  end: Node;
  private mode: Mode = "text";
  instance: Instance | null = null;
  entries: Instance[] = [];
  cid: number | null = null;

  constructor(text: Text) {
    this.start = text;
    this.end = text;
  }

  /** Sets the slot to `value` (merged); `diff` is what the server sent for it. */
  set(value: WireDynamic | undefined, diff: WireDynamic | undefined, ctx: RenderContext, fresh = false): void {
    if (value === undefined) return;
    if (!fresh && ignored(this.start.parentNode)) return;
    const parent = this.start.parentNode!;
    if (!fresh && parent.nodeType === Node.ELEMENT_NODE) patchElement(parent as Element, ctx, () => {});
    if (typeof value === "string") {
      if (value.includes("<")) this.setHTML(value, ctx, fresh);
      else this.setText(decode(value));
      return;
    }
    if (typeof value === "number") {
      this.setComponent(value, ctx);
      return;
    }
    const patchable = isNode(diff) && diff[STATIC] === undefined;
    if (value[KEYED] !== undefined) {
      // A deprecated phx-update="append" or "prepend" container: its entries go as a stream's (see applyStream).
      const update = seen.phxUpdate && !fresh && (parent as Element).getAttribute?.(binding("update"));
      if (update === "append" || update === "prepend") {
        applyStream(this, value, value, ctx, update);
        return;
      }
      if (this.mode === "stream" || (value[STREAM] !== undefined && this.mode !== "keyed")) {
        if (this.mode !== "stream") this.toRange();
        this.mode = "stream";
        applyStream(this, value, isNode(diff) ? diff : value, ctx);
        return;
      }
      if (this.mode === "keyed" && patchable) {
        if (diff[KEYED]) patchKeyed(this, diff[KEYED], value, ctx);
        return;
      }
      this.toRange();
      this.clear();
      this.mode = "keyed";
      this.entries = [];
      const entryStatics = staticsOf(value, "a comprehension");
      const fragment = document.createDocumentFragment();
      const keyed = value[KEYED];
      for (let i = 0; i < keyed[KEYED_COUNT]; i++) {
        const built = buildInstance(keyed[i] as WireNode, entryStatics, ctx);
        this.entries.push(built.instance);
        fragment.appendChild(built.fragment);
      }
      this.insert(fragment);
      return;
    }
    if (this.mode === "node" && patchable && this.instance) {
      this.instance.patch(diff, value, ctx);
      return;
    }
    this.toRange();
    this.clear();
    this.mode = "node";
    const built = buildInstance(value, staticsOf(value, "a nested node"), ctx);
    this.instance = built.instance;
    built.instance.owner = this;
    this.insert(built.fragment);
  }

  private setText(text: string): void {
    if (this.mode !== "text") {
      this.clear();
      this.end.parentNode?.removeChild(this.end);
      this.end = this.start;
      this.release();
      this.mode = "text";
    }
    const node = this.start as Text;
    if (node.data !== text) node.data = text;
  }

  setHTML(html: string, ctx: RenderContext, _fresh = false): void {
    this.toRange();
    this.clear();
    this.mode = "html";
    const fragment = parseHTML(html);
    if (html.includes(binding(""))) noteInserted(fragment, ctx);
    this.insert(fragment);
  }

  private setComponent(cid: number, ctx: RenderContext): void {
    if (this.mode === "component" && this.cid === cid && this.instance === ctx.components.get(cid)) return;
    this.toRange();
    this.clear();
    this.mode = "component";
    this.cid = cid;
    const existing = ctx.components.get(cid);
    // A component keeps its DOM when its slot moves (a parent re-rendered around it). Its
    // nodes can be followed as siblings unless an earlier clear left several of them loose.
    if (existing && (existing.top.length === 1 || existing.first().parentNode !== null)) {
      if (existing.owner && existing.owner !== this) existing.owner.forget();
      existing.owner = this;
      this.instance = existing;
      existing.moveBefore(this.end.parentNode!, this.end);
      return;
    }
    const built = buildComponent(cid, ctx);
    built.instance.owner = this;
    this.instance = built.instance;
    this.insert(built.fragment);
  }

  /** Replaces this slot's component instance by a freshly built one (new statics). */
  replaceComponent(instance: Instance, fragment: DocumentFragment): void {
    this.clear();
    instance.owner = this;
    this.instance = instance;
    this.insert(fragment);
  }

  insert(fragment: Node): void {
    this.end.parentNode!.insertBefore(fragment, this.end);
  }

  /** Turns a single Text slot into a start/end range (the start node stays the same). */
  private toRange(): void {
    if (this.end !== this.start) return;
    (this.start as Text).data = "";
    this.end = document.createTextNode("");
    this.start.parentNode!.insertBefore(this.end, this.start.nextSibling);
  }

  /** Removes everything between start and end. */
  clear(): void {
    if (this.end === this.start) return;
    const parent = this.start.parentNode!;
    if (this.start === parent.firstChild && this.end === parent.lastChild && parent.nodeType === Node.ELEMENT_NODE && !seen.phxRemove) {
      // The range is the whole element: one native call instead of one removal per node.
      (parent as Element).textContent = "";
      parent.appendChild(this.start);
      parent.appendChild(this.end);
    } else {
      for (let node = this.start.nextSibling; node && node !== this.end; ) {
        const next: ChildNode | null = node.nextSibling;
        discard(node);
        node = next;
      }
    }
    this.release();
  }

  /** Lets go of a component instance another slot has taken. */
  forget(): void {
    this.instance = null;
    this.cid = null;
  }

  private release(): void {
    if (this.instance) this.instance.owner = null;
    this.instance = null;
    this.entries = [];
    this.cid = null;
  }

  remap(map: Map<Node, Node>): void {
    this.start = map.get(this.start) ?? this.start;
    this.end = map.get(this.end) ?? this.end;
    if (this.mode === "node" && this.instance) this.instance.remap(map);
    if (this.mode === "component" && this.instance) this.instance.remap(map);
    for (const entry of this.entries) entry.remap(map);
  }
}

export class AttrPart {
  constructor(
    public el: Element,
    readonly name: string,
    readonly strings: string[],
    readonly slots: number[],
  ) {}

  update(node: WireNode, ctx: RenderContext, fresh = false): void {
    let value = this.strings[0]!;
    for (let i = 0; i < this.slots.length; i++) value += valueHTML(node[this.slots[i]!], ctx) + this.strings[i + 1];
    if (!fresh && ignored(this.el.parentNode)) return;
    const text = decode(value);
    noteCommands(text);
    if (this.name === binding("trigger-action")) ctx.triggered = this.el;
    const write = (el: Element) => setAttr(el, this.name, text);
    if (fresh) write(this.el);
    else patchElement(this.el, ctx, write);
  }

  remap(map: Map<Node, Node>): void {
    this.el = (map.get(this.el) as Element) ?? this.el;
  }
}

/** A slot standing for a list of attributes (` checked`, a spread). */
export class AttrsPart {
  private names: string[] = [];
  constructor(public el: Element, readonly slot: number) {}

  update(node: WireNode, ctx: RenderContext, fresh = false): void {
    if (!fresh && ignored(this.el.parentNode)) return;
    const pairs = parseAttributes(valueHTML(node[this.slot], ctx));
    const now = pairs.map(([name]) => name);
    for (const [name, value] of pairs) {
      noteCommands(value);
      // Rendered as a spread, `phx-remove` is not in any statics.
      if (name === binding("remove")) seen.phxRemove = true;
      else if (name === binding("trigger-action")) ctx.triggered = this.el;
    }
    const write = (el: Element) => {
      for (const name of this.names) if (!now.includes(name)) setAttr(el, name, null);
      for (const [name, value] of pairs) setAttr(el, name, value);
    };
    if (fresh) write(this.el);
    else patchElement(this.el, ctx, write);
    this.names = now;
  }

  remap(map: Map<Node, Node>): void {
    this.el = (map.get(this.el) as Element) ?? this.el;
  }
}

/** The whole content of a raw text element (`<textarea>{x}</textarea>`, `<title>`, `<script>`). */
export class ContentPart {
  constructor(public el: Element, readonly slot: number) {}

  update(node: WireNode, ctx: RenderContext, fresh = false): void {
    const html = valueHTML(node[this.slot], ctx);
    const text = this.el.localName === "script" || this.el.localName === "style" ? html : decode(html);
    if (!fresh && ignored(this.el)) return;
    if (!fresh) patchElement(this.el, ctx, () => {});
    if (this.el.localName === "textarea") {
      if (isFocusedInput(this.el)) return;
      (this.el as HTMLTextAreaElement).defaultValue = text;
      (this.el as HTMLTextAreaElement).value = text;
    } else if (this.el.textContent !== text) this.el.textContent = text;
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
  const entryStatics = staticsOf(merged, "a comprehension");
  const mergedKeyed = merged[KEYED]!;
  const parent = part.end.parentNode!;
  if (!diff[KEYED_MOVED]) {
    for (const key in diff) {
      const i = Number(key);
      if (!(i >= 0) || i >= old.length || i >= count) continue;
      old[i]!.patch(diff[i] as WireNode, mergedKeyed[i] as WireNode, ctx);
    }
    if (count < old.length) {
      if (count === 0) part.clear();
      else for (let i = count; i < old.length; i++) old[i]!.remove();
      old.length = count;
    }
    if (count > old.length) {
      const fragment = document.createDocumentFragment();
      for (let i = old.length; i < count; i++) {
        const built = buildInstance(mergedKeyed[i] as WireNode, entryStatics, ctx);
        old.push(built.instance);
        fragment.appendChild(built.fragment);
      }
      part.insert(fragment);
    }
    part.entries = old;
    return;
  }
  const next: Instance[] = new Array(count);
  const from: number[] = new Array(count).fill(-1);
  const claimed = new Uint8Array(old.length);
  for (let i = 0; i < count; i++) {
    const entry = diff[i];
    if (typeof entry === "number") {
      next[i] = old[entry]!;
      from[i] = entry;
      claimed[entry] = 1;
    } else if (Array.isArray(entry)) {
      next[i] = old[entry[0]]!;
      from[i] = entry[0];
      claimed[entry[0]] = 1;
      next[i]!.patch(entry[1], mergedKeyed[i] as WireNode, ctx);
    }
  }
  const fresh: Array<DocumentFragment | null> = new Array(count).fill(null);
  for (let i = 0; i < count; i++) {
    if (next[i]) continue;
    const entry = diff[i];
    if (entry === undefined || (isNode(entry) && i < old.length && !claimed[i])) {
      next[i] = old[i]!;
      from[i] = i;
      claimed[i] = 1;
      if (entry !== undefined) next[i]!.patch(entry as WireNode, mergedKeyed[i] as WireNode, ctx);
    } else {
      const built = buildInstance(mergedKeyed[i] as WireNode, entryStatics, ctx);
      next[i] = built.instance;
      fresh[i] = built.fragment;
    }
  }
  for (let j = 0; j < old.length; j++) if (!claimed[j]) old[j]!.remove();
  const keep = longestIncreasing(from);
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
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!;
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
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
  for (const item of streamItems(part)) if (item.id === id) return item;
  return null;
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
  const entryStatics = staticsOf(merged, "a stream");
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
    const built = buildInstance(entry, entryStatics, ctx);
    const el = built.instance.rootElement();
    const id = el?.id ?? "";
    const [, at, limit, updateOnly] = inserts.get(id) ?? [id, -1, null, null];
    const existing = id ? (appendBatch as DocumentFragment | null)?.querySelector(`[id="${CSS.escape(id)}"]`) ?? streamItem(part, id) : null;
    if (existing) {
      existing.parentNode!.replaceChild(built.fragment, existing);
    } else if (updateOnly) {
      continue;
    } else if (at === -1 && limit === null) {
      (appendBatch ??= document.createDocumentFragment()).appendChild(built.fragment);
      continue;
    } else {
      flush();
      const items = streamItems(part);
      const ref = at === -1 ? part.end : at === 0 ? (items[0] ?? part.end) : (items[at] ?? part.end);
      parent.insertBefore(built.fragment, ref);
    }
    if (limit !== null && limit !== undefined) {
      flush();
      const items = streamItems(part);
      if (limit < 0) for (let j = 0; j < items.length + limit; j++) discard(items[j]!);
      else for (let j = limit; j < items.length; j++) discard(items[j]!);
    }
  }
  flush();
  if (update) return;
  // The items live in the DOM only: drop them from the merged state.
  merged[KEYED] = { [KEYED_COUNT]: 0 };
  delete merged[STREAM];
}
