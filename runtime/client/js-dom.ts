// The JS commands that act on the page's DOM (`show`, `hide`, `toggle`, classes, transitions,
// attributes, `dispatch`, `exec`, focus). Loaded on demand by js.ts: a page that only pushes,
// navigates and patches never fetches it. It imports nothing at run time (only types), so the
// bundler keeps it apart from the main bundle instead of splitting out shared code.
import type { CommandHost } from "./js.ts";

type Targets = string | { closest?: string; inner?: string } | undefined;
type Transition = [string[], string[], string[]] | string[] | undefined;

const focusStack: Element[] = [];


function targets(source: Element, to: Targets): Element[] {
  if (to === undefined || to === null) return [source];
  if (typeof to === "string") return Array.from(document.querySelectorAll(to));
  if (to.closest) {
    const el = source.closest(to.closest);
    return el ? [el] : [];
  }
  if (to.inner) return Array.from(source.querySelectorAll(to.inner));
  return [source];
}

/** Class names from a string or a list of strings, each possibly several names. */
const names = (value: unknown): string[] => [value ?? []].flat().join(" ").split(/\s+/).filter(Boolean);

function transition(el: Element, spec: Transition, time: number, done = () => {}): void {
  const [running, start, end] = Array.isArray(spec) && Array.isArray(spec[0]) ? (spec as [string[], string[], string[]]).map(names) : [names(spec), [], []];
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

function defaultDisplay(el: Element): string {
  return el.localName === "tr" ? "table-row" : el.localName === "td" ? "table-cell" : "block";
}

function isVisible(el: Element): boolean {
  const html = el as HTMLElement;
  return !!(html.offsetWidth || html.offsetHeight || el.getClientRects().length > 0);
}

const timeOf = (args: Record<string, unknown>) => Number(args.time ?? 200);

function show(el: HTMLElement, args: Record<string, unknown>): void {
  el.style.display = (args.display as string) || defaultDisplay(el);
  transition(el, args.transition as Transition, timeOf(args));
  el.dispatchEvent(new CustomEvent("phx:show-end", { bubbles: true }));
}

function hide(el: HTMLElement, args: Record<string, unknown>): void {
  transition(el, args.transition as Transition, timeOf(args), () => {
    el.style.display = "none";
    el.dispatchEvent(new CustomEvent("phx:hide-end", { bubbles: true }));
  });
  if (!args.transition) el.style.display = "none";
}

const FOCUSABLE = "a[href],area[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),iframe,[tabindex]:not([tabindex='-1']),[contenteditable=true]";

/** Focuses the first of `candidates` that takes focus (a hidden one does not); whether one did. */
function focusOneOf(candidates: Element[]): boolean {
  for (const el of candidates) {
    if (el.getAttribute("aria-hidden") === "true") continue;
    (el as HTMLElement).focus();
    if (document.activeElement === el) return true;
  }
  return false;
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
  const inner = () => Array.from(el.querySelectorAll(FOCUSABLE));
  el.addEventListener("focusin", (event) => {
    const start = event.target === el.firstElementChild;
    if (!start && event.target !== el.lastElementChild) return;
    const from = event.relatedTarget;
    const inside = from instanceof Node && el.contains(from);
    focusOneOf(start !== inside ? inner() : inner().reverse());
  });
  if (el.contains(document.activeElement)) return;
  el.addEventListener("phx:show-end", () => focusOneOf(inner()));
  if (getComputedStyle(el).display !== "none") focusOneOf(inner());
}

/** Runs DOM command `kind` for `source` (its targets are `args.to`, else `source`). */
export function runDomCommand(host: CommandHost, source: Element, kind: string, args: Record<string, unknown>, eventType: string): void {
  if (kind === "pop_focus") {
    (focusStack.pop() as HTMLElement | undefined)?.focus();
    return;
  }
  for (const target of targets(source, args.to as Targets)) {
    const el = target as HTMLElement;
    const attr = args.attr as string[] | string;
    const classes = names(args.names);
    switch (kind) {
      case "show": show(el, args); break;
      case "hide": hide(el, args); break;
      case "toggle":
        if (isVisible(el)) hide(el, { ...args, transition: args.outs });
        else show(el, { ...args, transition: args.ins });
        break;
      case "add_class":
      case "remove_class":
        transition(el, args.transition as Transition, timeOf(args));
        el.classList[kind === "add_class" ? "add" : "remove"](...classes);
        break;
      case "toggle_class":
        for (const name of classes) el.classList.toggle(name);
        break;
      case "transition": transition(el, args.transition as Transition, timeOf(args)); break;
      case "set_attr": el.setAttribute(attr[0]!, attr[1] ?? ""); break;
      case "remove_attr": el.removeAttribute(attr as string); break;
      case "toggle_attr": {
        const [name, on, off] = attr as string[];
        if (off !== undefined) el.setAttribute(name!, el.getAttribute(name!) === on ? off : on!);
        else if (el.hasAttribute(name!)) el.removeAttribute(name!);
        else el.setAttribute(name!, on ?? "");
        break;
      }
      case "dispatch": {
        const detail = { ...((args.detail as object) ?? {}), dispatcher: source };
        el.dispatchEvent(new CustomEvent(String(args.event), { detail, bubbles: args.bubbles !== false, cancelable: true }));
        break;
      }
      case "exec": {
        const encoded = el.getAttribute(String(args.attr));
        if (!encoded) throw new Error(`JS exec: ${String(args.attr)} is empty on ${el.localName}${el.id ? "#" + el.id : ""}`);
        host.execJS(el, encoded, eventType);
        break;
      }
      case "focus": el.focus(); break;
      case "focus_first": (el.querySelector(FOCUSABLE) as HTMLElement | null)?.focus(); break;
      case "push_focus": focusStack.push(el); break;
      default: throw new Error(`unknown JS command "${kind}"`);
    }
  }
}
