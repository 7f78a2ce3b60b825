// The items a stream shows in the page. The client keeps a stream's items in the DOM, not in its
// rendered state: each diff's stream comprehension holds only that render's inserts, and its
// `stream` operations (reset, deletes, inserts at a position with a limit) say what to do with
// the items already shown. `StreamItems` replays those operations, the way the client's DOM
// patch does, so that the test harness's `html()` shows every item still on the page.
import { entriesToHTML } from "../shared/to-html.ts";
import { COMPONENTS, KEYED, STREAM, type WireComponents, type WireDiff, type WireDynamic, type WireNode, type WireStream } from "../shared/wire.ts";

interface Item {
  readonly domId: string;
  html: string;
}

export class StreamItems {
  readonly #byRef = new Map<string, Item[]>();
  /** Stream operations already replayed (merged state keeps a diff's array until the next one). */
  readonly #seen = new WeakSet<WireStream>();

  /** Replays the stream operations that the last merge brought into `state`. */
  update(state: WireDiff): void {
    const components = state[COMPONENTS] ?? {};
    const visit = (value: WireDynamic | undefined): void => {
      if (typeof value !== "object" || value === null) return;
      const stream = value[STREAM];
      if (value[KEYED] !== undefined && stream && !this.#seen.has(stream)) {
        this.#seen.add(stream);
        this.#apply(stream, entriesToHTML(value, components));
      }
      for (const key in value) if (/^\d+$/.test(key)) visit(value[Number(key)]);
      if (value[KEYED]) for (const key in value[KEYED]) if (/^\d+$/.test(key)) visit(value[KEYED][Number(key)] as WireNode);
    };
    visit(state);
    for (const cid in components) visit((components as WireComponents)[Number(cid)]);
  }

  /** The HTML of the items stream `ref` shows, or undefined for a stream never seen. */
  html(ref: string): string | undefined {
    return this.#byRef.get(ref)?.map((item) => item.html).join("");
  }

  #apply([ref, inserts, deletes, reset]: WireStream, rendered: readonly string[]): void {
    let items = reset ? [] : (this.#byRef.get(ref) ?? []);
    if (deletes.length) items = items.filter((item) => !deletes.includes(item.domId));
    inserts.forEach(([domId, at, limit, updateOnly], i) => {
      const html = rendered[i] ?? "";
      const existing = items.find((item) => item.domId === domId);
      // An item already shown is updated where it is; `updateOnly` never adds one.
      if (existing) existing.html = html;
      else if (updateOnly) return;
      else if (at === -1 || at >= items.length) items.push({ domId, html });
      else items.splice(Math.max(at, 0), 0, { domId, html });
      if (limit !== null && limit !== undefined) items = limit >= 0 ? items.slice(0, limit) : items.slice(limit);
    });
    this.#byRef.set(ref, items);
  }
}
