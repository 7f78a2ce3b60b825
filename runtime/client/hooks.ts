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

type Reply = (reply: unknown, ref: number) => void;

export function createHook(el: HTMLElement, callbacks: HookCallbacks, host: HookHost, handlers: EventHandlers): Hook {
  const own = new Set<(payload: unknown) => void>();
  const pushEventTo = (target: Element | string | number | null, event: string, payload: unknown = {}, onReply?: Reply) => {
    const promise = host.pushHookEvent(el, target, event, payload);
    if (onReply) void promise.then((reply) => onReply(reply, 0));
    return promise;
  };
  const removeHandleEvent = (callback: (payload: unknown) => void) => {
    for (const set of handlers.values()) set.delete(callback);
  };
  const hook: Hook = Object.assign(Object.create(callbacks) as HookCallbacks, {
    el,
    liveSocket: host.liveSocket,
    pushEvent: (event: string, payload?: unknown, onReply?: Reply) => pushEventTo(null, event, payload, onReply),
    pushEventTo,
    handleEvent: (event: string, callback: (payload: unknown) => void) => {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(callback);
      own.add(callback);
      return callback;
    },
    removeHandleEvent,
    js: host.js,
  });
  // Its `handleEvent` subscriptions end when it is destroyed.
  cleanups.set(hook, () => own.forEach(removeHandleEvent));
  return hook;
}

const cleanups = new WeakMap<Hook, () => void>();

export function call(hook: Hook, name: "mounted" | "beforeUpdate" | "updated" | "destroyed" | "disconnected" | "reconnected"): void {
  (hook[name] as (() => void) | undefined)?.call(hook);
  if (name === "destroyed") cleanups.get(hook)!();
}
