// Renders merged client state (see merge.ts) back to HTML: statics interleaved with slots,
// keyed entries in order, integer slots as component trees (Phoenix `Diff.to_iodata`,
// the official client's `toOutputBuffer`). Without options the output is exactly what the
// server renders over HTTP, so tests can compare the two.
import { COMPONENTS, KEYED, KEYED_COUNT, STATIC, STREAM, type WireComponents, type WireDynamic, type WireNode } from "./wire.ts";
import type { RenderedState } from "./merge.ts";

export interface ToHTMLOptions {
  /**
   * The HTML a stream comprehension shows, by stream ref, instead of this render's entries: the
   * client keeps a stream's items in the page, not in its state (runtime/test/streams.ts).
   */
  stream?: (ref: string) => string | undefined;
}

/** What a render reads besides the node: the components, and the stream HTML kept elsewhere. */
interface Source {
  components: WireComponents;
  stream?: ((ref: string) => string | undefined) | undefined;
}

/** The HTML of a merged state. Throws when the state references a missing component or statics. */
export function toHTML(state: RenderedState, options: ToHTMLOptions = {}): string {
  return nodeHTML(state, { components: state[COMPONENTS] ?? {}, stream: options.stream });
}

/** The HTML of each entry of a merged comprehension, in order. */
export function entriesToHTML(node: WireNode, components: WireComponents): string[] {
  const statics = staticsOf(node);
  return Array.from({ length: node[KEYED]?.[KEYED_COUNT] ?? 0 }, (_, i) => slotsHTML(entryOf(node, i), statics, { components }));
}

/** The HTML of one component of a merged state. */
export function componentToHTML(state: RenderedState, cid: number, options: ToHTMLOptions = {}): string {
  return dynamicHTML(cid, { components: state[COMPONENTS] ?? {}, stream: options.stream });
}

/** The statics of a merged node (`where` names it in the error when it has none inline). */
export function staticsOf(node: WireNode, where = "a node"): string[] {
  const statics = node[STATIC];
  if (!Array.isArray(statics)) throw new Error(`${where} has no inline statics`);
  return statics;
}

/** Component `cid` of a merged state's components. */
export function componentOf(components: WireComponents | undefined, cid: number): WireNode {
  const component = components?.[cid];
  if (!component) throw new Error(`no component ${cid}`);
  return component;
}

/** Entry `i` of a merged comprehension. */
function entryOf(node: WireNode, i: number): WireNode {
  const entry = node[KEYED]![i];
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new Error(`no keyed entry ${i}`);
  return entry;
}

function nodeHTML(node: WireNode, source: Source): string {
  const statics = staticsOf(node);
  const keyed = node[KEYED];
  if (!keyed) return slotsHTML(node, statics, source);
  const kept = source.stream && node[STREAM] ? source.stream(node[STREAM][0]) : undefined;
  if (kept !== undefined) return kept;
  let html = "";
  for (let i = 0; i < keyed[KEYED_COUNT]; i++) html += slotsHTML(entryOf(node, i), statics, source);
  return html;
}

function slotsHTML(node: WireNode, statics: readonly string[], source: Source): string {
  let html = statics[0]!;
  for (let i = 1; i < statics.length; i++) html += dynamicHTML(node[i - 1], source) + statics[i];
  return html;
}

function dynamicHTML(value: WireDynamic | undefined, source: Source): string {
  if (typeof value === "string") return value;
  if (value === undefined) throw new Error("a slot is missing");
  return nodeHTML(typeof value === "number" ? componentOf(source.components, value) : value, source);
}
