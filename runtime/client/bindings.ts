// DOM event bindings (`phx-click`, `phx-submit`, `phx-change`, keys, focus, window events,
// click-away, live links, drop targets): one listener per event type on the document, which
// finds the bound element and its view. Rate limits (`phx-debounce`, `phx-throttle`) are kept
// per element and event.
import { binding } from "./dom.ts";
import { markUsed } from "./forms.ts";
import type { LiveSocket } from "./live-socket.ts";

/** `phx-value-*` attributes, plus the element's `value` (forms and unchecked boxes aside). */
export function valuesOf(el: Element): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const valuePrefix = binding("value-");
  for (const attr of el.attributes) {
    if (attr.name.startsWith(valuePrefix)) out[attr.name.slice(valuePrefix.length)] = attr.value;
  }
  const control = el as HTMLInputElement;
  if (control.value !== undefined && !(el instanceof HTMLFormElement) && !(/^(checkbox|radio)$/.test(control.type) && !control.checked)) out.value = control.value;
  return out;
}

interface Limit {
  timer?: ReturnType<typeof setTimeout>;
  last: number;
  pending?: () => void;
}
const limits = new WeakMap<Element, Record<string, Limit>>();

/** Runs `action` now, later (debounce), or at most once per interval (throttle). */
function rateLimited(el: Element, kind: string, action: () => void, blurFlush: boolean): void {
  const debounce = el.getAttribute(binding("debounce"));
  const every = debounce ?? el.getAttribute(binding("throttle"));
  if (every === null) return action();
  let byKind = limits.get(el);
  if (!byKind) limits.set(el, (byKind = {}));
  const limit = (byKind[kind] ??= { last: 0 });
  const flush = () => {
    clearTimeout(limit.timer);
    const pending = limit.pending;
    limit.timer = limit.pending = undefined;
    pending?.();
  };
  const wait = Number(every) || 300;
  const since = Date.now() - limit.last;
  if (debounce !== null) {
    clearTimeout(limit.timer);
    limit.pending = action;
    if (debounce !== "blur") limit.timer = setTimeout(flush, wait);
    if (blurFlush) el.addEventListener("blur", flush, { once: true });
  } else if (since >= wait) {
    limit.last = Date.now();
    action();
  } else if (!limit.timer) {
    limit.pending = action;
    limit.timer = setTimeout(() => {
      limit.last = Date.now();
      flush();
    }, wait - since);
  }
}

/** Closest element from `target` up with `attr`, not crossing out of a view. */
function bound(target: EventTarget | null, attr: string): Element | null {
  // (The document and the window, targets too, have no `closest`.)
  const el = (target as Element).closest?.(`[${attr}],[data-phx-session]`);
  return el?.hasAttribute(attr) ? el : null;
}

export function bindEvents(host: LiveSocket): void {
  const on = (type: string, listener: (event: Event) => void, target: EventTarget = document) => target.addEventListener(type, listener);
  /**
   * Every binding runs here: `encoded` (binding `attr` of `el`, `phx-<type>` unless told) as
   * commands or an event pushed with the element's values, when `el` is in a view. A key
   * event's `key` goes with them, and must match the element's `phx-key`, if any. `limited`
   * bindings follow `phx-debounce`/`phx-throttle`.
   */
  const fire = (el: Element | null, type: string, event: Event, limited = false, attr = binding(type), encoded = el?.getAttribute(attr)) => {
    const view = el && host.viewOf(el);
    if (!view || encoded == null) return;
    const keyed = event instanceof KeyboardEvent;
    const key = el.getAttribute(binding("key"));
    if (keyed && key && key.toLowerCase() !== event.key?.toLowerCase()) return;
    const run = () => host.run(view, el, type, encoded, { ...(keyed && { key: event.key }), ...valuesOf(el), ...host.opts.metadata?.[type]?.(event, el) }, event);
    if (limited) rateLimited(el, type, run, type !== "click");
    else run();
  };

  on("click", (event) => {
    const e = event as MouseEvent;
    const target = e.target as Element;
    const link = target.closest?.<HTMLAnchorElement>("a[data-phx-link]");
    if (link && !e.defaultPrevented && e.button === 0 && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) && host.main?.isConnected() && link.target !== "_blank") {
      e.preventDefault();
      return host[link.getAttribute("data-phx-link") === "patch" ? "patch" : "navigate"](link.href, link.getAttribute("data-phx-link-state") === "replace");
    }
    const el = bound(target, binding("click"));
    if (el?.localName === "a" && el.getAttribute("href") === "#") e.preventDefault();
    fire(el, "click", e, true);
    const away = binding("click-away");
    for (const other of document.querySelectorAll<HTMLElement>(`[${away}]`)) {
      if (!other.contains(target) && (other.offsetParent || getComputedStyle(other).position === "fixed")) fire(other, "click", e, false, away);
    }
  });

  on("submit", (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.hasAttribute(binding("submit"))) return;
    event.preventDefault();
    for (const el of form.elements) markUsed(el);
    fire(form, "submit", event);
  });

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!(input instanceof Element) || !("form" in input)) return;
    // Typing fires `input`; boxes, radios, selects and file pickers settle on `change` (they
    // fire both, and one push per change is wanted).
    const settles = input.localName === "select" || /^(checkbox|radio|file)$/.test(input.type);
    if (event.type === (settles ? "input" : "change")) return;
    markUsed(input);
    const attr = binding("change");
    fire(input, "change", event, true, attr, input.getAttribute(attr) ?? input.form?.getAttribute(attr));
  };
  on("input", onInput);
  on("change", onInput);

  // Key bindings are found from the target up; focus and blur ones on the target itself. The
  // `phx-window-*` ones of every element run whatever the target (focus and blur: the window's).
  for (const [type, domType] of [["keydown", "keydown"], ["keyup", "keyup"], ["focus", "focusin"], ["blur", "focusout"]] as const) {
    const keyed = domType === type;
    on(domType, (event) => {
      const target = event.target;
      if (keyed) return fire(bound(target, binding(type)), type, event, true);
      if (!(target instanceof Element)) return;
      if (type === "blur" && "form" in target) markUsed(target);
      fire(target, type, event);
    });
    const attr = binding(`window-${type}`);
    on(type, (event) => {
      if (keyed || event.target === window) for (const el of document.querySelectorAll(`[${attr}]`)) fire(el, type, event, keyed, attr);
    }, window);
  }

  // Files dropped on a drop target are read now (a transfer is readable only during its
  // event) and handed to the upload module.
  const drag = (event: Event) => {
    const e = event as DragEvent;
    const zone = (e.target as Element).closest?.(`[${binding("drop-target")}]`);
    if (!zone) return;
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (e.type === "drop") void host.uploads().then((u) => u.drop(zone, files));
  };
  on("dragover", drag);
  on("drop", drag);
}
