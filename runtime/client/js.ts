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
  /** A method running command `kind` on its element, with the args `args` makes of the rest. */
  const command = <A extends unknown[]>(kind: string, args: (...rest: A) => Record<string, unknown>) => (el: Element, ...rest: A) => execCommands(host, el, [[kind, args(...rest)]], "hook", null);
  const options = (opts: Record<string, unknown> = {}) => opts;
  const withKey = (key: string) => (value: unknown, opts: Record<string, unknown> = {}) => ({ ...opts, [key]: value });
  const go = (kind: "navigate" | "patch") => (href: string, opts: { replace?: boolean } = {}) => host[kind](href, Boolean(opts.replace));
  return {
    exec: (el, encoded) => host.execJS(el, encoded, "hook"),
    show: command("show", options),
    hide: command("hide", options),
    toggle: command("toggle", options),
    addClass: command("add_class", withKey("names")),
    removeClass: command("remove_class", withKey("names")),
    toggleClass: command("toggle_class", withKey("names")),
    transition: command("transition", withKey("transition")),
    setAttribute: command("set_attr", (attr: string, value: string) => ({ attr: [attr, value] })),
    removeAttribute: command("remove_attr", (attr: string) => ({ attr })),
    toggleAttribute: command("toggle_attr", (attr: string, on: string, off?: string) => ({ attr: off === undefined ? [attr, on] : [attr, on, off] })),
    push: command("push", withKey("event")),
    navigate: go("navigate"),
    patch: go("patch"),
  };
}
