// JS commands: the JSON command lists `Phoenix.LiveView.JS` encodes into binding attributes
// (`[["push",{"event":"inc"}],["show",{"to":"#modal"}]]`), run in the browser without a
// round trip except for `push`. Also the `js()` object hooks and `liveSocket.js()` return.

export type Command = [string, Record<string, unknown>];

/** What commands need from the page: pushing events and navigating. */
export interface CommandHost {
  push(sourceEl: Element, eventType: string, args: Record<string, unknown>, event: Event | null): void;
  navigate(href: string, replace: boolean): void;
  patch(href: string, replace: boolean): void;
  exec(el: Element, encoded: string, eventType: string): void;
}

type Targets = string | { closest?: string; inner?: string } | undefined;
type Transition = [string[], string[], string[]] | string[] | undefined;

const focusStack: Element[] = [];

export function isCommandList(value: string | null): value is string {
  return value !== null && value.trimStart().startsWith("[");
}

export function parseCommands(encoded: string): Command[] {
  const parsed = JSON.parse(encoded) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`JS commands must be a list, got ${encoded}`);
  return parsed as Command[];
}

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

const names = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]).flatMap((v) => String(v).split(/\s+/)).filter(Boolean) : typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];

function transition(el: Element, spec: Transition, time: number, done: () => void): void {
  const [running, start, end] = Array.isArray(spec) && Array.isArray(spec[0]) ? (spec as [string[], string[], string[]]).map(names) : [names(spec), [], []];
  if (running!.length === 0 && start!.length === 0 && end!.length === 0) {
    done();
    return;
  }
  el.classList.add(...running!, ...start!);
  requestAnimationFrame(() => {
    el.classList.remove(...start!);
    el.classList.add(...end!);
    setTimeout(() => {
      el.classList.remove(...running!, ...end!);
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

function show(el: Element, args: Record<string, unknown>): void {
  const html = el as HTMLElement;
  html.style.display = (args.display as string) || defaultDisplay(el);
  transition(el, args.transition as Transition, Number(args.time ?? 200), () => {});
  el.dispatchEvent(new CustomEvent("phx:show-end", { bubbles: true }));
}

function hide(el: Element, args: Record<string, unknown>): void {
  transition(el, args.transition as Transition, Number(args.time ?? 200), () => {
    (el as HTMLElement).style.display = "none";
    el.dispatchEvent(new CustomEvent("phx:hide-end", { bubbles: true }));
  });
  if (!args.transition) (el as HTMLElement).style.display = "none";
}

const FOCUSABLE = "a[href],area[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),iframe,[tabindex]:not([tabindex='-1']),[contenteditable=true]";

/** Runs one command list with `source` as the element it came from. */
export function execCommands(host: CommandHost, source: Element, commands: Command[], eventType: string, event: Event | null): void {
  for (const [kind, args = {}] of commands) {
    if (kind === "push") {
      host.push(source, eventType, args, event);
      continue;
    }
    if (kind === "navigate" || kind === "patch") {
      host[kind](String(args.href), Boolean(args.replace));
      continue;
    }
    if (kind === "pop_focus") {
      (focusStack.pop() as HTMLElement | undefined)?.focus();
      continue;
    }
    for (const el of targets(source, args.to as Targets)) {
      const html = el as HTMLElement;
      const attr = args.attr as string[] | string;
      switch (kind) {
        case "show": show(el, args); break;
        case "hide": hide(el, args); break;
        case "toggle":
          if (isVisible(el)) hide(el, { ...args, transition: args.outs });
          else show(el, { ...args, transition: args.ins });
          break;
        case "add_class":
          transition(el, args.transition as Transition, Number(args.time ?? 200), () => {});
          el.classList.add(...names(args.names));
          break;
        case "remove_class":
          transition(el, args.transition as Transition, Number(args.time ?? 200), () => {});
          el.classList.remove(...names(args.names));
          break;
        case "toggle_class":
          for (const name of names(args.names)) el.classList.toggle(name);
          break;
        case "transition": transition(el, args.transition as Transition, Number(args.time ?? 200), () => {}); break;
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
          host.exec(el, encoded, eventType);
          break;
        }
        case "focus": html.focus(); break;
        case "focus_first": (el.querySelector(FOCUSABLE) as HTMLElement | null)?.focus(); break;
        case "push_focus": focusStack.push(el); break;
        default: throw new Error(`unknown JS command "${kind}"`);
      }
    }
  }
}

/** The chainable `js()` API of hooks: each method runs its command at once. */
export interface JS {
  exec(el: Element, encoded: string): void;
  show(el: Element, opts?: Record<string, unknown>): void;
  hide(el: Element, opts?: Record<string, unknown>): void;
  toggle(el: Element, opts?: Record<string, unknown>): void;
  addClass(el: Element, names: string | string[], opts?: Record<string, unknown>): void;
  removeClass(el: Element, names: string | string[], opts?: Record<string, unknown>): void;
  toggleClass(el: Element, names: string | string[], opts?: Record<string, unknown>): void;
  transition(el: Element, transition: string | string[], opts?: Record<string, unknown>): void;
  setAttribute(el: Element, attr: string, value: string): void;
  removeAttribute(el: Element, attr: string): void;
  toggleAttribute(el: Element, attr: string, val1: string, val2?: string): void;
  push(el: Element, event: string, opts?: Record<string, unknown>): void;
  navigate(href: string, opts?: { replace?: boolean }): void;
  patch(href: string, opts?: { replace?: boolean }): void;
}

export function jsAPI(host: CommandHost): JS {
  const run = (el: Element, kind: string, args: Record<string, unknown>) => execCommands(host, el, [[kind, args]], "hook", null);
  return {
    exec: (el, encoded) => host.exec(el, encoded, "hook"),
    show: (el, opts = {}) => run(el, "show", opts),
    hide: (el, opts = {}) => run(el, "hide", opts),
    toggle: (el, opts = {}) => run(el, "toggle", opts),
    addClass: (el, n, opts = {}) => run(el, "add_class", { ...opts, names: n }),
    removeClass: (el, n, opts = {}) => run(el, "remove_class", { ...opts, names: n }),
    toggleClass: (el, n, opts = {}) => run(el, "toggle_class", { ...opts, names: n }),
    transition: (el, t, opts = {}) => run(el, "transition", { ...opts, transition: t }),
    setAttribute: (el, attr, value) => run(el, "set_attr", { attr: [attr, value] }),
    removeAttribute: (el, attr) => run(el, "remove_attr", { attr }),
    toggleAttribute: (el, attr, a, b) => run(el, "toggle_attr", { attr: b === undefined ? [attr, a] : [attr, a, b] }),
    push: (el, event, opts = {}) => run(el, "push", { ...opts, event }),
    navigate: (href, opts = {}) => host.navigate(href, Boolean(opts.replace)),
    patch: (href, opts = {}) => host.patch(href, Boolean(opts.replace)),
  };
}
