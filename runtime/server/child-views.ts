// The nested live views a connected view renders, by id. Each child's container is built once
// (with its signed session token) and the same string is returned on every later render, so
// the diff engine, which sends a slot only when its text changed, never sends it again: the
// parent's diffs leave the child's DOM to the child.
//
// A child is known by its id: rendering the same id with another session does not remount it
// (the client keeps the joined child as it is, as LiveView's does); another view under the same
// id is a mistake and is reported.
import { duplicateId, type ChildSpec } from "./nested.ts";
import { viewName } from "./view.ts";

/** Builds a child's connected container (start and end tag, no content) for the view `parentId`. */
export type ChildContainer = (child: ChildSpec, parentId: string) => string;

export class ChildViews {
  readonly #byId = new Map<string, { spec: ChildSpec; html: string }>();
  /** Ids met in the render in progress (a render that meets one twice is an error). */
  #pass = new Set<string>();

  constructor(
    private readonly parentId: string,
    private readonly container: ChildContainer,
  ) {}

  /** Starts a render: ids may be met once each from here on. */
  beginRender(): void {
    this.#pass.clear();
  }

  readonly renderer = (child: ChildSpec): string => {
    if (this.#pass.has(child.id)) throw duplicateId(child);
    this.#pass.add(child.id);
    const known = this.#byId.get(child.id);
    if (known) {
      if (known.spec.view !== child.view) {
        throw new Error(`liveRender: the id ${JSON.stringify(child.id)} is already used by ${viewName(known.spec.view)}, not ${viewName(child.view)}; give each nested live view its own id`);
      }
      return known.html;
    }
    const html = this.container(child, this.parentId);
    this.#byId.set(child.id, { spec: child, html });
    return html;
  };

  /**
   * The client removed the child (its container left the page): its container is built anew if
   * the view renders the id again, so a view that renders ever new ids keeps only the live ones.
   */
  forget(id: string): void {
    this.#byId.delete(id);
  }

  /** The child rendered under `id`, if this view has rendered one. */
  get(id: string): ChildSpec | undefined {
    return this.#byId.get(id)?.spec;
  }

  get size(): number {
    return this.#byId.size;
  }
}
