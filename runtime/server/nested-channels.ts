// Which joined channels of one connection are nested live views, and whose. A child joins only
// beside a running parent that renders it; it ends when its parent ends (crash, leave,
// navigation), as a LiveView child process exits with its parent; the client then joins it
// again under the parent's next join. A child's crash is its own: the parent keeps running.
import type { SessionToken } from "./context.ts";
import type { ViewRuntime } from "./view-runtime.ts";

/** What the connection knows of a joined view: its parent topic (null for a root) and view key. */
interface Joined {
  readonly parent: string | null;
  readonly view: string;
}

export type NestedJoin =
  | { kind: "root" }
  | { kind: "child"; parentTopic: string; parent: ViewRuntime }
  | { kind: "refused"; why: string };

export class NestedChannels {
  readonly #joined = new Map<string, Joined>();

  /**
   * Decides a join from its verified token: a root view, or a child whose parent (found with
   * `runtimeOf`) is running on this connection and renders this child under this id.
   */
  resolve(token: SessionToken, runtimeOf: (topic: string) => ViewRuntime | null): NestedJoin {
    if (!token.parent) return { kind: "root" };
    const parentTopic = `lv:${token.parent}`;
    const parent = runtimeOf(parentTopic);
    if (!parent || !parent.alive) return { kind: "refused", why: `its parent ${token.parent} is not running on this connection` };
    const spec = parent.children.get(token.id);
    if (!spec) return { kind: "refused", why: `its parent ${parent.name} (${token.parent}) does not render a live view with id "${token.id}"` };
    return { kind: "child", parentTopic, parent };
  }

  /**
   * Why a join of `topic` may not replace the view joined there now: another view (or the same
   * view under another parent) already uses the id. Null when it is a rejoin of the same view.
   */
  clash(topic: string, token: SessionToken): string | null {
    const joined = this.#joined.get(topic);
    if (!joined) return null;
    if (joined.view === token.view && joined.parent === (token.parent ?? null)) return null;
    const id = topic.slice(3);
    return `two live views on this page use the id "${id}" (${joined.view}${joined.parent ? ` in ${joined.parent}` : ""} and ${token.view}${token.parent ? ` in ${token.parent}` : ""}); each nested live view needs an id unique on the page`;
  }

  joined(topic: string, token: SessionToken): void {
    this.#joined.set(topic, { parent: token.parent ? `lv:${token.parent}` : null, view: token.view });
  }

  /** The topic of the view `topic` is nested in, if any. */
  parentOf(topic: string): string | null {
    return this.#joined.get(topic)?.parent ?? null;
  }

  /** `topic` ended: forgets it and returns the topics of its children, which end with it. */
  ended(topic: string): string[] {
    this.#joined.delete(topic);
    const children: string[] = [];
    for (const [child, joined] of this.#joined) if (joined.parent === topic) children.push(child);
    return children;
  }
}
