// The JS commands that act on the page's DOM (`show`, `hide`, `toggle`, classes, transitions,
// attributes, `dispatch`, `exec`, focus). Loaded on demand by js.ts: a page that only pushes,
// navigates and patches never fetches it. It imports nothing at run time (only types), so the
// bundler keeps it apart from the main bundle instead of splitting out shared code.
import type { CommandHost } from "./js.ts";

type Args = Record<string, unknown>;
type Targets = string | { closest?: string; inner?: string } | undefined;

const focusStack: HTMLElement[] = [];

/** Class names from a string or a list of strings, each possibly several names. */
const names = (value: unknown): string[] => [value ?? []].flat().join(" ").split(/\s+/).filter(Boolean);

/**
 * Runs a transition (`"ease-out"`, or `[running, start, end]` class lists) on `el` for `time`
 * ms, then `done`; with no classes `done` runs at once.
 */
function transition(el: Element, spec: unknown, time: number, done = () => {}): void {
  const [running, start, end] = Array.isArray(spec) && Array.isArray(spec[0]) ? spec.map(names) : [names(spec), [], []];
  if (!(running!.length + start!.length + end!.length)) return done();
  const classes = el.classList;
  classes.add(...running!, ...start!);
  requestAnimationFrame(() => {
    classes.remove(...start!);
    classes.add(...end!);
    setTimeout(() => {
      classes.remove(...running!, ...end!);
      done();
    }, time);
  });
}

/**
 * `show` sets the display first and transitions in; `hide` transitions out, then sets
 * `display: none`. Each then tells the page (`phx:show-end`, `phx:hide-end`).
 */
function display(el: HTMLElement, args: Args, show: boolean, spec: unknown, time: number): void {
  const set = () => {
    const tag = el.localName;
    el.style.display = show ? (args.display as string) || (tag === "tr" ? "table-row" : tag === "td" ? "table-cell" : "block") : "none";
    el.dispatchEvent(new CustomEvent(`phx:${show ? "show" : "hide"}-end`, { bubbles: true }));
  };
  if (show) set();
  transition(el, spec, time, show ? undefined : set);
}

const FOCUSABLE = "a[href],area[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),iframe,[tabindex]:not([tabindex='-1']),[contenteditable=true]";

/** Focuses the first of `candidates` that takes focus (a hidden one does not). */
function focusOneOf(candidates: Element[]): void {
  for (const el of candidates) {
    if (el.getAttribute("aria-hidden") === "true") continue;
    (el as HTMLElement).focus();
    if (document.activeElement === el) return;
  }
}

const wrapped = new WeakSet<Element>();

/**
 * `phx-hook="Phoenix.FocusWrap"` (`<.focusWrap>`): focus that reaches the container's first or
 * last child (two focusable sentinels) from inside wraps to the other end of its content, and
 * from outside enters the content; on mount, focus moves inside unless it already is.
 */
export function wrapFocus(el: HTMLElement): void {
  if (wrapped.has(el)) return;
  wrapped.add(el);
  const inner = () => [...el.querySelectorAll(FOCUSABLE)];
  el.addEventListener("focusin", (event) => {
    const start = event.target === el.firstElementChild;
    if (!start && event.target !== el.lastElementChild) return;
    const from = event.relatedTarget;
    focusOneOf(start !== (from instanceof Node && el.contains(from)) ? inner() : inner().reverse());
  });
  if (el.contains(document.activeElement)) return;
  el.addEventListener("phx:show-end", () => focusOneOf(inner()));
  if (getComputedStyle(el).display !== "none") focusOneOf(inner());
}

/** The elements a command acts on: `to` as a selector, `{closest}`, `{inner}`, else `source`. */
function targets(source: Element, to: Targets): Element[] {
  if (typeof to === "string") return [...document.querySelectorAll(to)];
  if (to?.closest) return [source.closest(to.closest) ?? []].flat();
  return to?.inner ? [...source.querySelectorAll(to.inner)] : [source];
}

/**
 * Runs DOM command `kind` for `source` on each of its targets. Names read as verb and noun:
 * `add_class`, `toggle_attr`, `push_focus`, … (`show`, `hide`, `toggle`, `dispatch`, `exec`,
 * `focus` and `transition` are a verb alone).
 */
export function runDomCommand(host: CommandHost, source: Element, kind: string, args: Args, eventType: string): void {
  if (kind === "pop_focus") return focusStack.pop()?.focus();
  const [verb, noun] = kind.split("_") as [string, string | undefined];
  const time = Number(args.time ?? 200);
  for (const target of targets(source, args.to as Targets)) {
    const el = target as HTMLElement;
    if (verb === "toggle" && !noun) {
      const visible = !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
      display(el, args, !visible, visible ? args.outs : args.ins, time);
    } else if (kind === "show" || kind === "hide") display(el, args, kind === "show", args.transition, time);
    else if (noun === "class" || kind === "transition") {
      transition(el, args.transition, time);
      for (const name of names(args.names)) el.classList[verb as "add" | "remove" | "toggle"](name);
    } else if (noun === "attr") {
      const [name, on = "", off] = [args.attr].flat() as [string, string?, string?];
      if (verb === "toggle" && off !== undefined) el.setAttribute(name, el.getAttribute(name) === on ? off : on);
      else if (verb === "set" || (verb === "toggle" && !el.hasAttribute(name))) el.setAttribute(name, on);
      else el.removeAttribute(name);
    } else if (kind === "dispatch") {
      el.dispatchEvent(new CustomEvent(String(args.event), { detail: { ...(args.detail as object), dispatcher: source }, bubbles: args.bubbles !== false, cancelable: true }));
    } else if (kind === "exec") {
      const attr = String(args.attr);
      const encoded = el.getAttribute(attr);
      if (!encoded) throw new Error(`JS exec: no ${attr}`);
      host.execJS(el, encoded, eventType);
    } else if (kind === "focus") el.focus();
    else if (kind === "focus_first") (el.querySelector(FOCUSABLE) as HTMLElement | null)?.focus();
    else if (kind === "push_focus") focusStack.push(el);
    else throw new Error(`unknown JS command ${kind}`);
  }
}
