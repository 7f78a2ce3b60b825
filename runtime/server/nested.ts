// Nested live views: `liveRender(View, { id, session, sticky, container })` inside a live view's
// template (or a root layout). The child is a live view of its own: its own channel `lv:<id>`,
// joined with its parent's id (`data-phx-parent-id`), its own state, its own crash.
//
// What the call returns depends on the render it happens in, so a module variable says which
// one is running (renders are synchronous, so exactly one is in progress at a time):
// - the HTTP render of a page: a placeholder, replaced once the render is done by the child's
//   own HTTP render (mount is asynchronous, the template render is not);
// - a connected render: the child's empty container with its signed session token, the same
//   string on every render, so the parent's diffs never touch the child's DOM.
import { SafeHTML } from "../shared/escape.ts";
import { checkContainer, type ContainerOptions } from "./container.ts";
import { randomToken } from "./random.ts";
import { viewName, type AnyView } from "./view.ts";

export interface LiveRenderOptions {
  /** The child's DOM id and channel topic (`lv:<id>`): unique on the page. */
  readonly id: string;
  /** Values added to the child's session (over its parent's). */
  readonly session?: Readonly<Record<string, unknown>>;
  /** Kept across live navigation of the page's main view (no parent: it joins on its own). */
  readonly sticky?: boolean;
  /** The element the child goes in (default `<div>`). */
  readonly container?: ContainerOptions;
}

/** One `liveRender` call, checked. */
export interface ChildSpec {
  readonly view: AnyView;
  readonly id: string;
  readonly session: Readonly<Record<string, unknown>>;
  readonly sticky: boolean;
  readonly container: ContainerOptions | undefined;
}

/** What the render in progress does with a child view it meets. */
export type ChildRenderer = (child: ChildSpec) => string;

let current: ChildRenderer | null = null;

/** Runs `render` with `liveRender` calls sent to `renderer`; restores the previous one after. */
export function withChildRenderer<T>(renderer: ChildRenderer, render: () => T): T {
  const previous = current;
  current = renderer;
  try {
    return render();
  } finally {
    current = previous;
  }
}

const ID = /^[A-Za-z][\w:.-]*$/;

/**
 * Renders live view `view` as a child of the view whose template calls it (or, `sticky`, on
 * its own beside the page's main view). Valid only while a live view or a root layout renders.
 */
export function liveRender(view: AnyView, options: LiveRenderOptions): SafeHTML {
  const child = checkChild(view, options);
  if (current === null) {
    throw new Error(
      `livehtml: liveRender(${viewName(view)}, { id: ${JSON.stringify(child.id)} }) renders only inside a live view's template or a root layout, ` +
        "not through renderToString or html()",
    );
  }
  return new SafeHTML(current(child));
}

function checkChild(view: AnyView, options: LiveRenderOptions): ChildSpec {
  const where = `liveRender(${typeof view === "object" && view !== null ? viewName(view) : String(view)})`;
  if (typeof view !== "object" || view === null || view.kind !== "view") throw new Error(`livehtml: ${where}: the first argument must be a view made with defineView`);
  if (typeof options !== "object" || options === null) throw new Error(`livehtml: ${where}: options with an \`id\` are required`);
  const { id } = options;
  if (typeof id !== "string" || !ID.test(id)) {
    throw new Error(`livehtml: ${where}: \`id\` must be a string that starts with a letter and holds only letters, digits, "_", "-", ":" or "." (got ${JSON.stringify(id)}); it names the child's element and channel`);
  }
  if (options.session !== undefined && (typeof options.session !== "object" || options.session === null || Array.isArray(options.session))) {
    throw new Error(`livehtml: ${where}: \`session\` must be an object`);
  }
  if (options.container) checkContainer(options.container, where);
  return { view, id, session: options.session ?? {}, sticky: options.sticky === true, container: options.container };
}

/** Placeholders of the HTTP render: a per-process random tag no render prints, between NULs. */
const TAG = `\u0000lh-view-${randomToken(9)}-`;
const PLACEHOLDER = new RegExp(`${TAG}(\\d+)\u0000`, "g");

/**
 * The HTTP render's side: collects the children a render meets (checking their ids are unique)
 * and leaves a placeholder for each, filled by `expand` once each child has rendered.
 */
export class ChildCollector {
  readonly children: ChildSpec[] = [];
  /** Made with the first child: most pages have none, and every GET makes a collector. */
  #ids: Set<string> | null = null;

  readonly renderer: ChildRenderer = (child) => {
    const ids = (this.#ids ??= new Set());
    if (ids.has(child.id)) throw duplicateId(child);
    ids.add(child.id);
    this.children.push(child);
    return `${TAG}${this.children.length - 1}\u0000`;
  };

  /** `html` with each placeholder replaced by its child's HTML (rendered one after another, in page order). */
  async expand(html: string, render: (child: ChildSpec) => Promise<string>): Promise<string> {
    if (this.children.length === 0) return html;
    const rendered: string[] = [];
    for (const child of this.children) rendered.push(await render(child));
    return html.replace(PLACEHOLDER, (_, index: string) => rendered[Number(index)]!);
  }
}

export function duplicateId(child: ChildSpec): Error {
  return new Error(`liveRender: the id ${JSON.stringify(child.id)} is used by more than one live view in this render (${viewName(child.view)}); each nested live view needs an id unique on the page`);
}
