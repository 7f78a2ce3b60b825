// JS commands: the JSON command lists `Phoenix.LiveView.JS` encodes into binding attributes
// (`[["push",{"event":"inc"}],["show",{"to":"#modal"}]]`), run in the browser without a
// round trip except for `push`. Also the `js()` object hooks and `liveSocket.js()` return.

export type Command = [string, Record<string, unknown>];

/** What commands need from the page: pushing events and navigating. */
export interface CommandHost {
  push(sourceEl: Element, eventType: string, args: Record<string, unknown>, event: Event | null): void;
  navigate(href: string, replace: boolean): void;
  patch(href: string, replace: boolean): void;
  execJS(el: Element, encoded: string, eventType: string): void;
}

export function isCommandList(value: string | null): value is string {
  return value !== null && value.trimStart().startsWith("[");
}

export function parseCommands(encoded: string): Command[] {
  const parsed = JSON.parse(encoded) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`JS commands must be a list, got ${encoded}`);
  return parsed as Command[];
}

// The DOM commands, fetched the first time a page needs them (see js-dom.ts); a page whose
// templates carry command lists starts the fetch as they render (`preloadDomCommands`).
type DomCommands = typeof import("./js-dom.ts");
let domCommands: DomCommands | null = null;
let loading: Promise<DomCommands> | null = null;

export function preloadDomCommands(): Promise<DomCommands> {
  return (loading ??= import("./js-dom.ts").then((module) => (domCommands = module)));
}

const HOST_COMMANDS = ["push", "navigate", "patch"];
const DOM_COMMAND = /\[\s*"(?!push"|navigate"|patch")[a-z_]+"/;

/** Starts fetching the DOM commands when `text` (an attribute's value) holds one. */
export function noteCommands(text: string): void {
  if (!loading && text.includes("[[") && DOM_COMMAND.test(text.replaceAll("&quot;", '"'))) void preloadDomCommands();
}

/** Runs one command list with `source` as the element it came from, in order. */
export function execCommands(host: CommandHost, source: Element, commands: Command[], eventType: string, event: Event | null): void {
  if (!domCommands && commands.some(([kind]) => !HOST_COMMANDS.includes(kind))) {
    void preloadDomCommands().then(() => execCommands(host, source, commands, eventType, event));
    return;
  }
  for (const [kind, args = {}] of commands) {
    if (kind === "push") host.push(source, eventType, args, event);
    else if (kind === "navigate" || kind === "patch") host[kind](String(args.href), Boolean(args.replace));
    else domCommands!.runDomCommand(host, source, kind, args, eventType);
  }
}

/** How long a command list's transitions run (ms): what an element with `phx-remove` waits. */
export function transitionTime(commands: Command[]): number {
  let time = 0;
  for (const [, args = {}] of commands) if (args.transition) time = Math.max(time, Number(args.time ?? 200));
  return time;
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
    exec: (el, encoded) => host.execJS(el, encoded, "hook"),
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
