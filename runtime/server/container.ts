// The element a live view's HTML goes in: `<div>` by default, or the tag and attributes a route
// asks for (`live(path, View, { container: { tag: "main", attrs: { class: "app" } } })`), as
// LiveView's `container: {tag, attrs}` option. The runtime owns `id` and the `data-phx-*`
// attributes the client joins from, so those cannot be given.
import { escapeAttr } from "./context.ts";

export interface ContainerOptions {
  /** Element name, e.g. "main" or "section". Default "div". */
  readonly tag?: string;
  /** Extra attributes; `true` renders a bare attribute. */
  readonly attrs?: Readonly<Record<string, string | true>>;
}

const TAG = /^[a-z][a-z0-9-]*$/i;
const ATTRIBUTE = /^[^\s"'>/=\x00-\x1f]+$/;
const DIV_CLOSE = "</div>";
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Throws a clear error for a container the page could not be built with. */
export function checkContainer(container: ContainerOptions, where: string): void {
  const tag = container.tag ?? "div";
  if (!TAG.test(tag) || VOID.has(tag.toLowerCase())) {
    throw new Error(`livehtml: ${where}: container tag ${JSON.stringify(tag)} must be the name of an element that can hold content`);
  }
  for (const [name, value] of Object.entries(container.attrs ?? {})) {
    if (!ATTRIBUTE.test(name)) throw new Error(`livehtml: ${where}: container attribute name ${JSON.stringify(name)} is not a valid attribute name`);
    const lower = name.toLowerCase();
    if (lower === "id" || lower.startsWith("data-phx-")) {
      throw new Error(`livehtml: ${where}: container attribute "${name}" is set by livehtml (the client joins the view through it)`);
    }
    if (value !== true && typeof value !== "string") throw new Error(`livehtml: ${where}: container attribute "${name}" must be a string or true`);
  }
}

/** The container's start and end tags, with the runtime's attributes (`id="…" data-phx-…`) first. */
export function containerTags(container: ContainerOptions | undefined, runtimeAttrs: string): { open: string; close: string } {
  // Most views go in a plain `<div>`: its end tag is one constant, not built for every page.
  if (container === undefined) return { open: `<div ${runtimeAttrs}>`, close: DIV_CLOSE };
  const tag = container.tag ?? "div";
  let attrs = runtimeAttrs;
  if (container.attrs) for (const [name, value] of Object.entries(container.attrs)) attrs += value === true ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`;
  return { open: `<${tag} ${attrs}>`, close: `</${tag}>` };
}
