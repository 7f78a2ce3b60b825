// `socket.attachHook(name, stage, fn)`: functions a view (or an onMount hook) attaches to its own
// lifecycle, run in the order attached before the view's callback of that stage (LiveView's
// `attach_hook`). A hook returns "halt" to stop there: later hooks and the view's callback do
// not run, and a `handleEvent` hook may halt with `{ halt: true, reply }`. `afterRender` hooks
// run after each render; what they assign is sent with the next one.
import type { Params } from "./params.ts";
import type { EventResult } from "./view.ts";

type MaybePromise<T> = T | Promise<T>;

export type HookStage = "handleEvent" | "handleInfo" | "handleParams" | "afterRender";

/** What a hook returns: nothing (or "cont") to go on, "halt" to stop, or a halt with a reply. */
export type HookResult = void | "cont" | "halt" | { readonly halt: true; readonly reply?: Readonly<Record<string, unknown>> };

/** The hook functions by stage; `S` is the socket type they receive. */
export interface HookFunctions<S, Info> {
  handleEvent: (event: string, value: Params, socket: S) => MaybePromise<HookResult>;
  handleInfo: (message: Info, socket: S) => MaybePromise<HookResult>;
  handleParams: (params: Params, url: URL, socket: S) => MaybePromise<HookResult>;
  afterRender: (socket: S) => void;
}

const STAGES: readonly HookStage[] = ["handleEvent", "handleInfo", "handleParams", "afterRender"];

// `any` arguments: each stage's functions are called with that stage's arguments only, which
// the typed `attachHook` overloads of the socket guarantee.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHook = (...args: any[]) => unknown;

/** One view's attached hooks, by stage. */
export class ViewHooks {
  readonly #byStage = new Map<HookStage, { name: string; fn: AnyHook }[]>();

  attach(name: string, stage: HookStage, fn: AnyHook): void {
    if (!STAGES.includes(stage)) throw new Error(`livehtml: attachHook: unknown stage ${JSON.stringify(stage)} (expected one of ${STAGES.join(", ")})`);
    if (typeof fn !== "function") throw new Error(`livehtml: attachHook("${name}", "${stage}") needs a function`);
    let list = this.#byStage.get(stage);
    if (!list) this.#byStage.set(stage, (list = []));
    if (list.some((h) => h.name === name)) {
      throw new Error(`livehtml: a hook named "${name}" is attached to ${stage} already; detach it first or pick another name`);
    }
    list.push({ name, fn });
  }

  detach(name: string, stage: HookStage): void {
    const list = this.#byStage.get(stage);
    if (!list) return;
    const index = list.findIndex((h) => h.name === name);
    if (index >= 0) list.splice(index, 1);
  }

  has(stage: HookStage): boolean {
    return (this.#byStage.get(stage)?.length ?? 0) > 0;
  }

  /**
   * Runs `stage`'s hooks in order; returns null when none halted, else the halt (with the reply
   * of a `handleEvent` halt). A hook detached while the hooks run is still skipped.
   */
  async run(stage: Exclude<HookStage, "afterRender">, args: readonly unknown[]): Promise<{ reply: EventResult } | null> {
    const list = this.#byStage.get(stage);
    if (!list || list.length === 0) return null;
    for (const hook of [...list]) {
      if (!list.includes(hook)) continue;
      const result = (await hook.fn(...args)) as HookResult;
      if (result === "halt") return { reply: undefined };
      if (typeof result === "object" && result !== null && result.halt === true) return { reply: result.reply ? { reply: result.reply } : undefined };
    }
    return null;
  }

  runAfterRender(socket: unknown): void {
    const list = this.#byStage.get("afterRender");
    if (list) for (const hook of [...list]) hook.fn(socket);
  }
}
