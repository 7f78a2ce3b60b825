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
//
// The parts are also the client's only copy of the rendered state: a diff is merged by
// patching, and each part keeps the value it shows, so the rare case that needs a whole node
// again (a component sharing another's statics, an inline slot's change) reads it back with
// `value()` instead of the client keeping a second, merged tree.
import type { Templates, WireComponents, WireDiff, WireDynamic, WireKeyed, WireNode } from "../shared/wire.ts";
import { compileTemplate, locate, seen, type PartSpec, type Template } from "./template.ts";
import { binding } from "./dom.ts";
import { noteCommands } from "./js.ts";
import { copyAttributes, decode, isFocusedInput, parseAttributes, parseHTML, setAttr } from "./html.ts";

// The patch in progress. A patch runs to its end synchronously and never starts another, so
// what it needs from its view and what it collects lives here, not in a parameter threaded
// through every call (see render).
/** Component instances by cid (the view's). */
let components = new Map<number, Instance>();
/** The component diffs of the message being applied (`c`). */
let incoming: WireComponents = {};
/** The components of `incoming` already applied (each once per message). */
let applied = new Set<number>();
/** Values, as before this message, of the components others borrow statics from (`s: -cid`). */
let borrowed = new Map<number, WireNode>();
/** The template table numeric statics (`s: 3`) name. */
let templates: Templates | undefined;
/** Inserted elements that may hold hooks or lifecycle bindings. */
let inserted: Element[] = [];
/** Called with an element before one of its slots is written (hooks' beforeUpdate). */
let touch: ((el: Element) => void) | null = null;
/** The app's `dom.onBeforeElUpdated(from, to)`, for every element a patch writes. */
let beforeElUpdated: ((from: Element, to: Element) => unknown) | null = null;
/** An element whose `phx-trigger-action` a slot wrote: its form is submitted after the patch. */
let triggered: Element | null = null;

/** What a view gives a patch. */
export interface PatchHost {
  components: Map<number, Instance>;
  touch: ((el: Element) => void) | null;
  beforeElUpdated: ((from: Element, to: Element) => unknown) | null;
}

/**
 * Applies a diff to the view whose tree `root` holds (`fresh`: a full render into a new root
 * part); returns the elements it inserted that may hold hooks or lifecycle bindings, and the
 * form a slot gave `phx-trigger-action`.
 */
export function render(root: ChildPart, diff: WireDiff, fresh: boolean, host: PatchHost): { inserted: Element[]; triggered: Element | null } {
  ({ components, touch, beforeElUpdated } = host);
  incoming = diff.c ?? {};
  applied = new Set();
  borrowed = new Map();
  templates = diff.p;
  inserted = [];
  triggered = null;
  // Components borrowing the statics of one as it was before this diff read it before the patch.
  for (const key in incoming) {
    const ref = incoming[key]!.s;
    const base = typeof ref === "number" && ref < 0 && components.get(-ref)?.value();
    if (base) borrowed.set(-ref, base);
  }
  root.set(diff, fresh);
  // The components the tree did not place: patched where they are.
  for (const key in incoming) if (components.has(+key)) applyComponent(+key);
  return { inserted, triggered };
}

const nothing = () => {};

/**
 * Before a patch writes `el` (through `write`, `nothing` when only its children change): hooks
 * hear `beforeUpdate`, and the app's `dom.onBeforeElUpdated(from, to)` gets a copy of the
 * element with the write applied. What the callback sets on the copy is kept, as when a
 * morphing client copies `to` onto `from`.
 */
function patchElement(el: Element, write: (target: Element) => void): void {
  touch?.(el);
  if (!beforeElUpdated) return write(el);
  const to = el.cloneNode(false) as Element;
  write(to);
  beforeElUpdated(el, to);
  write(el);
  copyAttributes(to, el);
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
type Built = { instance: Instance; fragment: DocumentFragment };

const text = () => document.createTextNode("");

/** A node's statics, a number naming one of the message's templates resolved in place. */
function staticsOf(node: WireNode): string[] {
  const statics = node.s;
  return (node.s = typeof statics === "number" ? templates![statics]! : statics!);
}

/** The HTML a slot's value stands for: a string is, anything else goes through a detached slot. */
function htmlOf(value: WireDynamic | undefined): string {
  if (typeof value === "string" || value === undefined) return value ?? "";
  const detached = new Detached();
  detached.set(value, true);
  return detached.html();
}

/**
 * `node` (an element, or a fragment: never ignored) is inside a `phx-update="ignore"`
 * element: the server renders it once, the page owns it after.
 */
const ignored = (node: Node | null): boolean => seen.phxUpdate && (node as Element | null)?.closest?.(`[${binding("update")}="ignore"]`) != null;

function noteInserted(fragment: ParentNode): void {
  for (let el = fragment.firstElementChild; el; el = el.nextElementSibling) inserted.push(el);
}

export class Instance {
  owner: ChildPart | null = null;
  constructor(
    private readonly compiled: Template,
    private readonly slotParts: Part[],
    /** Top-level nodes, or the child part standing at the top level. */
    private readonly topLevel: Array<Node | ChildPart>,
    private readonly componentId: number | null,
    /** The values of the inline slots (see template.ts), in the template's order. */
    private inlineValues: string[] | null = null,
    /** With inline slots: the instance of the template with their values written in. */
    private innerInstance: Instance | null = null,
  ) {}

  first(): Node {
    const item = this.topLevel[0]!;
    return item instanceof ChildPart ? item.first() : item;
  }

  last(): Node {
    const item = this.topLevel[this.topLevel.length - 1]!;
    return item instanceof ChildPart ? item.last() : item;
  }

  /** Whether its nodes can be followed as siblings (an earlier clear may have left several of them loose). */
  whole(): boolean {
    return this.topLevel.length === 1 || this.first().parentNode !== null;
  }

  /** The element a component's `data-phx-component` and hooks attach to. */
  rootElement(): Element | null {
    if (this.innerInstance) return this.innerInstance.rootElement();
    return (this.topLevel.find((item) => (item as Node).nodeType === Node.ELEMENT_NODE) as Element | undefined) ?? null;
  }

  /** Moves this instance's nodes before `ref` (or into `parent` at the end). */
  moveBefore(parent: Node, ref: Node | null): void {
    siblings(this.first(), this.last(), (node) => parent.insertBefore(node, ref));
  }

  remove(): void {
    siblings(this.first(), this.last(), discard);
  }

  /** Writes the slots `diff` names. */
  patch(diff: WireNode): void {
    const template = this.compiled;
    const inline = this.inlineValues;
    if (inline) {
      // The instance is one child part holding the instance of the template with the inline
      // values written in: the other slots patch it; a new inline value builds it again.
      this.innerInstance!.patch(diff);
      const now = template.inline!.map((slot, i) => (diff[slot] === undefined ? inline[i]! : htmlOf(diff[slot])));
      if (now.some((value, i) => value !== inline[i])) {
        const built = buildInstance(this.value(), this.componentId, (this.inlineValues = now));
        this.innerInstance = built.instance;
        (this.slotParts[0] as ChildPart).hold(built);
      }
      return;
    }
    for (const key in diff) {
      const part = this.slotParts[template.slotPart[key as unknown as number]!];
      if (part instanceof ChildPart) part.set(diff[+key]);
      else part?.update(diff);
    }
  }

  /** The node this instance shows, as a full render would send it. */
  value(): WireNode {
    const template = this.compiled;
    const inner = this.innerInstance;
    const node: WireNode = inner ? inner.value() : {};
    node.s = template.statics as string[];
    template.inline?.forEach((slot, i) => (node[slot] = this.inlineValues![i]!));
    if (!inner) {
      this.slotParts.forEach((part, i) => {
        if (part instanceof ChildPart) node[(template.parts[i] as { slot: number }).slot] = part.value();
        else part.valueInto(node);
      });
    }
    return node;
  }

  remap(map: Map<Node, Node>): void {
    const top = this.topLevel;
    top.forEach((item, i) => {
      if (!(item instanceof ChildPart)) top[i] = map.get(item) ?? item;
    });
    for (const part of this.slotParts) part.remap(map);
  }
}

/**
 * Builds the DOM of a node (statics given for comprehension entries, else the node's own); its
 * nodes are in `fragment`. `inline`: the values written into the template (see template.ts).
 */
export function buildInstance(node: WireNode, cid: number | null = null, inline: string[] | null = null, statics = staticsOf(node)): Built {
  const base = compileTemplate(statics);
  if (base.inline && !inline) {
    const fragment = document.createDocumentFragment();
    const holder = new ChildPart(fragment.appendChild(text()));
    const values = base.inline.map((slot) => htmlOf(node[slot]));
    const built = buildInstance(node, cid, values, statics);
    holder.reset("node");
    holder.hold(built);
    return { instance: new Instance(base, [holder], [holder], cid, values, built.instance), fragment };
  }
  const template = inline ? compileTemplate(statics, inline) : base;
  const specs = template.parts;
  // The clone is the fragment handed back: no second fragment to move the nodes into.
  const fragment = template.element!.content.cloneNode(true) as DocumentFragment;
  const targets = locate(fragment, specs);
  const top: Array<Node | ChildPart> = Array.from(fragment.childNodes);
  const parts: Part[] = specs.map((spec, i) => {
    if (spec.kind !== "child") return new ElementPart(targets[i] as Element, spec);
    const part = new ChildPart(targets[i] as Text);
    // A slot at the top level stands for its whole range there.
    if (spec.path.length === 1) top[spec.path[0]!] = part;
    return part;
  });
  if (top.length === 0) top.push(fragment.appendChild(text()));
  const instance = new Instance(template, parts, top, cid);
  parts.forEach((part, i) => {
    if (part instanceof ElementPart) part.update(node, true);
    else part.set(node[(specs[i] as { slot: number }).slot], true);
  });
  if (cid !== null) instance.rootElement()?.setAttribute("data-phx-component", String(cid));
  if (template.lifecycle) noteInserted(fragment);
  return { instance, fragment };
}

/**
 * Applies the message's diff of component `cid` once (its first use: a slot placing it, another
 * component borrowing its statics, or the view after the tree) and returns its instance.
 */
export function applyComponent(cid: number): Instance | undefined {
  const diff = incoming[cid];
  const existing = components.get(cid);
  if (!diff || applied.has(cid)) return existing;
  applied.add(cid);
  // A component's numeric statics never name the root's templates (the server gives each
  // component's comprehensions their own).
  const outer = templates;
  templates = undefined;
  const ref = diff.s;
  if (existing && ref === undefined) existing.patch(diff);
  else {
    let built: Built;
    if (typeof ref === "number") {
      // Statics shared with another component: as it was before this message (a negative cid)
      // or as this message leaves it; the diff is a patch over that component's tree.
      const base = ref < 0 ? borrowed.get(-ref) : applyComponent(ref)?.value();
      if (!base) throw new Error(`component ${cid} shares statics with unknown ${-ref}`);
      built = buildInstance(base, cid);
      built.instance.patch(diff);
    } else built = buildInstance(diff, cid);
    components.set(cid, built.instance);
    // A component built again with new statics takes the place of its old DOM.
    existing?.owner?.hold(built);
  }
  templates = outer;
  return components.get(cid);
}

type Mode = "text" | "html" | "node" | "keyed" | "stream" | "component" | "append";

export class ChildPart {
  private endNode: Node;
  private mode: Mode = "text";
  private held: Instance | null = null;
  private entryInstances: Instance[] = [];
  /** The text or markup shown, or the component's cid. */
  private shown: string | number = "";
  /** A comprehension's statics. */
  private comprehensionStatics: string[] = [];
  /** A `phx-update="append"` or `"prepend"` comprehension's entries, as last rendered (see append). */
  private lastRendered: Detached | null = null;

  constructor(private startNode: Node) {
    this.endNode = startNode;
  }

  first(): Node {
    return this.startNode;
  }

  last(): Node {
    return this.endNode;
  }

  /** The instances of a comprehension's entries, in order. */
  entries(): Instance[] {
    return this.entryInstances;
  }

  /** Sets the slot to what the server sent for it: a value, or a patch of the node it holds. */
  set(value: WireDynamic | undefined, fresh = false): void {
    if (value === undefined) return;
    const parent = this.startNode.parentNode!;
    if (!fresh) {
      if (ignored(parent)) return;
      if (parent.nodeType === Node.ELEMENT_NODE) patchElement(parent as Element, nothing);
    }
    const mode = this.mode;
    if (typeof value === "string") {
      if (value.includes("<")) this.setHTML(value);
      else this.setText(decode(value, true));
      this.shown = value;
    } else if (typeof value === "number") this.setComponent(value);
    else if (value.k || value.stream || (value.s === undefined && (mode === "keyed" || mode === "stream" || mode === "append"))) {
      // A comprehension, or a patch of one (which may carry only stream operations).
      const full = value.s !== undefined;
      const keyed = value.k ?? { kc: 0 };
      if (full) this.comprehensionStatics = staticsOf(value);
      // Entries' numeric statics name the enclosing table, else the comprehension's own.
      const outer = templates;
      templates ??= value.p;
      // A deprecated phx-update="append" or "prepend" container: see append.
      const update = seen.phxUpdate && !fresh && (parent as Element).getAttribute?.(binding("update"));
      if (update === "append" || update === "prepend") this.append(value, update);
      else if (mode === "stream" || (value.stream && mode !== "keyed")) {
        if (mode !== "stream") this.reset("stream");
        this.applyStream(value);
      } else if (mode === "keyed" && !full) {
        if (value.k) this.patchKeyed(keyed);
      } else {
        this.reset("keyed");
        this.add(keyed, 0);
      }
      templates = outer;
    } else if (mode === "node" && value.s === undefined) this.held!.patch(value);
    else {
      this.reset("node");
      this.hold(buildInstance(value));
    }
  }

  /** What the slot shows, as a full render would send it (a stream's items are the page's). */
  value(): WireDynamic {
    const mode = this.mode;
    if (mode === "node") return this.held!.value();
    if (mode === "append") return this.lastRendered!.value();
    if (mode !== "keyed" && mode !== "stream") return this.shown;
    const keyed: WireKeyed = { kc: this.entryInstances.length };
    this.entryInstances.forEach((entry, i) => (keyed[i] = entry.value()));
    return { s: this.comprehensionStatics, k: keyed };
  }

  /** Builds the comprehension entries of `keyed` from index `from` on and adds them at the end. */
  private add(keyed: WireKeyed, from: number): void {
    const fragment = document.createDocumentFragment();
    for (let i = from; i < keyed.kc; i++) {
      const built = buildInstance(keyed[i] as WireNode, null, null, this.comprehensionStatics);
      this.entryInstances.push(built.instance);
      fragment.appendChild(built.fragment);
    }
    this.insert(fragment);
  }

  private setText(data: string): void {
    if (this.mode !== "text") {
      this.clear();
      (this.endNode as ChildNode).remove();
      this.endNode = this.startNode;
      this.mode = "text";
    }
    const node = this.startNode as Text;
    if (node.data !== data) node.data = data;
  }

  private setHTML(html: string): void {
    this.reset("html");
    const fragment = parseHTML(html);
    if (html.includes(binding(""))) noteInserted(fragment);
    this.insert(fragment);
  }

  private setComponent(cid: number): void {
    const existing = applyComponent(cid);
    if (this.mode === "component" && this.shown === cid && this.held === existing) return;
    this.reset("component");
    this.shown = cid;
    if (!existing) throw new Error(`no component ${cid}`);
    // A component keeps its DOM when its slot moves (a parent re-rendered around it).
    if (existing.whole()) {
      if (existing.owner !== this) existing.owner?.forget();
      existing.owner = this;
      this.held = existing;
      existing.moveBefore(this.endNode.parentNode!, this.endNode);
    } else {
      const built = buildInstance(existing.value(), cid);
      components.set(cid, built.instance);
      this.hold(built);
    }
  }

  /** Holds `built` (a nested node, or a component built again with new statics) in place of what was there. */
  hold(built: Built): void {
    this.clear();
    built.instance.owner = this;
    this.held = built.instance;
    this.insert(built.fragment);
  }

  private insert(fragment: Node, before = this.endNode): void {
    this.endNode.parentNode!.insertBefore(fragment, before);
  }

  /** Empties the slot for content of another kind, as a start/end range (the start node stays). */
  reset(mode: Mode): void {
    const start = this.startNode;
    if (this.endNode === start) {
      (start as Text).data = "";
      this.endNode = start.parentNode!.insertBefore(text(), start.nextSibling);
    }
    this.clear();
    this.mode = mode;
  }

  /** Removes everything between start and end. */
  private clear(): void {
    const start = this.startNode;
    const end = this.endNode;
    if (end === start) return;
    const parent = start.parentNode!;
    if (start === parent.firstChild && end === parent.lastChild && parent.nodeType === Node.ELEMENT_NODE && !seen.phxRemove) {
      // The range is the whole element: one native call instead of one removal per node.
      (parent as Element).textContent = "";
      parent.append(start, end);
    } else if (start.nextSibling !== end) siblings(start.nextSibling!, end.previousSibling!, discard);
    if (this.held) this.held.owner = null;
    this.forget();
    this.entryInstances = [];
  }

  /** Lets go of a component instance another slot has taken. */
  forget(): void {
    this.held = null;
  }

  remap(map: Map<Node, Node>): void {
    this.startNode = map.get(this.startNode) ?? this.startNode;
    this.endNode = map.get(this.endNode) ?? this.endNode;
    this.held?.remap(map);
    for (const entry of this.entryInstances) entry.remap(map);
  }

  /**
   * A comprehension in a `phx-update="append"` or `"prepend"` container (deprecated, kept so
   * that pages written for it work): the server's diffs build on its last render, which a
   * slot off the page keeps (patched as any comprehension); each of its entries then replaces
   * the element with its DOM id or is added at the end (or, in order, at the start), and the
   * elements the server no longer renders stay.
   */
  private append(value: WireNode, update: string): void {
    if (this.mode !== "append") {
      const last = this.value();
      this.lastRendered = new Detached();
      this.lastRendered.set(last, true);
      this.mode = "append";
    }
    const rendered = this.lastRendered!;
    rendered.set(value);
    const batch = document.createDocumentFragment();
    for (const entry of rendered.entries()) {
      const copy = document.createDocumentFragment();
      siblings(entry.first(), entry.last(), (node) => copy.appendChild(node.cloneNode(true)));
      noteInserted(copy);
      const id = copy.firstElementChild?.id;
      const existing = id && (batch.querySelector(`[id="${CSS.escape(id)}"]`) ?? this.streamItem(id));
      if (existing) existing.replaceWith(copy);
      else batch.appendChild(copy);
    }
    this.insert(batch, update === "prepend" ? this.startNode.nextSibling! : this.endNode);
  }

  /**
   * Applies a keyed diff to the entries. Entries the diff does not name stay where they are,
   * untouched; moved entries are moved with as few DOM moves as the longest run of entries
   * that kept their relative order allows. A new entry is sent in full.
   */
  private patchKeyed(diff: WireKeyed): void {
    const old = this.entryInstances;
    const count = diff.kc;
    if (!diff.km) {
      for (const key in diff) {
        const i = +key;
        if (i < old.length && i < count) old[i]!.patch(diff[i] as WireNode);
      }
      if (count === 0) this.clear();
      else for (let i = count; i < old.length; i++) old[i]!.remove();
      if (count < old.length) old.length = count;
      else if (count > old.length) this.add(diff, old.length);
      return;
    }
    const next: Instance[] = new Array(count);
    const from: number[] = new Array(count).fill(-1);
    const claimed = new Uint8Array(old.length);
    const fresh: Array<DocumentFragment | null> = new Array(count).fill(null);
    const take = (i: number, at: number, patch?: WireNode) => {
      next[i] = old[at]!;
      from[i] = at;
      claimed[at] = 1;
      if (patch) next[i]!.patch(patch);
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
        const built = buildInstance(entry, null, null, this.comprehensionStatics);
        next[i] = built.instance;
        fresh[i] = built.fragment;
      }
    }
    old.forEach((entry, j) => claimed[j] || entry.remove());
    const keep = longestIncreasing(from);
    const parent = this.endNode.parentNode!;
    // From the end: the entry after `i` is already in place, so its first node is where `i`
    // goes (read only for the entries that arrive or move).
    const before = (i: number) => (i + 1 < count ? next[i + 1]!.first() : this.endNode);
    for (let i = count - 1; i >= 0; i--) {
      if (fresh[i]) parent.insertBefore(fresh[i]!, before(i));
      else if (!keep.has(i)) next[i]!.moveBefore(parent, before(i));
    }
    this.entryInstances = next;
  }

  /** Elements of a stream range, in order. */
  private streamItems(): Element[] {
    const items: Element[] = [];
    for (let n = this.startNode.nextSibling; n && n !== this.endNode; n = n.nextSibling) if (n.nodeType === Node.ELEMENT_NODE) items.push(n as Element);
    return items;
  }

  private streamItem(id: string): Element | null {
    const el = document.getElementById(id);
    if (el && el.parentNode === this.startNode.parentNode) return el;
    return this.streamItems().find((item) => item.id === id) ?? null;
  }

  /**
   * Stream slots keep no entries: the DOM holds the items, found by DOM id. Inserts go at
   * `at` (-1 end, 0 start, n before the n-th item) or replace the item with the same id;
   * `limit` prunes from the opposite end; deletes and reset remove by id. Every entry a diff
   * sends is an item in full.
   */
  private applyStream(diff: WireNode): void {
    const ops = diff.stream;
    const keyed = diff.k ?? { kc: 0 };
    const inserts = new Map((ops?.[1] ?? []).map((op) => [op[0], op] as const));
    if (ops && ops.length > 3) {
      for (const item of this.streamItems()) if (!inserts.has(item.id)) discard(item);
    }
    for (const id of ops?.[2] ?? []) {
      const item = this.streamItem(id);
      if (item) discard(item);
    }
    let batch: DocumentFragment | null = null;
    const flush = () => {
      if (batch) this.insert(batch);
      batch = null;
    };
    for (let i = 0; i < keyed.kc; i++) {
      const entry = keyed[i];
      if (typeof entry !== "object" || Array.isArray(entry)) continue;
      const built = buildInstance(entry, null, null, this.comprehensionStatics);
      const id = built.instance.rootElement()?.id ?? "";
      const [, at, limit, updateOnly] = inserts.get(id) ?? [id, -1, null, null];
      const existing = id ? (batch as DocumentFragment | null)?.querySelector(`[id="${CSS.escape(id)}"]`) ?? this.streamItem(id) : null;
      if (existing) existing.replaceWith(built.fragment);
      else if (updateOnly) continue;
      else if (at === -1 && limit === null) {
        (batch ??= document.createDocumentFragment()).appendChild(built.fragment);
        continue;
      } else {
        flush();
        this.insert(built.fragment, at === -1 ? this.endNode : (this.streamItems()[at] ?? this.endNode));
      }
      if (limit !== null && limit !== undefined) {
        flush();
        const items = this.streamItems();
        const [first, stop] = limit < 0 ? [0, items.length + limit] : [limit, items.length];
        for (let j = first; j < stop; j++) discard(items[j]!);
      }
    }
    flush();
  }
}

/**
 * A slot kept off the page, for a value that must be read as HTML (a node in an attribute, or
 * in an inline slot): patched as any slot, and serialized when read.
 */
class Detached extends ChildPart {
  constructor(private readonly holder = document.createElement("template")) {
    super(holder.content.appendChild(text()));
  }

  html(): string {
    return this.holder.innerHTML;
  }
}

/**
 * Slots in an element's tag or raw text: one attribute's value (`kind: "attr"`, maybe with
 * other slots and statics in it), a list of attributes (` checked`, a spread), or the text of
 * a raw text element (`<textarea>{x}</textarea>`, `<title>{x} · app</title>`, `<script>`).
 * It keeps its slots' values: a write of one slot needs the others.
 */
export class ElementPart {
  /** The attributes the last list set (those it no longer sets are removed). */
  private setNames: string[] = [];
  private readonly slotNumbers: number[];
  /** Each slot's value: its HTML, or a detached slot for a node (read as its HTML). */
  private readonly slotValues: Array<string | Detached> = [];
  constructor(
    private boundElement: Element,
    private readonly spec: Exclude<PartSpec, { kind: "child" }>,
  ) {
    this.slotNumbers = spec.kind === "attrs" ? [spec.slot] : spec.slots;
  }

  /** Writes its slots' values into `node`. */
  valueInto(node: WireNode): void {
    this.slotNumbers.forEach((slot, i) => {
      const value = this.slotValues[i]!;
      node[slot] = typeof value === "string" ? value : value.value();
    });
  }

  update(diff: WireNode, fresh = false): void {
    const el = this.boundElement;
    const spec = this.spec;
    const values = this.slotValues;
    this.slotNumbers.forEach((slot, i) => {
      const value = diff[slot];
      if (typeof value === "string") values[i] = value;
      else if (value !== undefined) (values[i] instanceof Detached ? (values[i] as Detached) : (values[i] = new Detached())).set(value, fresh);
    });
    const html = (i: number) => {
      const value = values[i]!;
      return typeof value === "string" ? value : value.html();
    };
    const joined = spec.kind === "attrs" ? html(0) : spec.slots.reduce((out, _, i) => out + html(i) + spec.strings[i + 1], spec.strings[0]!);
    if (spec.kind === "content") {
      if (!fresh && ignored(el)) return;
      const content = el.localName === "script" || el.localName === "style" ? joined : decode(joined);
      if (!fresh) patchElement(el, nothing);
      if (el.localName !== "textarea") {
        if (el.textContent !== content) el.textContent = content;
      } else if (!isFocusedInput(el)) (el as HTMLTextAreaElement).defaultValue = (el as HTMLTextAreaElement).value = content;
      return;
    }
    if (!fresh && ignored(el.parentNode)) return;
    const pairs = spec.kind === "attr" ? [[spec.name, decode(joined)] as [string, string]] : parseAttributes(joined);
    const now = pairs.map(([name]) => name);
    for (const [name, value] of pairs) {
      noteCommands(value);
      // Rendered as a spread, `phx-remove` is not in any statics.
      if (name === binding("remove")) seen.phxRemove = true;
      else if (name === binding("trigger-action")) triggered = el;
    }
    const write = (target: Element) => {
      for (const name of this.setNames) if (!now.includes(name)) setAttr(target, name, null);
      for (const [name, value] of pairs) setAttr(target, name, value);
    };
    if (fresh) write(el);
    else patchElement(el, write);
    this.setNames = now;
  }

  remap(map: Map<Node, Node>): void {
    this.boundElement = (map.get(this.boundElement) as Element) ?? this.boundElement;
  }
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
