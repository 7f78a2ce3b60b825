// `renderTemplate(template, assigns)`: a compiled template under test, without a view. It shows
// exactly what travels: `rendered` is the full wire tree a join reply carries, each `assign()`
// returns the diff a `diff` push would carry, and `html()` is the page as the client would
// build it by merging those diffs (runtime/shared/merge.ts).

import type { Changed, Rendered } from "../shared/rendered.ts";
import type { WireDiff } from "../shared/wire.ts";
import { assignValue } from "../shared/changes.ts";
import { mergeDiff, type RenderedState } from "../shared/merge.ts";
import { toHTML } from "../shared/to-html.ts";
import { DiffEngine } from "../server/diff.ts";

/** A compiled template: the default export of a `.live.html` module (the change map as 2nd argument). */
export type TemplateFunction<A> = (assigns: A, changed?: Changed) => Rendered;

export interface RenderedTemplate<A> {
  /** The full wire JSON of the first render (what a join reply carries as `rendered`). */
  readonly rendered: WireDiff;
  /** The current assigns (a copy; change them with `assign`). */
  readonly assigns: Readonly<A>;
  /** HTML built from the merged wire state, as the browser client would build it. */
  html(): string;
  /** Applies changes with LiveView's assign rules and returns the diff (`{}` when nothing changed). */
  assign(changes: Partial<A>): WireDiff;
}

export function renderTemplate<A extends object>(template: TemplateFunction<A>, assigns: A): RenderedTemplate<A> {
  const current: Record<string, unknown> = { ...(assigns as Record<string, unknown>) };
  const engine = new DiffEngine();
  const rendered = engine.render(template(current as A, null));
  let state: RenderedState = mergeDiff(null, structuredClone(rendered));

  return {
    rendered,
    get assigns() {
      return { ...current } as A;
    },
    html: () => toHTML(state),
    assign(changes) {
      const changed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(changes)) assignValue(current, changed, key, value);
      // LiveView does not render at all when nothing changed.
      if (Object.keys(changed).length === 0) return {};
      const diff = engine.render(template(current as A, changed));
      state = mergeDiff(state, structuredClone(diff));
      return diff;
    },
  };
}
