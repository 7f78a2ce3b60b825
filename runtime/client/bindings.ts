// DOM event bindings (`phx-click`, `phx-submit`, `phx-change`, keys, focus, window events,
// click-away): one listener per event type on the document, which finds the bound element
// and its view. Rate limits (`phx-debounce`, `phx-throttle`) are kept per element and event.
import { binding } from "./dom.ts";
import { markUsed } from "./forms.ts";
import type { View } from "./view.ts";

export interface BindingHost {
  viewOf(el: Element): View | null;
  /** Runs `encoded` (an event name or a command list) for `el`, with a default push. */
  run(view: View, el: Element, eventType: string, encoded: string, value: Record<string, unknown>, event: Event | null): void;
  linkClick(event: MouseEvent, link: HTMLAnchorElement): boolean;
  metadata: Record<string, (event: Event, el: Element) => Record<string, unknown>>;
}

/** `phx-value-*` attributes, plus the element's `value` (forms and unchecked boxes aside). */
export function valuesOf(el: Element): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const valuePrefix = binding("value-");
  for (const attr of el.attributes) {
    if (attr.name.startsWith(valuePrefix)) out[attr.name.slice(valuePrefix.length)] = attr.value;
  }
  const control = el as HTMLInputElement;
  if (control.value !== undefined && !(el instanceof HTMLFormElement)) {
    if (!(el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && !el.checked)) out.value = control.value;
  }
  return out;
}

interface Limit {
  timer: ReturnType<typeof setTimeout> | null;
  last: number;
  pending: (() => void) | null;
}
const limits = new WeakMap<Element, Map<string, Limit>>();

/** Runs `action` now, later (debounce), or at most once per interval (throttle). */
function rateLimited(el: Element, kind: string, action: () => void, blurFlush = true): void {
  const debounce = el.getAttribute(binding("debounce"));
  const throttle = el.getAttribute(binding("throttle"));
  if (debounce === null && throttle === null) return action();
  let byKind = limits.get(el);
  if (!byKind) limits.set(el, (byKind = new Map()));
  let limit = byKind.get(kind);
  if (!limit) byKind.set(kind, (limit = { timer: null, last: 0, pending: null }));
  const state = limit;
  if (debounce !== null) {
    if (state.timer) clearTimeout(state.timer);
    state.pending = action;
    if (debounce !== "blur") state.timer = setTimeout(() => flush(state), Number(debounce) || 300);
    if (blurFlush) el.addEventListener("blur", () => flush(state), { once: true });
    return;
  }
  const wait = Number(throttle) || 300;
  const now = Date.now();
  if (now - state.last >= wait) {
    state.last = now;
    action();
  } else if (!state.timer) {
    state.pending = action;
    state.timer = setTimeout(() => {
      state.last = Date.now();
      flush(state);
    }, wait - (now - state.last));
  }
}

function flush(limit: Limit): void {
  if (limit.timer) clearTimeout(limit.timer);
  limit.timer = null;
  const pending = limit.pending;
  limit.pending = null;
  pending?.();
}

/** Closest element from `target` up with `attr`, not crossing out of a view. */
function bound(target: EventTarget | null, attr: string): Element | null {
  let el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  while (el) {
    if (el.hasAttribute(attr)) return el;
    if (el.hasAttribute("data-phx-session")) return null;
    el = el.parentElement;
  }
  return null;
}

export function bindEvents(host: BindingHost): () => void {
  const listeners: Array<[EventTarget, string, EventListener, boolean]> = [];
  const on = (target: EventTarget, type: string, listener: EventListener, capture = false) => {
    target.addEventListener(type, listener, capture);
    listeners.push([target, type, listener, capture]);
  };
  const meta = (type: string, event: Event, el: Element) => host.metadata[type]?.(event, el) ?? {};
  /** Runs binding `attr` of `el` (when `el` is in a view) with its values and `extra`. */
  const fire = (el: Element, type: string, attr: string, event: Event, extra: Record<string, unknown> = {}, limited = true) => {
    const view = host.viewOf(el);
    const encoded = el.getAttribute(attr);
    if (!view || encoded === null) return;
    const run = () => host.run(view, el, type, encoded, { ...extra, ...valuesOf(el), ...meta(type, event, el) }, event);
    if (limited) rateLimited(el, type, run, type !== "click");
    else run();
  };
  const keyMatches = (el: Element, event: KeyboardEvent) => {
    const key = el.getAttribute(binding("key"));
    return !key || key.toLowerCase() === event.key?.toLowerCase();
  };

  on(document, "click", (event) => {
    const e = event as MouseEvent;
    const target = e.target as Element;
    const link = target instanceof Element ? (target.closest("a[data-phx-link]") as HTMLAnchorElement | null) : null;
    if (link && host.linkClick(e, link)) return;
    const click = binding("click");
    const el = bound(target, click);
    if (el) {
      if (el.localName === "a" && el.getAttribute("href") === "#") e.preventDefault();
      fire(el, "click", click, e);
    }
    const away = binding("click-away");
    for (const other of document.querySelectorAll(`[${away}]`)) {
      if (other.contains(target) || !(other as HTMLElement).offsetParent && getComputedStyle(other).position !== "fixed") continue;
      fire(other, "click", away, e, {}, false);
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
    const submitter = (event as SubmitEvent).submitter as HTMLElement | null;
    host.run(view, form, "submit", encoded, { submitter }, event);
  });

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!(input instanceof Element) || !("form" in input)) return;
    // Typing fires `input`; boxes, radios, selects and file pickers settle on `change` (they
    // fire both, and one push per change is wanted).
    const settles = input.localName === "select" || ["checkbox", "radio", "file"].includes(input.type);
    if (event.type === (settles ? "input" : "change")) return;
    markUsed(input);
    const own = input.getAttribute(binding("change"));
    const form = input.form;
    const encoded = own ?? form?.getAttribute(binding("change")) ?? null;
    if (encoded === null) return;
    const view = host.viewOf(input);
    if (!view) return;
    const ownerEl = own !== null ? input : form!;
    rateLimited(input, "change", () => host.run(view, input, "change", encoded, { target: input.name, owner: ownerEl }, event));
  };
  on(document, "input", onInput);
  on(document, "change", onInput);

  for (const type of ["keydown", "keyup"]) {
    on(document, type, (event) => {
      const e = event as KeyboardEvent;
      const el = bound(e.target, binding(type));
      if (el && keyMatches(el, e)) fire(el, type, binding(type), e, { key: e.key });
    });
    on(window, type, (event) => {
      const e = event as KeyboardEvent;
      const attr = binding(`window-${type}`);
      for (const el of document.querySelectorAll(`[${attr}]`)) if (keyMatches(el, e)) fire(el, type, attr, e, { key: e.key });
    });
  }

  for (const [type, dom] of [["focus", "focusin"], ["blur", "focusout"]] as const) {
    on(document, dom, (event) => {
      const el = event.target as Element;
      if (!(el instanceof Element)) return;
      if (type === "blur" && "form" in el) markUsed(el);
      fire(el, type, binding(type), event, {}, false);
    });
    on(window, type, (event) => {
      if (event.target !== window) return;
      const attr = binding(`window-${type}`);
      for (const el of document.querySelectorAll(`[${attr}]`)) fire(el, type, attr, event, {}, false);
    });
  }

  return () => {
    for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener, capture);
  };
}
