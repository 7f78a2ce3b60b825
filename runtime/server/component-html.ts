// The HTTP render of a live view with its stateful components, straight to HTML (no diff
// engine, no wire tree). Components get the cids a connected mount would give them, in the
// same order, and are mounted, updated and rendered in that order too: the diff engine numbers
// the components of a tree as it meets them and renders them afterwards, breadth first
// (`renderPending`). So does this: a component met while rendering becomes a placeholder and
// joins a queue; the queue is rendered after its parent; the placeholders are then replaced.
import { randomBytes } from "node:crypto";
import type { ComponentRef } from "../shared/rendered.ts";
import { withComponentHtml, type ComponentPlacer } from "../shared/template.ts";
import { describeComponent } from "./describe.ts";

/** Renders one stateful component's HTML (mounting it first); `cid` is its `@myself`. */
export type ComponentHtmlRenderer = (cid: number, ref: ComponentRef) => string;

/** Called before each round of components (as the diff engine's `prepareComponents`). */
export type ComponentHtmlPreparer = (batch: ReadonlyArray<{ readonly cid: number; readonly ref: ComponentRef; readonly isNew: true }>) => void;

/**
 * Where the components of an HTML render are rendered: the view's component instances. An
 * object with methods rather than two callbacks, so that a GET makes no closure for them.
 */
export interface ComponentHtmlHost {
  renderHtml: ComponentHtmlRenderer;
  prepareComponents?: ComponentHtmlPreparer;
}

/**
 * A placeholder is `TAG` + cid + NUL. The tag holds a per-process random part that no render
 * ever prints, between NUL characters that escaping leaves alone and templates practically
 * never contain.
 */
const TAG = `\u0000lh-${randomBytes(8).toString("hex")}-`;
const END = "\u0000";

/** `render()`'s HTML with every stateful component it places rendered in. */
export function renderHtmlWithComponents(render: () => string, host: ComponentHtmlHost): string {
  const placements = new Placements();
  const page = withComponentHtml(placements, render);
  if (placements.queue.length === 0) return page;
  return withComponentHtml(placements, () => placements.renderAll(page, host));
}

/** The components an HTML render placed, in cid order (cid n is `queue[n - 1]`). */
class Placements implements ComponentPlacer {
  readonly queue: ComponentRef[] = [];
  // Made with the first component: a page without any (most) allocates no map.
  #seen: Map<unknown, Set<string>> | null = null;

  place(ref: ComponentRef): string {
    const seen = (this.#seen ??= new Map());
    let ids = seen.get(ref.component);
    if (!ids) seen.set(ref.component, (ids = new Set()));
    if (ids.has(ref.id)) {
      throw new Error(`found duplicate ID ${JSON.stringify(ref.id)} for component ${describeComponent(ref.component)} when rendering template`);
    }
    ids.add(ref.id);
    this.queue.push(ref);
    return TAG + this.queue.length + END;
  }

  /** The page with its components rendered in, after rendering them round by round. */
  renderAll(page: string, host: ComponentHtmlHost): string {
    const queue = this.queue;
    // By cid: the component's HTML, and whether it placed components of its own (only then is
    // it searched for placeholders).
    const htmls: string[] = [""];
    const nested: boolean[] = [false];
    // Components placed by components join the same queue, behind those already in it.
    // In rounds, as the diff engine does: those met so far, then those they placed.
    for (let k = 0; k < queue.length; ) {
      const end = queue.length;
      if (host.prepareComponents) {
        const batch = [];
        for (let i = k; i < end; i++) batch.push({ cid: i + 1, ref: queue[i]!, isNew: true as const });
        host.prepareComponents(batch);
      }
      for (let i = k; i < end; i++) {
        const before = queue.length;
        htmls.push(host.renderHtml(i + 1, queue[i]!));
        nested.push(queue.length !== before);
      }
      k = end;
    }
    return expand(page, htmls, nested);
  }
}

/** `html` with each placeholder replaced by its component's HTML, itself expanded. */
function expand(html: string, htmls: readonly string[], nested: readonly boolean[]): string {
  let out = "";
  let last = 0;
  for (let at = html.indexOf(TAG); at !== -1; at = html.indexOf(TAG, last)) {
    const close = html.indexOf(END, at + TAG.length);
    const cid = Number(html.slice(at + TAG.length, close));
    out += html.slice(last, at) + (nested[cid] ? expand(htmls[cid]!, htmls, nested) : htmls[cid]!);
    last = close + 1;
  }
  return out + html.slice(last);
}
