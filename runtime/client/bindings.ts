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
const limits = new WeakMap<Element, Map<string, Limit>>();

/** Runs `action` now, later (debounce), or at most once per interval (throttle). */
function rateLimited(el: Element, kind: string, action: () => void, blurFlush = true): void {
  const debounce = el.getAttribute(binding("debounce"));
  const throttle = el.getAttribute(binding("throttle"));
  if (debounce === null && throttle === null) return action();
  const byKind = limits.get(el) ?? new Map<string, Limit>();
  limits.set(el, byKind);
  const limit = byKind.get(kind) ?? { last: 0 };
  byKind.set(kind, limit);
  const flush = () => {
    clearTimeout(limit.timer);
    const pending = limit.pending;
    limit.timer = limit.pending = undefined;
    pending?.();
  };
  const wait = Number(debounce ?? throttle) || 300;
  const now = Date.now();
  if (debounce !== null) {
    clearTimeout(limit.timer);
    limit.pending = action;
    if (debounce !== "blur") limit.timer = setTimeout(flush, wait);
    if (blurFlush) el.addEventListener("blur", flush, { once: true });
  } else if (now - limit.last >= wait) {
    limit.last = now;
    action();
  } else if (!limit.timer) {
    limit.pending = action;
    limit.timer = setTimeout(() => {
      limit.last = Date.now();
      flush();
    }, wait - (now - limit.last));
  }
}

/** Closest element from `target` up with `attr`, not crossing out of a view. */
function bound(target: EventTarget | null, attr: string): Element | null {
  let el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  for (; el && !el.hasAttribute(attr); el = el.parentElement) if (el.hasAttribute("data-phx-session")) return null;
  return el;
}

const on = (target: EventTarget, type: string, listener: (event: Event) => void) => target.addEventListener(type, listener);

export function bindEvents(host: LiveSocket): void {
  /** Runs binding `attr` of `el` (when `el` is in a view) with its values and `extra`. */
  const fire = (el: Element, type: string, attr: string, event: Event, extra: Record<string, unknown> = {}, limited = false) => {
    const view = host.viewOf(el);
    const encoded = el.getAttribute(attr);
    if (!view || encoded === null) return;
    const run = () => host.run(view, el, type, encoded, { ...extra, ...valuesOf(el), ...host.opts.metadata?.[type]?.(event, el) }, event);
    if (limited) rateLimited(el, type, run, type !== "click");
    else run();
  };
  /** `phx-window-<type>`: every element with it, whatever the event's target. */
  const fireAll = (type: string, event: Event, extra?: Record<string, unknown>, limited?: boolean) => {
    const attr = binding(`window-${type}`);
    for (const el of document.querySelectorAll(`[${attr}]`)) if (keyMatches(el, event)) fire(el, type, attr, event, extra, limited);
  };
  const keyMatches = (el: Element, event: Event) => {
    const key = el.getAttribute(binding("key"));
    return !key || key.toLowerCase() === (event as KeyboardEvent).key?.toLowerCase();
  };

  on(document, "click", (event) => {
    const e = event as MouseEvent;
    const target = e.target as Element;
    const link = target instanceof Element ? target.closest<HTMLAnchorElement>("a[data-phx-link]") : null;
    if (link && !e.defaultPrevented && e.button === 0 && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) && host.main?.isConnected() && link.target !== "_blank") {
      e.preventDefault();
      return host[link.getAttribute("data-phx-link") === "patch" ? "patch" : "navigate"](link.href, link.getAttribute("data-phx-link-state") === "replace");
    }
    const click = binding("click");
    const el = bound(target, click);
    if (el) {
      if (el.localName === "a" && el.getAttribute("href") === "#") e.preventDefault();
      fire(el, "click", click, e, {}, true);
    }
    const away = binding("click-away");
    for (const other of document.querySelectorAll(`[${away}]`)) {
      if (other.contains(target) || (!(other as HTMLElement).offsetParent && getComputedStyle(other).position !== "fixed")) continue;
      fire(other, "click", away, e);
    }
  });

  on(document, "submit", (event) => {
    const form = event.target as HTMLFormElement;
    const encoded = form.getAttribute(binding("submit"));
    if (encoded === null) return;
    event.preventDefault();
    const view = host.viewOf(form);
    if (!view) return;
    for (const el of form.elements) markUsed(el);
    host.run(view, form, "submit", encoded, {}, event);
  });

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!(input instanceof Element) || !("form" in input)) return;
    // Typing fires `input`; boxes, radios, selects and file pickers settle on `change` (they
    // fire both, and one push per change is wanted).
    const settles = input.localName === "select" || /^(checkbox|radio|file)$/.test(input.type);
    if (event.type === (settles ? "input" : "change")) return;
    markUsed(input);
    const encoded = input.getAttribute(binding("change")) ?? input.form?.getAttribute(binding("change"));
    const view = host.viewOf(input);
    if (encoded != null && view) rateLimited(input, "change", () => host.run(view, input, "change", encoded, {}, event));
  };
  on(document, "input", onInput);
  on(document, "change", onInput);

  for (const type of ["keydown", "keyup"]) {
    on(document, type, (event) => {
      const el = bound(event.target, binding(type));
      const extra = { key: (event as KeyboardEvent).key };
      if (el && keyMatches(el, event)) fire(el, type, binding(type), event, extra, true);
    });
    on(window, type, (event) => fireAll(type, event, { key: (event as KeyboardEvent).key }, true));
  }

  for (const [type, dom] of [["focus", "focusin"], ["blur", "focusout"]]) {
    on(document, dom!, (event) => {
      const el = event.target;
      if (!(el instanceof Element)) return;
      if (type === "blur" && "form" in el) markUsed(el);
      fire(el, type!, binding(type!), event);
    });
    on(window, type!, (event) => {
      if (event.target === window) fireAll(type!, event);
    });
  }

  // Files dropped on a drop target are read now (a transfer is readable only during its
  // event) and handed to the upload module.
  const drag = (event: Event) => {
    const e = event as DragEvent;
    const zone = e.target instanceof Element && e.target.closest(`[${binding("drop-target")}]`);
    if (!zone) return;
    e.preventDefault();
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (e.type === "drop") void host.uploads().then((u) => u.drop(zone, files));
  };
  on(document, "dragover", drag);
  on(document, "drop", drag);
}
