// DOM event bindings (`phx-click`, `phx-submit`, `phx-change`, keys, focus, window events,
// click-away): one listener per event type on the document, which finds the bound element
// and its view. Rate limits (`phx-debounce`, `phx-throttle`) are kept per element and event.
import { markUsed, serializeForm } from "./forms.ts";
import { isCommandList } from "./js.ts";
import type { View } from "./view.ts";

export interface BindingHost {
  prefix: string;
  viewOf(el: Element): View | null;
  /** Runs `encoded` (an event name or a command list) for `el`, with a default push. */
  run(view: View, el: Element, eventType: string, encoded: string, value: Record<string, unknown>, event: Event | null): void;
  linkClick(event: MouseEvent, link: HTMLAnchorElement): boolean;
  metadata: Record<string, (event: Event, el: Element) => Record<string, unknown>>;
}

/** `phx-value-*` attributes, plus the element's `value` (forms and unchecked boxes aside). */
export function valuesOf(el: Element, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const valuePrefix = `${prefix}value-`;
  for (const attr of Array.from(el.attributes)) {
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
function rateLimited(el: Element, kind: string, prefix: string, action: () => void, blurFlush = true): void {
  const debounce = el.getAttribute(`${prefix}debounce`);
  const throttle = el.getAttribute(`${prefix}throttle`);
  if (debounce === null && throttle === null) return action();
  let byKind = limits.get(el);
  if (!byKind) limits.set(el, (byKind = new Map()));
  let limit = byKind.get(kind);
  if (!limit) byKind.set(kind, (limit = { timer: null, last: 0, pending: null }));
  const state = limit;
  if (debounce !== null) {
    if (state.timer) clearTimeout(state.timer);
    state.pending = action;
    if (debounce === "blur") {
      if (blurFlush) el.addEventListener("blur", () => flush(state), { once: true });
      return;
    }
    state.timer = setTimeout(() => flush(state), Number(debounce) || 300);
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
  const p = host.prefix;
  const listeners: Array<[EventTarget, string, EventListener, boolean]> = [];
  const on = (target: EventTarget, type: string, listener: EventListener, capture = false) => {
    target.addEventListener(type, listener, capture);
    listeners.push([target, type, listener, capture]);
  };
  const meta = (type: string, event: Event, el: Element) => host.metadata[type]?.(event, el) ?? {};

  on(document, "click", (event) => {
    const e = event as MouseEvent;
    const target = e.target as Element;
    const link = target instanceof Element ? (target.closest("a[data-phx-link]") as HTMLAnchorElement | null) : null;
    if (link && host.linkClick(e, link)) return;
    const el = bound(target, `${p}click`);
    if (el) {
      const view = host.viewOf(el);
      if (view) {
        if (el.localName === "a" && el.getAttribute("href") === "#") e.preventDefault();
        const encoded = el.getAttribute(`${p}click`)!;
        rateLimited(el, "click", p, () => host.run(view, el, "click", encoded, { ...valuesOf(el, p), ...meta("click", e, el) }, e), false);
      }
    }
    for (const away of Array.from(document.querySelectorAll(`[${p}click-away]`))) {
      if (away.contains(target) || !(away as HTMLElement).offsetParent && getComputedStyle(away).position !== "fixed") continue;
      const view = host.viewOf(away);
      if (view) host.run(view, away, "click", away.getAttribute(`${p}click-away`)!, valuesOf(away, p), e);
    }
  });

  on(document, "submit", (event) => {
    const form = event.target as HTMLFormElement;
    const encoded = form.getAttribute(`${p}submit`);
    if (encoded === null) {
      return;
    }
    event.preventDefault();
    const view = host.viewOf(form);
    if (!view) return;
    for (const el of Array.from(form.elements)) markUsed(el);
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
    const own = input.getAttribute(`${p}change`);
    const form = input.form;
    const encoded = own ?? form?.getAttribute(`${p}change`) ?? null;
    if (encoded === null) return;
    const view = host.viewOf(input);
    if (!view) return;
    const ownerEl = own !== null ? input : form!;
    rateLimited(input, "change", p, () => host.run(view, input, "change", encoded, { target: input.name, owner: ownerEl }, event));
  };
  on(document, "input", onInput);
  on(document, "change", onInput);

  for (const type of ["keydown", "keyup"]) {
    on(document, type, (event) => {
      const e = event as KeyboardEvent;
      const el = bound(e.target, `${p}${type}`);
      if (!el) return;
      const view = host.viewOf(el);
      if (!view) return;
      const key = el.getAttribute(`${p}key`);
      if (key && key.toLowerCase() !== e.key?.toLowerCase()) return;
      rateLimited(el, type, p, () => host.run(view, el, type, el.getAttribute(`${p}${type}`)!, { key: e.key, ...valuesOf(el, p), ...meta(type, e, el) }, e));
    });
    on(window, type, (event) => {
      const e = event as KeyboardEvent;
      for (const el of Array.from(document.querySelectorAll(`[${p}window-${type}]`))) {
        const key = el.getAttribute(`${p}key`);
        if (key && key.toLowerCase() !== e.key?.toLowerCase()) continue;
        const view = host.viewOf(el);
        if (view) rateLimited(el, type, p, () => host.run(view, el, type, el.getAttribute(`${p}window-${type}`)!, { key: e.key, ...valuesOf(el, p), ...meta(type, e, el) }, e));
      }
    });
  }

  for (const [type, dom] of [["focus", "focusin"], ["blur", "focusout"]] as const) {
    on(document, dom, (event) => {
      const el = event.target as Element;
      if (!(el instanceof Element)) return;
      if (type === "blur" && "form" in el) markUsed(el);
      const encoded = el.getAttribute(`${p}${type}`);
      if (encoded === null) return;
      const view = host.viewOf(el);
      if (view) host.run(view, el, type, encoded, valuesOf(el, p), event);
    });
    on(window, type, (event) => {
      if (event.target !== window) return;
      for (const el of Array.from(document.querySelectorAll(`[${p}window-${type}]`))) {
        const view = host.viewOf(el);
        if (view) host.run(view, el, type, el.getAttribute(`${p}window-${type}`)!, valuesOf(el, p), event);
      }
    });
  }

  return () => {
    for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener, capture);
  };
}

/** The payload of a form event from `input` (`phx-change`) or `form` (`phx-submit`). */
export function formValue(form: HTMLFormElement, submitter: HTMLElement | null, onlyName: string | null): string {
  return serializeForm(form, submitter, onlyName ? [onlyName] : []);
}

export { isCommandList };
