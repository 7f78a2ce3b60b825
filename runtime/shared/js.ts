// JS commands: client-side operations written on the server and run by the browser client when
// the bound event fires (`phx-click={JS.push("save").hide({ to: "#modal" })}`). A command
// renders as the JSON list of operations the LiveView client executes, `[[kind, args], …]`,
// each args object holding only the options given, with its keys in sorted order (the bytes
// Phoenix's encoder produces for the same calls). A `JS` value is immutable: every method
// returns a new command with one more operation, so a shared base command can be extended freely.
import { describe } from "./escape.ts";
import { liveDestination } from "./destination.ts";

/** Where an operation applies: a selector over the document, or relative to the element. */
export type JSTarget = string | { closest: string } | { inner: string };

/** A transition: classes applied during it, or `[during, start, end]` classes. */
export type JSTransition = string | readonly [transition: string, start: string, end: string];

export interface JSTransitionOptions {
  to?: JSTarget;
  transition?: JSTransition;
  /** Milliseconds the transition classes stay (the client's default is 200). */
  time?: number;
  /** Block the UI during the transition (the client's default is `true`). */
  blocking?: boolean;
}

export interface JSPushOptions {
  /** The element or component (`@myself`) the event goes to. */
  target?: string | number;
  /** Elements that get the loading classes while the event is in flight. */
  loading?: string;
  /** Trigger the page loading state (`phx:page-loading-start`). */
  pageLoading?: boolean;
  /** Extra values sent with the event. */
  value?: Readonly<Record<string, unknown>>;
}

export interface JSShowOptions extends JSTransitionOptions {
  /** The `display` value to show with (the client's default is `block`). */
  display?: string;
}

export interface JSToggleOptions {
  to?: JSTarget;
  in?: JSTransition;
  out?: JSTransition;
  display?: string;
  time?: number;
  blocking?: boolean;
}

export interface JSDispatchOptions {
  to?: JSTarget;
  detail?: Readonly<Record<string, unknown>>;
  bubbles?: boolean;
  /** Block the UI until a listener calls `event.detail.done()`. */
  blocking?: boolean;
}

export interface JSNavigateOptions {
  /** Replace the current history entry instead of pushing one. */
  replace?: boolean;
}

export interface JSToOptions {
  to?: JSTarget;
}

export type JSOperation = readonly [kind: string, args: Readonly<Record<string, unknown>>];

export class JS {
  /** The operations in order; what the client receives. */
  readonly ops: readonly JSOperation[];

  private static readonly empty = new JS([]);

  private constructor(ops: readonly JSOperation[]) {
    this.ops = ops;
    Object.freeze(this);
  }

  /** An empty command (renders `[]`), to build on. */
  static none(): JS {
    return JS.empty;
  }

  /** Joins two commands: the operations of `first`, then those of `second`. */
  static concat(first: JS, second: JS): JS {
    return new JS([...first.ops, ...second.ops]);
  }

  static push(event: string, options?: JSPushOptions): JS {
    return JS.empty.push(event, options);
  }
  static navigate(href: string, options?: JSNavigateOptions): JS {
    return JS.empty.navigate(href, options);
  }
  static patch(href: string, options?: JSNavigateOptions): JS {
    return JS.empty.patch(href, options);
  }
  static show(options?: JSShowOptions): JS {
    return JS.empty.show(options);
  }
  static hide(options?: JSTransitionOptions): JS {
    return JS.empty.hide(options);
  }
  static toggle(options?: JSToggleOptions): JS {
    return JS.empty.toggle(options);
  }
  static addClass(names: string, options?: JSTransitionOptions): JS {
    return JS.empty.addClass(names, options);
  }
  static removeClass(names: string, options?: JSTransitionOptions): JS {
    return JS.empty.removeClass(names, options);
  }
  static toggleClass(names: string, options?: JSTransitionOptions): JS {
    return JS.empty.toggleClass(names, options);
  }
  static transition(transition: JSTransition, options?: Omit<JSTransitionOptions, "transition">): JS {
    return JS.empty.transition(transition, options);
  }
  static setAttribute(attribute: readonly [name: string, value: string], options?: JSToOptions): JS {
    return JS.empty.setAttribute(attribute, options);
  }
  static removeAttribute(name: string, options?: JSToOptions): JS {
    return JS.empty.removeAttribute(name, options);
  }
  static toggleAttribute(attribute: readonly [name: string, value: string] | readonly [name: string, on: string, off: string], options?: JSToOptions): JS {
    return JS.empty.toggleAttribute(attribute, options);
  }
  static ignoreAttributes(names: string | readonly string[], options?: JSToOptions): JS {
    return JS.empty.ignoreAttributes(names, options);
  }
  static dispatch(event: string, options?: JSDispatchOptions): JS {
    return JS.empty.dispatch(event, options);
  }
  static exec(attribute: string, options?: JSToOptions): JS {
    return JS.empty.exec(attribute, options);
  }
  static focus(options?: JSToOptions): JS {
    return JS.empty.focus(options);
  }
  static focusFirst(options?: JSToOptions): JS {
    return JS.empty.focusFirst(options);
  }
  static pushFocus(options?: JSToOptions): JS {
    return JS.empty.pushFocus(options);
  }
  static popFocus(): JS {
    return JS.empty.popFocus();
  }

  /** Sends `event` to the server, as `phx-click="event"` would, with extra `value`s. */
  push(event: string, options: JSPushOptions = {}): JS {
    check(options, "push", ["target", "loading", "pageLoading", "value"]);
    requireString(event, "push", "the event name");
    if (options.value !== undefined && !isRecord(options.value)) {
      throw new TypeError(`JS.push: value must be an object of values, got ${describe(options.value)}`);
    }
    return this.op("push", {
      event,
      target: options.target,
      loading: options.loading,
      page_loading: options.pageLoading,
      value: options.value,
    });
  }

  /** Navigates to another live view of the application (`href` must be a path or an http(s) URL). */
  navigate(href: string, options: JSNavigateOptions = {}): JS {
    check(options, "navigate", ["replace"]);
    return this.op("navigate", { href: liveDestination(href, "JS.navigate"), replace: options.replace === true });
  }

  /** Patches the current live view to `href` (its `handleParams` runs; no remount). */
  patch(href: string, options: JSNavigateOptions = {}): JS {
    check(options, "patch", ["replace"]);
    return this.op("patch", { href: liveDestination(href, "JS.patch"), replace: options.replace === true });
  }

  show(options: JSShowOptions = {}): JS {
    check(options, "show", ["to", "transition", "display", "time", "blocking"]);
    return this.op("show", {
      to: target(options.to, "show"),
      display: options.display,
      transition: transitionClasses(options.transition, "show"),
      time: options.time,
      blocking: options.blocking,
    });
  }

  hide(options: JSTransitionOptions = {}): JS {
    check(options, "hide", ["to", "transition", "time", "blocking"]);
    return this.op("hide", {
      to: target(options.to, "hide"),
      transition: transitionClasses(options.transition, "hide"),
      time: options.time,
      blocking: options.blocking,
    });
  }

  toggle(options: JSToggleOptions = {}): JS {
    check(options, "toggle", ["to", "in", "out", "display", "time", "blocking"]);
    return this.op("toggle", {
      to: target(options.to, "toggle"),
      display: options.display,
      ins: transitionClasses(options.in, "toggle"),
      outs: transitionClasses(options.out, "toggle"),
      time: options.time,
      blocking: options.blocking,
    });
  }

  addClass(names: string, options: JSTransitionOptions = {}): JS {
    return this.classOp("add_class", "addClass", names, options);
  }

  removeClass(names: string, options: JSTransitionOptions = {}): JS {
    return this.classOp("remove_class", "removeClass", names, options);
  }

  toggleClass(names: string, options: JSTransitionOptions = {}): JS {
    return this.classOp("toggle_class", "toggleClass", names, options);
  }

  /** Applies transition classes for `time` milliseconds without showing or hiding anything. */
  transition(transition: JSTransition, options: Omit<JSTransitionOptions, "transition"> = {}): JS {
    check(options, "transition", ["to", "time", "blocking"]);
    return this.op("transition", {
      to: target(options.to, "transition"),
      transition: transitionClasses(transition, "transition"),
      time: options.time,
      blocking: options.blocking,
    });
  }

  setAttribute(attribute: readonly [name: string, value: string], options: JSToOptions = {}): JS {
    check(options, "setAttribute", ["to"]);
    attributeTuple(attribute, "setAttribute", [2]);
    return this.op("set_attr", { to: target(options.to, "setAttribute"), attr: [...attribute] });
  }

  removeAttribute(name: string, options: JSToOptions = {}): JS {
    check(options, "removeAttribute", ["to"]);
    requireString(name, "removeAttribute", "the attribute name");
    return this.op("remove_attr", { to: target(options.to, "removeAttribute"), attr: name });
  }

  /** `[name, value]` toggles the attribute on and off; `[name, on, off]` flips between two values. */
  toggleAttribute(attribute: readonly [name: string, value: string] | readonly [name: string, on: string, off: string], options: JSToOptions = {}): JS {
    check(options, "toggleAttribute", ["to"]);
    attributeTuple(attribute, "toggleAttribute", [2, 3]);
    return this.op("toggle_attr", { to: target(options.to, "toggleAttribute"), attr: [...attribute] });
  }

  /** Keeps the client's value of these attributes (`"open"`, `"data-*"`) when the server patches the element. */
  ignoreAttributes(names: string | readonly string[], options: JSToOptions = {}): JS {
    check(options, "ignoreAttributes", ["to"]);
    const list = typeof names === "string" ? [names] : [...names];
    for (const name of list) requireString(name, "ignoreAttributes", "each attribute name");
    return this.op("ignore_attrs", { to: target(options.to, "ignoreAttributes"), attrs: list });
  }

  /** Dispatches a DOM event (a `MouseEvent` for `"click"`, else a `CustomEvent` with `detail`). */
  dispatch(event: string, options: JSDispatchOptions = {}): JS {
    check(options, "dispatch", ["to", "detail", "bubbles", "blocking"]);
    requireString(event, "dispatch", "the event name");
    if (options.detail !== undefined) {
      if (event === "click") throw new TypeError("JS.dispatch: a click event cannot carry detail (browsers replace a MouseEvent's detail with a number); dispatch an event of your own instead");
      if (!isRecord(options.detail)) throw new TypeError(`JS.dispatch: detail must be an object, got ${describe(options.detail)}`);
      if (options.blocking === true && "done" in options.detail) {
        throw new TypeError("JS.dispatch: with blocking: true, detail must not hold a `done` key (the client puts its callback there)");
      }
    }
    if (options.bubbles !== undefined && typeof options.bubbles !== "boolean") {
      throw new TypeError(`JS.dispatch: bubbles must be a boolean, got ${describe(options.bubbles)}`);
    }
    return this.op("dispatch", {
      event,
      to: target(options.to, "dispatch"),
      bubbles: options.bubbles,
      detail: options.detail,
      // Only `true` travels: the client's default is not to block.
      blocking: options.blocking === true ? true : undefined,
    });
  }

  /** Runs the command held in another attribute (`JS.exec("phx-remove", { to: "#modal" })`). */
  exec(attribute: string, options: JSToOptions = {}): JS {
    check(options, "exec", ["to"]);
    requireString(attribute, "exec", "the attribute name");
    return this.op("exec", { attr: attribute, to: target(options.to, "exec") });
  }

  focus(options: JSToOptions = {}): JS {
    check(options, "focus", ["to"]);
    return this.op("focus", { to: target(options.to, "focus") });
  }

  focusFirst(options: JSToOptions = {}): JS {
    check(options, "focusFirst", ["to"]);
    return this.op("focus_first", { to: target(options.to, "focusFirst") });
  }

  /** Remembers the focused element (or `to`) so that `popFocus` returns to it. */
  pushFocus(options: JSToOptions = {}): JS {
    check(options, "pushFocus", ["to"]);
    return this.op("push_focus", { to: target(options.to, "pushFocus") });
  }

  popFocus(): JS {
    return this.op("pop_focus", {});
  }

  /** What `JSON.stringify` writes: the list of operations. */
  toJSON(): readonly JSOperation[] {
    return this.ops;
  }

  /** The JSON text, which is what an attribute holding the command renders (escaped like any value). */
  toString(): string {
    return JSON.stringify(this.ops);
  }

  private classOp(kind: string, name: string, names: string, options: JSTransitionOptions): JS {
    check(options, name, ["to", "transition", "time", "blocking"]);
    requireString(names, name, "the class names");
    return this.op(kind, {
      to: target(options.to, name),
      names: classNames(names),
      transition: transitionClasses(options.transition, name),
      time: options.time,
      blocking: options.blocking,
    });
  }

  private op(kind: string, args: Record<string, unknown>): JS {
    // Absent options are left out, and keys are written in sorted order (Phoenix's encoding).
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(args).sort()) if (args[key] !== undefined) sorted[key] = args[key];
    return new JS([...this.ops, Object.freeze([kind, Object.freeze(sorted)]) as JSOperation]);
  }
}

/** True for `JS` command values. */
export function isJS(value: unknown): value is JS {
  return value instanceof JS;
}

function check(options: object, command: string, allowed: readonly string[]): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`JS.${command}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`JS.${command}: unknown option ${JSON.stringify(key)}; expected one of ${allowed.join(", ")}`);
    }
  }
}

function requireString(value: unknown, command: string, what: string): void {
  if (typeof value !== "string") throw new TypeError(`JS.${command}: ${what} must be a string, got ${describe(value)}`);
}

function target(to: JSTarget | undefined, command: string): unknown {
  if (to === undefined || typeof to === "string") return to;
  const scoped: unknown = to;
  if (isRecord(scoped)) {
    const keys = Object.keys(scoped);
    const scope = keys[0];
    if (keys.length === 1 && (scope === "closest" || scope === "inner") && typeof scoped[scope] === "string") return { [scope]: scoped[scope] };
  }
  throw new TypeError(`JS.${command}: to must be a selector string, { closest: selector } or { inner: selector }, got ${describe(to)}`);
}

function classNames(names: string): string[] {
  return names.split(" ").filter((name) => name !== "");
}

function transitionClasses(transition: JSTransition | undefined, command: string): string[][] | undefined {
  if (transition === undefined) return undefined;
  if (typeof transition === "string") return [classNames(transition), [], []];
  if (Array.isArray(transition) && transition.length === 3 && transition.every((t) => typeof t === "string")) {
    return transition.map(classNames);
  }
  throw new TypeError(`JS.${command}: a transition is a string of classes or [transition, start, end], got ${describe(transition)}`);
}

function attributeTuple(attribute: readonly unknown[], command: string, lengths: readonly number[]): void {
  if (!Array.isArray(attribute) || !lengths.includes(attribute.length) || !attribute.every((part) => typeof part === "string")) {
    const shape = lengths.length === 1 ? "[name, value]" : "[name, value] or [name, on, off]";
    throw new TypeError(`JS.${command}: expected ${shape} of strings, got ${describe(attribute)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
