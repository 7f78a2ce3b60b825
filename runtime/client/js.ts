// JS commands: the JSON command lists `Phoenix.LiveView.JS` encodes into binding attributes
// (`[["push",{"event":"inc"}],["show",{"to":"#modal"}]]`), run in the browser without a
// round trip except for `push`. Also the `js()` object hooks and `liveSocket.js()` return.

export type Command = [string, Record<string, unknown>?];

/** What commands need from the page: pushing events and navigating. */
export interface CommandHost {
  push(sourceEl: Element, eventType: string, args: Record<string, unknown>, event: Event | null): void;
  navigate(href: string, replace: boolean): void;
  patch(href: string, replace: boolean): void;
  execJS(el: Element, encoded: string, eventType: string): void;
}

/** The commands a binding's value encodes, or null when it is an event name. */
export function commandsOf(value: string | null): Command[] | null {
  return value?.trimStart()[0] === "[" ? (JSON.parse(value) as Command[]) : null;
}

// The DOM commands, fetched the first time a page needs them (see js-dom.ts); a page whose
// templates carry command lists starts the fetch as they render (`preloadDomCommands`).
type DomCommands = typeof import("./js-dom.ts");
let domCommands: DomCommands | null = null;
let loading: Promise<DomCommands> | null = null;

export function preloadDomCommands(): Promise<DomCommands> {
  return (loading ??= import("./js-dom.ts").then((module) => (domCommands = module)));
}

const isHostCommand = (kind: string) => /^(push|navigate|patch)$/.test(kind);

/** Starts fetching the DOM commands when `text` (an attribute's value) holds one. */
export function noteCommands(text: string): void {
  // A command's name after `[`, its quotes as written or escaped in HTML.
  if (!loading && text.includes("[[") && /\[\s*("|&quot;)(?!(push|navigate|patch)\1)[a-z_]+\1/.test(text)) void preloadDomCommands();
}

/** Runs one command list with `source` as the element it came from, in order. */
export function execCommands(host: CommandHost, source: Element, commands: Command[], eventType: string, event: Event | null): void {
  if (!domCommands && commands.some(([kind]) => !isHostCommand(kind))) {
    void preloadDomCommands().then(() => execCommands(host, source, commands, eventType, event));
    return;
  }
  for (const [kind, args = {}] of commands) {
    if (kind === "push") host.push(source, eventType, args, event);
    else if (isHostCommand(kind)) host[kind as "patch"](String(args.href), !!args.replace);
    else domCommands!.runDomCommand(host, source, kind, args, eventType);
  }
}

/** How long a command list's transitions run (ms): what an element with `phx-remove` waits. */
export function transitionTime(commands: Command[]): number {
  let time = 0;
  for (const [, args = {}] of commands) if (args.transition) time = Math.max(time, Number(args.time ?? 200));
  return time;
}

type Options = Record<string, unknown>;

/** The chainable `js()` API of hooks: each method runs its command at once. */
export interface JS {
  exec(el: Element, encoded: string): void;
  show(el: Element, opts?: Options): void;
  hide(el: Element, opts?: Options): void;
  toggle(el: Element, opts?: Options): void;
  addClass(el: Element, names: string | string[], opts?: Options): void;
  removeClass(el: Element, names: string | string[], opts?: Options): void;
  toggleClass(el: Element, names: string | string[], opts?: Options): void;
  transition(el: Element, transition: string | string[], opts?: Options): void;
  setAttribute(el: Element, attr: string, value: string): void;
  removeAttribute(el: Element, attr: string): void;
  toggleAttribute(el: Element, attr: string, val1: string, val2?: string): void;
  push(el: Element, event: string, opts?: Options): void;
  navigate(href: string, opts?: { replace?: boolean }): void;
  patch(href: string, opts?: { replace?: boolean }): void;
}

/**
 * Each method of `JS` but `exec`, `navigate` and `patch` runs the command its name says
 * (`addClass` → `add_class`, `setAttribute` → `set_attr`); its arguments after the element
 * become the command's: the attribute ones as `attr`, the first of the others under the key
 * the command reads (`names`, `transition`, `event`) merged into the options after it.
 */
const METHODS = ["show", "hide", "toggle", "addClass", "removeClass", "toggleClass", "transition", "setAttribute", "removeAttribute", "toggleAttribute", "push"];

export function jsAPI(host: CommandHost): JS {
  const api: Record<string, unknown> = {
    exec: (el: Element, encoded: string) => host.execJS(el, encoded, "hook"),
    navigate: (href: string, opts?: { replace?: boolean }) => host.navigate(href, !!opts?.replace),
    patch: (href: string, opts?: { replace?: boolean }) => host.patch(href, !!opts?.replace),
  };
  for (const method of METHODS) {
    const kind = method.replace("ribute", "r").replace(/[A-Z]/, (c) => "_" + c.toLowerCase());
    const key = kind.endsWith("_class") ? "names" : kind === "push" ? "event" : kind === "transition" ? kind : "";
    const args = (rest: unknown[]): Options => (kind.endsWith("_attr") ? { attr: rest } : key ? { ...(rest[1] as Options), [key]: rest[0] } : { ...(rest[0] as Options) });
    api[method] = (el: Element, ...rest: unknown[]) => execCommands(host, el, [[kind, args(rest)]], "hook", null);
  }
  return api as unknown as JS;
}
