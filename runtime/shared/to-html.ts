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

interface Output {
  html: string;
  components: WireComponents;
  stream: ((ref: string) => string | undefined) | null;
}

/** The HTML of a merged state. Throws when the state references a missing component or statics. */
export function toHTML(state: RenderedState, options: ToHTMLOptions = {}): string {
  const out: Output = {
    html: "",
    components: state[COMPONENTS] ?? {},
    stream: options.stream ?? null,
  };
  writeNode(state, out);
  return out.html;
}

/** The HTML of each entry of a merged comprehension, in order. */
export function entriesToHTML(node: WireNode, components: WireComponents): string[] {
  const statics = staticsOf(node);
  const html: string[] = [];
  for (let i = 0; i < (node[KEYED]?.[KEYED_COUNT] ?? 0); i++) {
    const out: Output = { html: "", components, stream: null };
    writeSlots(entryOf(node, i), statics, out);
    html.push(out.html);
  }
  return html;
}

/** Entry `i` of a merged comprehension. */
function entryOf(node: WireNode, i: number): WireNode {
  const entry = node[KEYED]![i];
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new Error(`no keyed entry ${i}`);
  return entry;
}

/** The HTML of one component of a merged state. */
export function componentToHTML(state: RenderedState, cid: number, options: ToHTMLOptions = {}): string {
  const out: Output = {
    html: "",
    components: state[COMPONENTS] ?? {},
    stream: options.stream ?? null,
  };
  writeComponent(cid, out);
  return out.html;
}

/** The statics of a merged node (`where` names it in the error when it has none inline). */
export function staticsOf(node: WireNode, where = "a node"): string[] {
  const statics = node[STATIC];
  if (!Array.isArray(statics)) {
    throw new Error(`${where} has no inline statics`);
  }
  return statics;
}

/** Component `cid` of a merged state's components. */
export function componentOf(components: WireComponents | undefined, cid: number): WireNode {
  const component = components?.[cid];
  if (!component) throw new Error(`no component ${cid}`);
  return component;
}

function writeNode(node: WireNode, out: Output): void {
  const statics = staticsOf(node);
  if (node[KEYED] !== undefined) {
    const kept = out.stream && node[STREAM] ? out.stream(node[STREAM][0]) : undefined;
    if (kept !== undefined) {
      out.html += kept;
      return;
    }
    for (let i = 0; i < node[KEYED][KEYED_COUNT]; i++) writeSlots(entryOf(node, i), statics, out);
    return;
  }
  writeSlots(node, statics, out);
}

function writeSlots(node: WireNode, statics: readonly string[], out: Output): void {
  for (let i = 0; i < statics.length - 1; i++) {
    out.html += statics[i];
    writeDynamic(node[i], out);
  }
  out.html += statics[statics.length - 1];
}

function writeDynamic(value: WireDynamic | undefined, out: Output): void {
  if (typeof value === "string") out.html += value;
  else if (typeof value === "number") writeComponent(value, out);
  else if (value === undefined) throw new Error("a slot is missing");
  else writeNode(value, out);
}

function writeComponent(cid: number, out: Output): void {
  writeNode(componentOf(out.components, cid), out);
}
