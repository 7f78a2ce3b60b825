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
import type { Templates, WireComponents, WireDynamic, WireKeyed, WireNode } from "../shared/wire.ts";
import { compileTemplate, locate, seen, type PartSpec, type Template } from "./template.ts";
import { binding } from "./dom.ts";
import { noteCommands } from "./js.ts";
import { decode, isFocusedInput, parseAttributes, parseHTML, setAttr } from "./html.ts";

/** What a patch needs from its view. */
export interface RenderContext {
  /** Component instances by cid. */
  components: Map<number, Instance>;
  /** The component diffs of the message being applied (`c`). */
  incoming: WireComponents;
  /** The components of `incoming` already applied (each once per message). */
  done: Set<number>;
  /** Values, as before this message, of the components others borrow statics from (`s: -cid`). */
  before: Map<number, WireNode>;
  /** The template table numeric statics (`s: 3`) name. */
  templates: Templates | undefined;
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
type Built = { instance: Instance; fragment: DocumentFragment };

const text = () => document.createTextNode("");

/** A node's statics, a number naming one of the message's templates resolved in place. */
function staticsOf(node: WireNode, ctx: RenderContext): string[] {
  const statics = node.s;
  return (node.s = typeof statics === "number" ? ctx.templates![statics]! : statics!);
}

/**
 * A slot kept off the page, for a value that must be read as HTML (a node in an attribute, or
 * in an inline slot): patched as any slot, and serialized when read.
 */
class Detached {
  holder = document.createElement("template");
  part = new ChildPart(this.holder.content.appendChild(text()));

  html(): string {
    return this.holder.innerHTML;
  }
}

/** The HTML a slot's value stands for: a string is, anything else goes through a detached slot. */
function htmlOf(value: WireDynamic | undefined, ctx: RenderContext): string {
  if (typeof value === "string" || value === undefined) return value ?? "";
  const detached = new Detached();
  detached.part.set(value, ctx, true);
  return detached.html();
}

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
    private readonly cid: number | null,
    /** The values of the inline slots (see template.ts), in the template's order. */
    private inline: string[] | null = null,
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
    if (this.inline) return (this.parts[0] as ChildPart).instance!.rootElement();
    return (this.top.find((item) => (item as Node).nodeType === Node.ELEMENT_NODE) as Element | undefined) ?? null;
  }

  /** Moves this instance's nodes before `ref` (or into `parent` at the end). */
  moveBefore(parent: Node, ref: Node | null): void {
    siblings(this.first(), this.last(), (node) => parent.insertBefore(node, ref));
  }

  remove(): void {
    siblings(this.first(), this.last(), discard);
  }

  /** Writes the slots `diff` names. */
  patch(diff: WireNode, ctx: RenderContext): void {
    const template = this.template;
    const inline = this.inline;
    if (inline) {
      // The instance is one child part holding the instance of the template with the inline
      // values written in: the other slots patch it; a new inline value builds it again.
      const holder = this.parts[0] as ChildPart;
      holder.instance!.patch(diff, ctx);
      const now = template.inline!.map((slot, i) => (diff[slot] === undefined ? inline[i]! : htmlOf(diff[slot], ctx)));
      if (now.some((value, i) => value !== inline[i])) holder.hold(buildInstance(this.value(), ctx, this.cid, (this.inline = now)));
      return;
    }
    for (const key in diff) {
      const part = this.parts[template.slotPart[key as unknown as number]!];
      if (part instanceof ChildPart) part.set(diff[+key], ctx);
      else part?.update(diff, ctx);
    }
  }

  /** The node this instance shows, as a full render would send it. */
  value(): WireNode {
    const template = this.template;
    if (this.inline) {
      const node = (this.parts[0] as ChildPart).instance!.value();
      template.inline!.forEach((slot, i) => (node[slot] = this.inline![i]!));
      node.s = template.statics as string[];
      return node;
    }
    const node: WireNode = { s: template.statics as string[] };
    this.parts.forEach((part, i) => {
      const spec = template.parts[i]!;
      if (part instanceof ChildPart) node[(spec as { slot: number }).slot] = part.value();
      else part.values.forEach((value, j) => (node[part.slots[j]!] = value instanceof Detached ? value.part.value() : value));
    });
    return node;
  }

  remap(map: Map<Node, Node>): void {
    this.top.forEach((item, i) => {
      if (!(item instanceof ChildPart)) this.top[i] = map.get(item) ?? item;
    });
    for (const part of this.parts) part.remap(map);
  }
}

/**
 * Builds the DOM of a node (statics given for comprehension entries, else the node's own); its
 * nodes are in `fragment`. `inline`: the values written into the template (see template.ts).
 */
export function buildInstance(node: WireNode, ctx: RenderContext, cid: number | null = null, inline: string[] | null = null, statics = staticsOf(node, ctx)): Built {
  const base = compileTemplate(statics);
  if (base.inline && !inline) {
    const fragment = document.createDocumentFragment();
    const holder = new ChildPart(fragment.appendChild(text()));
    const values = base.inline.map((slot) => htmlOf(node[slot], ctx));
    holder.reset("node");
    holder.hold(buildInstance(node, ctx, cid, values, statics));
    return { instance: new Instance(base, [holder], [holder], cid, values), fragment };
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
    if (part instanceof ElementPart) part.update(node, ctx, true);
    else part.set(node[(specs[i] as { slot: number }).slot], ctx, true);
  });
  if (cid !== null) instance.rootElement()?.setAttribute("data-phx-component", String(cid));
  if (template.lifecycle) noteInserted(fragment, ctx);
  return { instance, fragment };
}

/**
 * Applies the message's diff of component `cid` once (its first use: a slot placing it, another
 * component borrowing its statics, or the view after the tree) and returns its instance.
 */
export function applyComponent(cid: number, ctx: RenderContext): Instance | undefined {
  const diff = ctx.incoming[cid];
  const existing = ctx.components.get(cid);
  if (!diff || ctx.done.has(cid)) return existing;
  ctx.done.add(cid);
  // A component's numeric statics never name the root's templates (the server gives each
  // component's comprehensions their own).
  const templates = ctx.templates;
  ctx.templates = undefined;
  const ref = diff.s;
  if (existing && ref === undefined) existing.patch(diff, ctx);
  else {
    let built: Built;
    if (typeof ref === "number") {
      // Statics shared with another component: as it was before this message (a negative cid)
      // or as this message leaves it; the diff is a patch over that component's tree.
      const base = ref < 0 ? ctx.before.get(-ref) : applyComponent(ref, ctx)?.value();
      if (!base) throw new Error(`component ${cid} shares statics with unknown ${-ref}`);
      built = buildInstance(base, ctx, cid);
      built.instance.patch(diff, ctx);
    } else built = buildInstance(diff, ctx, cid);
    ctx.components.set(cid, built.instance);
    // A component built again with new statics takes the place of its old DOM.
    existing?.owner?.hold(built);
  }
  ctx.templates = templates;
  return ctx.components.get(cid);
}

type Mode = "text" | "html" | "node" | "keyed" | "stream" | "component" | "append";

export class ChildPart {
  end: Node;
  private mode: Mode = "text";
  instance: Instance | null = null;
  entries: Instance[] = [];
  /** The text or markup shown, or the component's cid. */
  private shown: string | number = "";
  /** A comprehension's statics. */
  statics: string[] = [];
  /** A `phx-update="append"` or `"prepend"` comprehension's entries, as last rendered (see append). */
  private rendered: ChildPart | null = null;

  constructor(public start: Node) {
    this.end = start;
  }

  /** Sets the slot to what the server sent for it: a value, or a patch of the node it holds. */
  set(value: WireDynamic | undefined, ctx: RenderContext, fresh = false): void {
    if (value === undefined) return;
    const parent = this.start.parentNode!;
    if (!fresh) {
      if (ignored(parent)) return;
      if (parent.nodeType === Node.ELEMENT_NODE) patchElement(parent as Element, ctx, nothing);
    }
    if (typeof value === "string") {
      if (value.includes("<")) this.setHTML(value, ctx);
      else this.setText(decode(value));
      this.shown = value;
    } else if (typeof value === "number") this.setComponent(value, ctx);
    else if (value.k) {
      const full = value.s !== undefined;
      if (full) this.statics = staticsOf(value, ctx);
      // Entries' numeric statics name the enclosing table, else the comprehension's own.
      const templates = ctx.templates;
      ctx.templates ??= value.p;
      // A deprecated phx-update="append" or "prepend" container: see append.
      const update = seen.phxUpdate && !fresh && (parent as Element).getAttribute?.(binding("update"));
      if (update === "append" || update === "prepend") this.append(value, ctx, update);
      else if (this.mode === "stream" || (value.stream && this.mode !== "keyed")) {
        if (this.mode !== "stream") this.reset("stream");
        applyStream(this, value, ctx);
      } else if (this.mode === "keyed" && !full) patchKeyed(this, value.k, ctx);
      else {
        this.reset("keyed");
        this.add(value.k, 0, ctx);
      }
      ctx.templates = templates;
    } else if (this.mode === "node" && value.s === undefined) this.instance!.patch(value, ctx);
    else {
      this.reset("node");
      this.hold(buildInstance(value, ctx));
    }
  }

  /** What the slot shows, as a full render would send it (a stream's items are the page's). */
  value(): WireDynamic {
    const mode = this.mode;
    if (mode === "node") return this.instance!.value();
    if (mode === "append") return this.rendered!.value();
    if (mode !== "keyed" && mode !== "stream") return this.shown;
    const keyed: WireKeyed = { kc: this.entries.length };
    this.entries.forEach((entry, i) => (keyed[i] = entry.value()));
    return { s: this.statics, k: keyed };
  }

  /** Builds the comprehension entries of `keyed` from index `from` on and adds them at the end. */
  add(keyed: WireKeyed, from: number, ctx: RenderContext): void {
    const fragment = document.createDocumentFragment();
    for (let i = from; i < keyed.kc; i++) {
      const built = buildInstance(keyed[i] as WireNode, ctx, null, null, this.statics);
      this.entries.push(built.instance);
      fragment.appendChild(built.fragment);
    }
    this.insert(fragment);
  }

  private setText(data: string): void {
    if (this.mode !== "text") {
      this.clear();
      (this.end as ChildNode).remove();
      this.end = this.start;
      this.mode = "text";
    }
    const node = this.start as Text;
    if (node.data !== data) node.data = data;
  }

  private setHTML(html: string, ctx: RenderContext): void {
    this.reset("html");
    const fragment = parseHTML(html);
    if (html.includes(binding(""))) noteInserted(fragment, ctx);
    this.insert(fragment);
  }

  private setComponent(cid: number, ctx: RenderContext): void {
    const existing = applyComponent(cid, ctx);
    if (this.mode === "component" && this.shown === cid && this.instance === existing) return;
    this.reset("component");
    this.shown = cid;
    // A component keeps its DOM when its slot moves (a parent re-rendered around it). Its
    // nodes can be followed as siblings unless an earlier clear left several of them loose.
    if (existing && (existing.top.length === 1 || existing.first().parentNode !== null)) {
      if (existing.owner !== this) existing.owner?.forget();
      existing.owner = this;
      this.instance = existing;
      existing.moveBefore(this.end.parentNode!, this.end);
    } else {
      if (!existing) throw new Error(`no component ${cid}`);
      const built = buildInstance(existing.value(), ctx, cid);
      ctx.components.set(cid, built.instance);
      this.hold(built);
    }
  }

  /** Holds `built` (a nested node, or a component built again with new statics) in place of what was there. */
  hold(built: Built): void {
    this.clear();
    built.instance.owner = this;
    this.instance = built.instance;
    this.insert(built.fragment);
  }

  insert(fragment: Node): void {
    this.end.parentNode!.insertBefore(fragment, this.end);
  }

  /** Empties the slot for content of another kind, as a start/end range (the start node stays). */
  reset(mode: Mode): void {
    if (this.end === this.start) {
      (this.start as Text).data = "";
      this.end = this.start.parentNode!.insertBefore(text(), this.start.nextSibling);
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
  }

  /**
   * A comprehension in a `phx-update="append"` or `"prepend"` container (deprecated, kept so
   * that pages written for it work): the server's diffs build on its last render, which a
   * slot off the page keeps (patched as any comprehension); each of its entries then replaces
   * the element with its DOM id or is added at the end (or, in order, at the start), and the
   * elements the server no longer renders stay.
   */
  private append(value: WireNode, ctx: RenderContext, update: string): void {
    if (this.mode !== "append") {
      const last = this.value();
      this.rendered = new Detached().part;
      this.rendered.set(last, ctx, true);
      this.mode = "append";
    }
    const rendered = this.rendered!;
    rendered.set(value, ctx);
    const batch = document.createDocumentFragment();
    for (const entry of rendered.entries) {
      const copy = document.createDocumentFragment();
      siblings(entry.first(), entry.last(), (node) => copy.appendChild(node.cloneNode(true)));
      noteInserted(copy, ctx);
      const id = copy.firstElementChild?.id;
      const existing = id && (batch.querySelector(`[id="${CSS.escape(id)}"]`) ?? streamItem(this, id));
      if (existing) existing.replaceWith(copy);
      else batch.appendChild(copy);
    }
    this.end.parentNode!.insertBefore(batch, update === "prepend" ? this.start.nextSibling : this.end);
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
 * It keeps its slots' values: a write of one slot needs the others.
 */
export class ElementPart {
  /** The attributes the last list set (those it no longer sets are removed). */
  private names: string[] = [];
  readonly slots: number[];
  /** Each slot's value: its HTML, or a detached slot for a node (read as its HTML). */
  readonly values: Array<string | Detached> = [];
  constructor(private el: Element, private readonly spec: Exclude<PartSpec, { kind: "child" }>) {
    this.slots = spec.kind === "attrs" ? [spec.slot] : spec.slots;
  }

  update(diff: WireNode, ctx: RenderContext, fresh = false): void {
    const el = this.el;
    const spec = this.spec;
    const values = this.values;
    this.slots.forEach((slot, i) => {
      const value = diff[slot];
      if (typeof value === "string") values[i] = value;
      else if (value !== undefined) {
        const detached = values[i] instanceof Detached ? (values[i] as Detached) : (values[i] = new Detached());
        detached.part.set(value, ctx, fresh);
      }
    });
    const html = (i: number) => {
      const value = values[i]!;
      return typeof value === "string" ? value : value.html();
    };
    const joined = spec.kind === "attrs" ? html(0) : spec.slots.reduce((out, _, i) => out + html(i) + spec.strings[i + 1], spec.strings[0]!);
    if (spec.kind === "content") {
      if (!fresh && ignored(el)) return;
      const content = el.localName === "script" || el.localName === "style" ? joined : decode(joined);
      if (!fresh) patchElement(el, ctx, nothing);
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
 * entries that kept their relative order allows. A new entry is sent in full.
 */
function patchKeyed(part: ChildPart, diff: WireKeyed, ctx: RenderContext): void {
  const old = part.entries;
  const count = diff.kc;
  if (!diff.km) {
    for (const key in diff) {
      const i = +key;
      if (i < old.length && i < count) old[i]!.patch(diff[i] as WireNode, ctx);
    }
    if (count === 0) part.clear();
    else for (let i = count; i < old.length; i++) old[i]!.remove();
    if (count < old.length) old.length = count;
    else if (count > old.length) part.add(diff, old.length, ctx);
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
    if (patch) next[i]!.patch(patch, ctx);
  };
  for (let i = 0; i < count; i++) {
    const entry = diff[i];
    if (typeof entry === "number") take(i, entry);
    else if (Array.isArray(entry)) take(i, entry[0], entry[1]);
  }
  const statics = part.statics;
  for (let i = 0; i < count; i++) {
    if (next[i]) continue;
    const entry = diff[i] as WireNode | undefined;
    if (entry === undefined || (i < old.length && !claimed[i])) take(i, i, entry);
    else {
      const built = buildInstance(entry, ctx, null, null, statics);
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
 * `limit` prunes from the opposite end; deletes and reset remove by id. Every entry a diff
 * sends is an item in full.
 */
function applyStream(part: ChildPart, diff: WireNode, ctx: RenderContext): void {
  const ops = diff.stream;
  const keyed = diff.k!;
  const statics = part.statics;
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
    if (appendBatch) parent.insertBefore(appendBatch, part.end);
    appendBatch = null;
  };
  for (let i = 0; i < keyed.kc; i++) {
    const entry = keyed[i];
    if (typeof entry !== "object" || Array.isArray(entry)) continue;
    const built = buildInstance(entry, ctx, null, null, statics);
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
}
