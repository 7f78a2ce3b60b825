// Runs one live view: its socket state, callbacks, renders and diffs. Transport-agnostic: the
// WebSocket channel, the HTTP render and the in-process test harness all drive a ViewRuntime
// and carry its output to wherever it goes.
//
// Callbacks run one at a time (a mailbox of promises), like a LiveView process. An exception in
// any callback, template included, ends this view only: it is logged with the view's name and
// reported to the transport as a crash, and nothing else on the server is affected.
import type { Changed, Rendered } from "../shared/rendered.ts";
import { ComponentInstances } from "./component-host.ts";
import { developmentErrors, ERROR_EVENT, errorReport } from "./dev-errors.ts";
import { Effects, type Navigation, type PushedEvent } from "./effects.ts";
import { createDiffEngine, type Engine, type EngineFactory, type WireDiff } from "./engine.ts";
import { trackView, untrackView, type HotView } from "./hot.ts";
import { clientText, consoleLogger, describeError, type Logger } from "./log.ts";
import { copyParams, decodeForm, DEFAULT_PARAM_LIMITS, emptyParams, targetPath, type ParamLimits, type Params } from "./params.ts";
import { runOnBehalfOf, type GuardedView } from "./process-guard.ts";
import { MemoryPubSub, type PubSub } from "./pubsub.ts";
import { LiveSocket, SocketState } from "./socket.ts";
import { ViewMessages } from "./view-messages.ts";
import { templateOf, viewName, type AnyView, type Flash, type RenderAssigns, type Session, type Template } from "./view.ts";

/** Where a running view's pushes go (server → client messages that are not replies). */
export interface ViewOutput {
  push(event: "diff" | "redirect" | "live_redirect" | "live_patch", payload: Record<string, unknown>): void;
  /** The view ended on its own: crashed, or redirected away. */
  stopped(reason: "crash" | "redirect"): void;
}

export interface ViewRuntimeOptions {
  view: AnyView;
  id: string;
  connected: boolean;
  output?: ViewOutput;
  pubsub?: PubSub;
  logger?: Logger;
  createEngine?: EngineFactory;
  /** Signs flash for redirects (`flash` in redirect payloads); without it flash is not carried. */
  signFlash?: (flash: Flash) => string;
  /**
   * Resolves a URL to route params for `view`, or null when no live route of that view matches.
   * It receives the view so that one function can serve every view of a server.
   */
  routeParams?: (url: URL, view: AnyView) => Params | null;
  /** Values `assignNew` reuses instead of computing them (the request's or the embedding page's assigns). */
  inheritedAssigns?: Readonly<Record<string, unknown>>;
}

/** A client event (`event` message payload, PROTOCOL.md §4.5). */
export interface EventPayload {
  type: string;
  event: string;
  value?: unknown;
  cid?: number;
  meta?: Record<string, unknown>;
}

export type ReplyPayload = Record<string, unknown>;
export const CRASHED: unique symbol = Symbol("crashed");
export type Crashed = typeof CRASHED;

const MAX_PATCH_LOOPS = 20;

/** Where the output of a view nobody listens to goes (HTTP renders). */
const NO_OUTPUT: ViewOutput = { push() {}, stopped() {} };
const SETTLED: Promise<unknown> = Promise.resolve();

export class ViewRuntime implements HotView, GuardedView {
  readonly view: AnyView;
  readonly id: string;
  readonly connected: boolean;
  readonly state = new SocketState();
  readonly effects = new Effects();
  readonly components: ComponentInstances;
  readonly socket: LiveSocket<Record<string, unknown>, unknown>;
  url: URL | null = null;
  #engine: Engine;
  #output: ViewOutput;
  #logger: Logger;
  #signFlash: ((flash: Flash) => string) | undefined;
  #routeParams: ((url: URL, view: AnyView) => Params | null) | undefined;
  #mailbox: Promise<unknown> = SETTLED;
  /** Timers, subscriptions and `send`: everything that reaches handleInfo. */
  #messages: ViewMessages;
  #alive = true;

  constructor(options: ViewRuntimeOptions) {
    this.view = options.view;
    this.id = options.id;
    this.connected = options.connected;
    this.#output = options.output ?? NO_OUTPUT;
    this.#logger = options.logger ?? consoleLogger;
    this.#signFlash = options.signFlash;
    this.#routeParams = options.routeParams;
    this.#messages = new ViewMessages(this, options.pubsub ?? new MemoryPubSub());
    this.socket = new LiveSocket(this.state, this.effects, this.#messages);
    if (options.inheritedAssigns) this.socket.inherited = options.inheritedAssigns;
    this.components = new ComponentInstances(this.effects, this.#messages, this.state);
    this.#engine = (options.createEngine ?? createDiffEngine)(this.components);
    // Dev hot swap (hot.ts): a no-op unless a dev server enabled it.
    if (this.connected) trackView(this);
  }

  get name(): string {
    return viewName(this.view);
  }
  get alive(): boolean {
    return this.#alive;
  }

  /**
   * mount + handleParams + first render. Returns the full diff, or the navigation the view asked
   * for during mount (the caller answers with a redirect instead of a page).
   */
  mount(params: Params, session: Session, url: URL, flash: Flash = {}): Promise<{ rendered: WireDiff; livePatch?: Navigation } | { navigation: Navigation } | Crashed> {
    return this.#run("mount", async () => {
      this.url = url;
      if (Object.keys(flash).length) this.state.assigns.flash = { ...flash };
      await this.view.mount?.(params, session, this.socket);
      let nav = this.effects.takeNavigation();
      if (nav && nav.kind !== "patch") return { navigation: nav };
      await this.#handleParams(url, params);
      const patched = await this.#followPatches(nav);
      if (patched && patched.kind !== "patch") return { navigation: patched };
      nav = patched;
      const events = this.effects.takeEvents();
      // The engine's diff is not ours to change: events go into a copy.
      const rendered = events.length ? { ...this.#render(true)!, e: events } : this.#render(true)!;
      return nav ? { rendered, livePatch: nav } : { rendered };
    });
  }

  /** A client `event`: runs the view's or component's handleEvent and answers with the reply payload. */
  event(payload: EventPayload, decoded?: Params): Promise<ReplyPayload | Crashed> {
    return this.#run("handleEvent", async () => {
      const value = decoded ?? eventValue(payload);
      let reply: Readonly<Record<string, unknown>> | undefined;
      /** A component whose own event changed it: rendered on its own, without its parent. */
      let dirtyComponent: number | null = null;
      if (payload.event === "lv:clear-flash") {
        const key = (value as { key?: unknown }).key;
        this.socket.clearFlash(typeof key === "string" ? key : undefined);
      } else if (payload.event.startsWith("lv:")) {
        throw new Error(`unknown internal event ${clientText(payload.event)}`);
      } else if (typeof payload.cid === "number") {
        const instance = this.components.get(payload.cid);
        if (!instance) {
          // The component may be gone (destroyed meanwhile): LiveView ignores such events.
          this.#logger.warn(`${this.name}: event ${clientText(payload.event)} for unknown component ${payload.cid} ignored`);
          return {};
        }
        const handler = instance.definition.handleEvent;
        if (!handler) throw new Error(`component ${this.components.nameOf(payload.cid)} has no handleEvent for ${clientText(payload.event)}`);
        reply = (await handler(payload.event, value, instance.socket))?.reply;
        if (instance.state.hasChanges()) dirtyComponent = payload.cid;
      } else {
        if (!this.view.handleEvent) throw new Error(`no handleEvent for ${clientText(payload.event)}`);
        reply = (await this.view.handleEvent(payload.event, value, this.socket))?.reply;
      }
      return (await this.#afterCallback(reply, true, dirtyComponent)) ?? {};
    }, payload.event);
  }

  /** A message for handleInfo (timer, pubsub, `send`); its diff is pushed. */
  info(message: unknown): Promise<void | Crashed> {
    return this.#run("handleInfo", async () => {
      if (!this.view.handleInfo) throw new Error(`received a message but has no handleInfo: ${safeJSON(message)}`);
      await this.view.handleInfo(message, this.socket);
      await this.#afterCallback(undefined, false);
    });
  }

  /** Client `live_patch`: the URL changed within this view. */
  livePatch(url: URL): Promise<ReplyPayload | Crashed> {
    return this.#run("handleParams", async () => {
      const params = this.#routeParams ? this.#routeParams(url, this.view) : queryParams(url);
      // A URL that belongs to another view: the client then navigates to it (`replaceMain`).
      if (params === null) return { link_redirect: true };
      await this.#handleParams(url, params);
      return (await this.#afterCallback(undefined, true)) ?? {};
    });
  }

  /** Resolves once every callback queued so far has run. */
  async idle(): Promise<void> {
    await this.#mailbox.catch(() => {});
  }

  /** `cids_destroyed`: forget the client's removed components. */
  destroyComponents(cids: readonly number[]): number[] {
    const deleted = this.#engine.deleteComponents(cids);
    this.components.delete(deleted);
    return deleted;
  }

  /** `cids_will_destroy`: the client is removing these; a re-render before deletion revives them. */
  willDestroyComponents(cids: readonly number[]): void {
    this.#engine.markForDeletion(cids);
  }

  /**
   * Dev hot swap (hot.ts): the template changed. Renders from the kept state with every slot
   * recomputed; the diff engine sends statics for each node whose fingerprint changed (for an
   * edited template that includes its root, so the view is sent whole). The diff is pushed.
   */
  rerender(): Promise<void | Crashed> {
    return this.#run("hot re-render", async () => void this.#emit(this.#render(false, true), undefined, null, false));
  }

  /**
   * Dev hot swap (hot.ts): the view's code changed. Ends the view as a crash does, without
   * logging one, so the client rejoins (PROTOCOL.md §5.4) and mounts the new code.
   */
  remount(): Promise<void | Crashed> {
    return this.#run("hot remount", async () => {
      this.terminate("remount");
      this.#output.stopped("crash");
    });
  }

  /** Ends the view (client left, socket closed, or server shutdown). */
  terminate(reason: string): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#clearResources();
    // An HTTP render is not a running view (LiveView has no process for it): only a connected
    // view is told it ends.
    if (!this.connected) return;
    try {
      this.view.terminate?.(reason, this.socket);
    } catch (error) {
      this.#logger.error(`${this.name}: terminate threw: ${describeError(error)}`, error);
    }
  }

  async #handleParams(url: URL, params: Params): Promise<void> {
    this.url = url;
    await this.view.handleParams?.(params, url, this.socket);
  }

  /** Runs handleParams for each pushPatch in a row (capped, as LiveView caps patch loops). */
  async #followPatches(nav: Navigation | null): Promise<Navigation | null> {
    let last: Navigation | null = nav;
    for (let i = 0; nav && nav.kind === "patch"; i++) {
      if (i >= MAX_PATCH_LOOPS) throw new Error(`too many pushPatch calls in a row (more than ${MAX_PATCH_LOOPS}); check handleParams`);
      const url = new URL(nav.to, this.url ?? "http://localhost/");
      const params = this.#routeParams ? this.#routeParams(url, this.view) : queryParams(url);
      if (params === null) return { kind: "navigate", to: nav.to, replace: nav.replace };
      await this.#handleParams(url, params);
      last = nav;
      nav = this.effects.takeNavigation();
      if (nav && nav.kind !== "patch") return nav;
      if (nav) last = nav;
    }
    return last;
  }

  /**
   * Turns what a callback did into output: navigation (a pushPatch runs handleParams first),
   * then a render. When replying (events, patches) the result is the reply payload; otherwise
   * everything is pushed.
   */
  async #afterCallback(reply: Readonly<Record<string, unknown>> | undefined, replying: boolean, dirtyComponent: number | null = null): Promise<ReplyPayload | undefined> {
    let nav = this.effects.takeNavigation();
    if (nav) nav = await this.#followPatches(nav);
    if (nav && nav.kind !== "patch") return this.#leave(nav, replying);
    return this.#emit(this.#render(false, false, dirtyComponent), reply, nav, replying);
  }

  #emit(diff: WireDiff | null, reply: Readonly<Record<string, unknown>> | undefined, patch: Navigation | null, replying: boolean): ReplyPayload | undefined {
    const events = this.effects.takeEvents();
    let out: WireDiff | null = diff && Object.keys(diff).length ? diff : null;
    if (events.length) out = { ...(out ?? {}), e: events };
    if (reply) out = { ...(out ?? {}), r: reply };
    const livePatch = patch && patch.kind === "patch" ? { to: patch.to, kind: patch.replace ? "replace" : "push" } : null;
    if (replying) {
      const payload: ReplyPayload = {};
      if (out) payload.diff = out;
      if (livePatch) payload.live_patch = livePatch;
      return payload;
    }
    if (livePatch) this.#output.push("live_patch", livePatch);
    if (out) this.#output.push("diff", out);
    return undefined;
  }

  #leave(nav: Navigation, replying: boolean): ReplyPayload | undefined {
    const flash = this.state.assigns.flash as Flash;
    const signed = Object.keys(flash).length && this.#signFlash ? this.#signFlash(flash) : undefined;
    // Events pushed before leaving still reach the client first (flushed as a diff).
    const events: readonly PushedEvent[] = this.effects.takeEvents();
    const key = nav.kind === "redirect" ? "redirect" : "live_redirect";
    const target: Record<string, unknown> = nav.kind === "redirect" ? { to: nav.to } : { to: nav.to, kind: nav.replace ? "replace" : "push" };
    if (signed) target.flash = signed;
    this.terminate("redirect");
    if (replying) {
      const payload: ReplyPayload = { [key]: target };
      if (events.length) payload.diff = { e: events };
      this.#output.stopped("redirect");
      return payload;
    }
    if (events.length) this.#output.push("diff", { e: events });
    this.#output.push(key, target);
    this.#output.stopped("redirect");
    return undefined;
  }

  /**
   * Renders when something changed (`force` for the first render, with a reset engine). The view
   * renders when its own assigns changed, or with every slot recomputed under `recomputeAll`
   * (the engine still sends only what differs). `dirtyComponent` (changed by its own event)
   * renders on its own through the engine's `renderComponents`, so a component event sends only
   * `{ c: { cid: … } }`, unless the view's render already reached it.
   */
  #render(force: boolean, recomputeAll = false, dirtyComponent: number | null = null): WireDiff | null {
    let diff: WireDiff | null = null;
    const componentOnly = !force && dirtyComponent !== null && this.#engine.renderComponents !== undefined;
    // An engine that cannot render components alone re-evaluates every slot to reach them.
    const reach = !force && (recomputeAll || (dirtyComponent !== null && !componentOnly));
    if (force || reach || this.state.hasChanges()) {
      const changed = force || reach ? null : this.state.changed;
      const titleChanged = force ? this.state.assigns.pageTitle !== undefined : changed !== null && "pageTitle" in changed;
      const rendered: Rendered = renderWith(templateOf(this.view), this.state.assigns, changed);
      if (force) this.#engine.reset();
      diff = this.#engine.render(rendered);
      // Copied only to add the title: the engine's diff is not ours to change.
      if (titleChanged) diff = { ...diff, t: String(this.state.assigns.pageTitle ?? "") };
      this.state.clearChanged();
    }
    if (componentOnly && this.components.get(dirtyComponent!)?.state.hasChanges()) {
      const components = this.#engine.renderComponents!([dirtyComponent!]);
      if (components.c) diff = { ...(diff ?? {}), c: { ...((diff?.c as object | undefined) ?? {}), ...(components.c as object) } };
    }
    return diff;
  }

  /** `event` names the client event for the crash log (kept apart so that no string is built per event). */
  #run<T>(where: string, fn: () => Promise<T>, event?: string): Promise<T | Crashed> {
    // Run on this view's behalf: timers and promises the callback starts stay attributed to it,
    // so the process guard can crash this view (not the process) when one of them fails.
    const result = this.#mailbox.then(() => runOnBehalfOf(this, async (): Promise<T | Crashed> => {
      if (!this.#alive) return CRASHED;
      try {
        return await fn();
      } catch (error) {
        this.#crash(event === undefined ? where : `${where}(${clientText(event)})`, error);
        return CRASHED;
      }
    }));
    this.#mailbox = result;
    return result;
  }

  /**
   * The process guard caught an error from something this view started (a timer callback, a
   * promise nobody awaited). A live view crashes as if a callback threw; a view that has ended
   * only has it logged.
   */
  crashFromOutside(where: string, error: unknown): void {
    if (this.#alive) this.#crash(where, error);
    else this.#logger.error(`view ${this.name} (${this.id}) failed after it ended, in ${where}: ${describeError(error)}`, error);
  }

  #crash(where: string, error: unknown): void {
    this.#logger.error(`view ${this.name} (${this.id}) crashed in ${where}: ${describeError(error)}`, error);
    this.#alive = false;
    this.#clearResources();
    try {
      if (this.connected) this.view.terminate?.("crash", this.socket);
    } catch {
      // The view is already down; its terminate failing changes nothing.
    }
    // Before the client learns of the crash (it then rejoins): the page shows what failed.
    if (this.connected && developmentErrors()) this.#output.push("diff", { e: [[ERROR_EVENT, errorReport(this.name, where, error)]] });
    this.#output.stopped("crash");
  }

  #clearResources(): void {
    untrackView(this);
    this.#messages.clear();
    this.components.clear();
  }
}

/**
 * Event values: forms are URL-encoded and decoded with nested rules; `meta` is merged; `_target`
 * split. Client maps are copied into null-prototype ones; bad input throws a `ParamsError`.
 */
export function eventValue(payload: EventPayload, limits: ParamLimits = DEFAULT_PARAM_LIMITS): Params {
  let value: Params;
  if (payload.type === "form") {
    value = typeof payload.value === "string" ? decodeForm(payload.value, limits) : emptyParams();
  } else {
    value = typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) ? copyParams(payload.value as Record<string, unknown>) : emptyParams();
  }
  if (payload.meta && typeof payload.meta === "object") {
    const meta = copyParams(payload.meta);
    if (typeof meta._target === "string") meta._target = targetPath(meta._target, limits.depth);
    copyParams(meta, value);
  }
  return value;
}

export function queryParams(url: URL, limits: ParamLimits = DEFAULT_PARAM_LIMITS): Params {
  return decodeForm(url.search.slice(1), limits);
}

function safeJSON(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Renders a view's template. A compiled template (it carries its `html` renderer) takes the
 * change map as an argument, so the assigns are not copied; any other render function reads
 * it from `assigns.__changed__`, as LiveView's do.
 */
function renderWith(template: Template<Record<string, unknown>>, assigns: Record<string, unknown>, changed: Changed): Rendered {
  if (typeof (template as { html?: unknown }).html === "function") {
    return (template as unknown as (a: Record<string, unknown>, c: Changed) => Rendered)(assigns, changed);
  }
  return template({ ...assigns, __changed__: changed } as RenderAssigns<Record<string, unknown>>);
}
