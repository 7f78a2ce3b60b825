// Small DOM helpers the whole client shares.

let prefix = "phx-";

/** Sets the page's `bindingPrefix` (one LiveSocket per page). */
export function setBindingPrefix(value: string): void {
  prefix = value;
}

/**
 * The attribute of a binding: the prefix plus its name (`binding("click")` → `phx-click`), as
 * the official client's `binding(kind)`. Status classes (`phx-connected`, `phx-click-loading`)
 * and `data-phx-*` attributes are not bindings and keep their names.
 */
export function binding(name: string): string {
  return prefix + name;
}

/** Dispatches `name` on the window with `detail` (`phx:page-loading-start`, `phx:NAME`, …). */
export function emit(name: string, detail?: unknown): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}

/**
 * Sets the page's title to one a view sent, framed by the `<title>`'s `data-prefix` and
 * `data-suffix` (`<.liveTitle>`); a blank one shows its `data-default`, or changes nothing.
 */
export function putTitle(title: string): void {
  const data = document.querySelector("title")?.dataset ?? {};
  const text = title.trim() ? title : data.default;
  if (text !== undefined) document.title = (data.prefix ?? "") + text + (data.suffix ?? "");
}

/** `root` itself when it matches (and is not `except`), then its matching descendants. */
export function within(root: Element, selector: string, except: Element | null = null): Element[] {
  const found = root !== except && root.matches(selector) ? [root] : [];
  for (const el of root.querySelectorAll(selector)) found.push(el);
  return found;
}
