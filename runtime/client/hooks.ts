// Client hooks (`phx-hook="Name"`): an object per element with the app's callbacks
// (`mounted`, `beforeUpdate`, `updated`, `destroyed`, `disconnected`, `reconnected`) and
// the helpers LiveView hooks get (`el`, `pushEvent`, `pushEventTo`, `handleEvent`, `js()`).
import type { JS } from "./js.ts";

export interface HookCallbacks {
  mounted?(this: Hook): void;
  beforeUpdate?(this: Hook): void;
  updated?(this: Hook): void;
  destroyed?(this: Hook): void;
  disconnected?(this: Hook): void;
  reconnected?(this: Hook): void;
  [key: string]: unknown;
}

/** What a view offers its hooks. */
export interface HookHost {
  pushHookEvent(el: Element, target: Element | string | number | null, event: string, payload: unknown): Promise<unknown>;
  js(): JS;
  liveSocket: unknown;
}

export interface Hook extends HookCallbacks {
  el: HTMLElement;
  liveSocket: unknown;
  pushEvent(event: string, payload?: unknown, onReply?: (reply: unknown, ref: number) => void): Promise<unknown>;
  pushEventTo(target: Element | string | number, event: string, payload?: unknown, onReply?: (reply: unknown, ref: number) => void): Promise<unknown>;
  handleEvent(event: string, callback: (payload: unknown) => void): (payload: unknown) => void;
  removeHandleEvent(callback: (payload: unknown) => void): void;
  js(): JS;
}

export type EventHandlers = Map<string, Set<(payload: unknown) => void>>;

export function createHook(el: HTMLElement, callbacks: HookCallbacks, host: HookHost, handlers: EventHandlers): Hook {
  const own: Array<[string, (payload: unknown) => void]> = [];
  const push = (target: Element | string | number | null, event: string, payload: unknown = {}, onReply?: (reply: unknown, ref: number) => void) => {
    const promise = host.pushHookEvent(el, target, event, payload);
    if (onReply) void promise.then((reply) => onReply(reply, 0));
    return promise;
  };
  const hook = Object.create(callbacks) as Hook;
  Object.assign(hook, {
    el,
    liveSocket: host.liveSocket,
    pushEvent: (event: string, payload?: unknown, onReply?: (reply: unknown, ref: number) => void) => push(null, event, payload, onReply),
    pushEventTo: push,
    handleEvent: (event: string, callback: (payload: unknown) => void) => {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(callback);
      own.push([event, callback]);
      return callback;
    },
    removeHandleEvent: (callback: (payload: unknown) => void) => {
      for (const set of handlers.values()) set.delete(callback);
    },
    js: host.js,
  });
  cleanups.set(hook, () => {
    for (const [event, callback] of own) handlers.get(event)?.delete(callback);
  });
  return hook;
}

/** What ends a hook's `handleEvent` subscriptions once it is destroyed. */
const cleanups = new WeakMap<Hook, () => void>();

export function call(hook: Hook, name: "mounted" | "beforeUpdate" | "updated" | "destroyed" | "disconnected" | "reconnected"): void {
  const callback = hook[name];
  if (typeof callback === "function") callback.call(hook);
  if (name === "destroyed") cleanups.get(hook)!();
}
