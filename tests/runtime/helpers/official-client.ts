// Drives the official phoenix_live_view client's `Rendered` (rendered.js) from Node, to check
// that our diffs merge to the same HTML in the real client.
// rendered.js clones through `window.structuredClone`; Node has structuredClone globally.
const g = globalThis as { window?: unknown };
g.window ??= globalThis;

// @ts-expect-error: the official client ships untyped JavaScript sources.
import OfficialRendered from "../../../node_modules/phoenix_live_view/assets/js/phoenix_live_view/rendered.js";

/** The subset of the official client's Rendered used here (it is untyped JavaScript). */
interface OfficialRenderedInstance {
  rendered: Record<string, unknown> & { c?: Record<string, unknown> };
  mergeDiff(diff: unknown): void;
  resetRender(cid: number): void;
  recursiveToString(
    rendered: unknown,
    components: unknown,
    onlyCids: unknown,
    changeTracking: boolean,
    rootAttrs: Record<string, unknown>,
    cid: number | null,
  ): { buffer: string };
}
interface OfficialRenderedClass {
  new (viewId: string, rendered: unknown): OfficialRenderedInstance;
  extract(diff: unknown): { diff: unknown; title?: string; reply: unknown; events: unknown[] };
}
const Rendered = OfficialRendered as OfficialRenderedClass;

const MAGIC = / data-phx-(?:id|component|view)="[^"]*"/g;

/** A client-side view state fed with diffs as the official client does it. */
export class OfficialClient {
  private rendered: OfficialRenderedInstance | null = null;

  /** Applies one message diff (the first one is the join's `rendered`). */
  apply(message: unknown): void {
    const { diff } = Rendered.extract(structuredClone(message));
    if (this.rendered === null) this.rendered = new Rendered("phx-test", diff);
    else this.rendered.mergeDiff(diff);
  }

  /** The view's HTML without the client's magic attributes or skip optimisation. */
  html(): string {
    const r = this.rendered;
    if (r === null) throw new Error("no diff applied yet");
    // Full render: disable change tracking for the tree and every component.
    for (const cid of Object.keys(r.rendered.c ?? {})) r.resetRender(Number(cid));
    const { buffer } = r.recursiveToString(r.rendered, r.rendered.c, undefined, false, {}, null);
    return buffer.replace(MAGIC, "");
  }
}
