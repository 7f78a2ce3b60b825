// The HTTP render of a live view with its stateful components, straight to HTML (no diff
// engine, no wire tree). Components get the cids a connected mount would give them, in the
// same order, and are mounted, updated and rendered in that order too: the diff engine numbers
// the components of a tree as it meets them and renders them afterwards, breadth first
// (`renderPending`). So does this: a component met while rendering becomes a placeholder and
// joins a queue; the queue is rendered after its parent; the placeholders are then replaced.
import { randomBytes } from "node:crypto";
import type { ComponentRef } from "../shared/rendered.ts";
import { withComponentHtml } from "../shared/template.ts";
import { describeComponent } from "./describe.ts";

/** Renders one stateful component's HTML (mounting it first); `cid` is its `@myself`. */
export type ComponentHtmlRenderer = (cid: number, ref: ComponentRef) => string;

/**
 * Placeholders hold a per-process random tag that no render ever prints, between NUL
 * characters that escaping leaves alone and templates practically never contain.
 */
const TAG = `\u0000lh-${randomBytes(8).toString("hex")}-`;
const PLACEHOLDER = new RegExp(`${TAG}(\\d+)\u0000`, "g");

/** `render()`'s HTML with every stateful component it places rendered in. */
/** Called before each round of components (as the diff engine's `prepareComponents`). */
export type ComponentHtmlPreparer = (batch: ReadonlyArray<{ readonly cid: number; readonly ref: ComponentRef; readonly isNew: true }>) => void;

export function renderHtmlWithComponents(render: () => string, renderComponent: ComponentHtmlRenderer, prepare?: ComponentHtmlPreparer): string {
  const queue: Array<{ cid: number; ref: ComponentRef }> = [];
  // Made with the first component: a page without any (most) allocates no map.
  let seen: Map<unknown, Set<string>> | null = null;
  let nextCid = 1;
  const place = (ref: ComponentRef): string => {
    seen ??= new Map();
    let ids = seen.get(ref.component);
    if (!ids) seen.set(ref.component, (ids = new Set()));
    if (ids.has(ref.id)) {
      throw new Error(`found duplicate ID ${JSON.stringify(ref.id)} for component ${describeComponent(ref.component)} when rendering template`);
    }
    ids.add(ref.id);
    const cid = nextCid++;
    queue.push({ cid, ref });
    return `${TAG}${cid}\u0000`;
  };
  return withComponentHtml(place, () => {
    const page = render();
    if (queue.length === 0) return page;
    const htmlByCid = new Map<number, string>();
    // Components placed by components join the same queue, behind those already in it.
    // In rounds, as the diff engine does: those met so far, then those they placed.
    for (let k = 0; k < queue.length; ) {
      const round = queue.slice(k);
      prepare?.(round.map(({ cid, ref }) => ({ cid, ref, isNew: true as const })));
      for (const { cid, ref } of round) htmlByCid.set(cid, renderComponent(cid, ref));
      k += round.length;
    }
    const expand = (html: string): string => html.replace(PLACEHOLDER, (_, cid: string) => expand(htmlByCid.get(Number(cid))!));
    return expand(page);
  });
}
