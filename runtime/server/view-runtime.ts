// Runs one live view: its socket state, callbacks, renders and diffs. Transport-agnostic: the
// WebSocket channel, the HTTP render and the in-process test harness all drive a ViewRuntime
// and carry its output to wherever it goes.
//
// Callbacks run one at a time (a mailbox of promises), like a LiveView process. An exception in
// any callback, template included, ends this view only: it is logged with the view's name and
// reported to the transport as a crash, and nothing else on the server is affected.
import type { Changed, Rendered } from "../shared/rendered.ts";
import { raw } from "../shared/escape.ts";
import { withCsrfToken } from "../shared/csrf-token.ts";
import { ComponentInstances } from "./component-host.ts";
import { renderHtmlWithComponents } from "./component-html.ts";
import { developmentErrors, ERROR_EVENT, errorReport } from "./dev-errors.ts";
import { Effects, type Navigation, type PushedEvent } from "./effects.ts";
import type { WireMessageDiff } from "../shared/wire.ts";
import type { LivePatchTarget, PushEvent, PushPayloads, ReplyPayload } from "./outgoing.ts";
import { createDiffEngine, type Engine, type EngineFactory } from "./engine.ts";
import { trackView, untrackView, type HotView } from "./hot.ts";
import { clientText, consoleLogger, describeError, type Logger } from "./log.ts";
import { copyParams, decodeForm, DEFAULT_PARAM_LIMITS, emptyParams, targetPath, type ParamLimits, type Params } from "./params.ts";
import { runOnBehalfOf, type GuardedView } from "./process-guard.ts";
import { MemoryPubSub, type PubSub } from "./pubsub.ts";
import type { LiveSessionInfo, OnMountHook, ViewLayout } from "./live-session.ts";
import { LiveSocket, SocketState, type TimerRef, type ViewHost } from "./socket.ts";
import { ComponentUpdate, type ComponentUpdates } from "./send-update.ts";
import { componentName } from "./component.ts";
import { AsyncTasks, type AsyncOutcome, type AsyncOwner, type AsyncTask } from "./async.ts";
import { applyAsyncOutcome } from "./async-outcome.ts";
import { ViewMessages } from "./view-messages.ts";
import { ChildViews, type ChildContainer } from "./child-views.ts";
import { ChildCollector, withChildRenderer } from "./nested.ts";
import { isThenable, type MaybePromise } from "../shared/thenable.ts";
import { UploadError, ViewUploads, type EntryChannel, type UploadToken } from "./uploads/view-uploads.ts";
import { isEmptyObject } from "../shared/equal.ts";
import { templateOf, viewName, type AnyView, type Flash, type RenderAssigns, type Session, type Template } from "./view.ts";

/** Where a running view's pushes go (server → client messages that are not replies). */
export interface ViewOutput {
  push<E extends PushEvent>(event: E, payload: PushPayloads[E]): void;
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
  /**
   * A nested live view (`liveRender`, sticky or not): mounted by a parent or a layout, not at a
   * route, so it has no URL params of its own and a handleParams (its own or a hook) is refused.
   */
  nested?: boolean;
  /**
   * Where a nested view's pushPatch goes: to its parent, up to the page's root view, whose
   * handleParams runs and which patches the page's URL (LiveView sends a child's push_patch to
   * its root the same way). Without it a pushPatch patches this view.
   */
  patchRoot?: (nav: Navigation) => void;
  /** Values `assignNew` reuses instead of computing them (the request's or the embedding page's assigns). */
  inheritedAssigns?: Readonly<Record<string, unknown>>;
  /** The route's live session: its onMount hooks run before the view's, its layout wraps the view. */
  liveSession?: LiveSessionInfo;
  /** The join's `params` (connected views). */
  connectParams?: Readonly<Record<string, unknown>>;
  /** The page's tracked static assets differ from the server's (computed at the join). */
  staticChanged?: boolean;
  /** The page's CSRF token, which `<.form action>` and `<.link method>` put in by themselves. */
  csrfToken?: string;
  /** Builds the containers of the nested live views a connected render meets (`liveRender`). */
  childContainer?: ChildContainer;
  /** Signs the token an upload channel joins with (connected views; without it nothing uploads). */
  signUpload?: (token: UploadToken) => string;
  /** The server's `limits.frameBytes`, which an upload's chunks must fit in (default: the default limit). */
  frameBytes?: number;
}

/** The answer to an upload message: the reply, or why the message was refused (the view goes on). */
export type UploadReply = { ok: ReplyPayload } | { refused: string };

/** A client event (`event` message payload, PROTOCOL.md §4.5). */
export interface EventPayload {
  type: string;
  event: string;
  value?: unknown;
  cid?: number;
  meta?: Record<string, unknown>;
  /** Form events: the files chosen in the form's file inputs, by upload ref. */
  uploads?: unknown;
}

export type { ReplyPayload };
export const CRASHED: unique symbol = Symbol("crashed");

/**
 * Why the view renders: "mount", its first render (a reset engine, every slot, the title if
 * set); "changes", after a callback (the slots whose assigns changed, plus `component` when a
 * component's own event changed it); "recompute", a hot swap (every slot recomputed, and the
 * engine still sends only what differs).
 */
type RenderRequest = { kind: "mount" } | { kind: "changes"; component: number | null } | { kind: "recompute" };
const MOUNT_RENDER: RenderRequest = { kind: "mount" };
const RECOMPUTE_RENDER: RenderRequest = { kind: "recompute" };
export type Crashed = typeof CRASHED;

const MAX_PATCH_LOOPS = 20;
/** How long a connected mount waits for its pubsub subscriptions to take effect (PubSub.ready). */
const SUBSCRIBE_WAIT_MS = 2000;

/** A runtime made without `childContainer` (no server around it) cannot place nested views. */
const noChildContainer: ChildContainer = (child) => {
  throw new Error(`liveRender(${JSON.stringify(child.id)}): this view runs without a server connection, which nested live views need`);
};

/** Where the output of a view nobody listens to goes (HTTP renders). */
const NO_OUTPUT: ViewOutput = { push() {}, stopped() {} };
const SETTLED: Promise<unknown> = Promise.resolve();

/** What mount and handleParams ended with: the navigation that leaves the view, or the pushPatch it stays at. */
interface MountOutcome {
  leave: Navigation | null;
  patch: Navigation | null;
}
const STAYED: MountOutcome = { leave: null, patch: null };

/** An HTTP render's page: the view's HTML, and the nested live views it placed (rendered by the caller). */
export interface HtmlMount {
  html: string;
  children: ChildCollector;
}

export class ViewRuntime implements HotView, GuardedView, ViewHost, AsyncOwner, ComponentUpdates {
  readonly view: AnyView;
  readonly id: string;
  readonly connected: boolean;
  readonly state = new SocketState();
  readonly effects = new Effects();
  readonly components: ComponentInstances;
  readonly socket: LiveSocket<Record<string, unknown>, unknown>;
  url: URL | null = null;
  /** Made by the first diff: an HTTP render (`mountHtml`) never makes one. */
  #engine: Engine | null = null;
  #createEngine: EngineFactory;
  #output: ViewOutput;
  #logger: Logger;
  #signFlash: ((flash: Flash) => string) | undefined;
  #routeParams: ((url: URL, view: AnyView) => Params | null) | undefined;
  #mailbox: Promise<unknown> = SETTLED;
  /** Timers, subscriptions and `send`: everything that reaches handleInfo. */
  #messages: ViewMessages;
  #alive = true;
  #liveSession: LiveSessionInfo | undefined;
  /** The join's params, kept until mount is done (as LiveView, they are read during mount only). */
  #connectParams: Readonly<Record<string, unknown>> | null;
  #staticChanged: boolean;
  /** Running async work, created with the first (most views have none). */
  #async: AsyncTasks | null = null;
  #csrfToken: string | null;
  /** The nested live views its connected renders placed (`liveRender`); made by the first. */
  #children: ChildViews | null = null;
  readonly #childContainer: ChildContainer;
  readonly #nested: boolean;
  readonly #patchRoot: ((nav: Navigation) => void) | null;
  /** The session the view mounted with (its nested views' sessions start from it). */
  session: Session = {};
  /** Uploads, created with the first `allowUpload`. */
  #uploads: ViewUploads | null = null;
  #signUpload: ((token: UploadToken) => string) | null;

  constructor(options: ViewRuntimeOptions) {
    this.view = options.view;
    this.id = options.id;
    this.connected = options.connected;
    this.#output = options.output ?? NO_OUTPUT;
    this.#logger = options.logger ?? consoleLogger;
    this.#signFlash = options.signFlash;
    this.#routeParams = options.routeParams;
    this.#liveSession = options.liveSession;
    this.#connectParams = options.connectParams ?? null;
    this.#staticChanged = options.staticChanged ?? false;
    this.#csrfToken = options.csrfToken ?? null;
    this.#nested = options.nested === true;
    this.#patchRoot = options.patchRoot ?? null;
    this.#messages = new ViewMessages(this, options.pubsub ?? new MemoryPubSub());
    this.socket = new LiveSocket(this.state, this.effects, this.#messages);
    if (options.inheritedAssigns) this.socket.inherited = options.inheritedAssigns;
    this.socket.host = this;
    this.socket.updates = this;
    this.components = new ComponentInstances(this.effects, this.#messages, this.state);
    this.components.updates = this;
    this.#signUpload = options.signUpload ?? null;
    const frameBytes = options.frameBytes;
    const uploads = () => (this.#uploads ??= new ViewUploads(this.id, this.#signUpload, frameBytes));
    this.socket.uploadHost = { uploads, cid: null };
    this.components.uploads = uploads;
    this.components.asyncHost = this;
    this.#createEngine = options.createEngine ?? createDiffEngine;
    this.#childContainer = options.childContainer ?? noChildContainer;
    // Dev hot swap (hot.ts): a no-op unless a dev server enabled it.
    if (this.connected) trackView(this);
  }

  /** The nested live views its connected renders placed (`liveRender`). An HTTP render makes none. */
  get children(): ChildViews {
    return (this.#children ??= new ChildViews(this.id, this.#childContainer));
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
  mount(params: Params, session: Session, url: URL, flash: Flash = {}): Promise<{ rendered: WireMessageDiff; livePatch?: Navigation } | { navigation: Navigation } | Crashed> {
    const result = this.#run("mount", async () => {
      const mounted = await this.#mountCallbacks(params, session, url, flash);
      if (mounted.leave) return { navigation: mounted.leave };
      const nav = mounted.patch;
      // A broadcast sent once the client has the page must reach this view, also from another
      // process: the join is answered when the subscriptions mount made are in effect.
      await this.#messages.subscribed(SUBSCRIBE_WAIT_MS);
      const events = this.effects.takeEvents();
      // The engine's diff is not ours to change: events go into a copy.
      const first = this.#render(MOUNT_RENDER)!;
      const rendered = events.length ? { ...first, e: events } : first;
      return nav ? { rendered, livePatch: nav } : { rendered };
    });
    // Read during mount only: not kept for the life of the view.
    void result.finally(() => (this.#connectParams = null));
    return result;
  }

  /**
   * The HTTP render: mount + handleParams, then the page's HTML straight from the compiled
   * HTML renderer, stateful components included. No diff engine state is built for a render
   * that is thrown away; the connected mount that follows builds its own.
   *
   * It is the runtime's one callback, so it starts at once rather than behind the mailbox; when
   * mount and handleParams return no promise, the HTML comes back in the same turn, not as a
   * promise (thenable.ts).
   */
  mountHtml(params: Params, session: Session, url: URL, flash: Flash = {}): MaybePromise<HtmlMount | { navigation: Navigation } | Crashed> {
    return this.#runFirst("mount", () => {
      const mounted = this.#mountCallbacks(params, session, url, flash);
      return isThenable(mounted) ? mounted.then((outcome) => this.#htmlAfterMount(outcome)) : this.#htmlAfterMount(mounted);
    });
  }

  #htmlAfterMount(mounted: MountOutcome): HtmlMount | { navigation: Navigation } {
    if (mounted.leave) return { navigation: mounted.leave };
    const template = templateOf(this.view);
    const assigns = this.state.assigns;
    const layout = this.#liveSession?.layout;
    const page = () => {
      const inner = htmlOf(template, assigns);
      // The live session's layout goes inside the container, around the view (as in #render).
      return layout ? htmlOf(layout, { ...assigns, inner_content: raw(inner) }) : inner;
    };
    // Nested live views become placeholders, filled by the caller with their own HTTP renders.
    const children = new ChildCollector();
    const html = withCsrfToken(this.#csrfToken, () =>
      withChildRenderer(children.renderer, () => renderHtmlWithComponents(page, this.components)),
    );
    this.state.clearChanged();
    return { html, children };
  }

  /**
   * mount, then handleParams for the URL and for each pushPatch; `leave` when it navigated away.
   * A promise only when a callback returned one.
   */
  #mountCallbacks(params: Params, session: Session, url: URL, flash: Flash): MaybePromise<MountOutcome> {
    this.url = url;
    this.session = session;
    if (!isEmptyObject(flash)) this.state.assigns.flash = { ...flash };
    if (this.#liveSession?.onMount?.length || this.view.onMount) {
      return this.#onMount(params, session).then((halted) => (halted ? { leave: halted, patch: null } : this.#viewMount(params, session, url)));
    }
    return this.#viewMount(params, session, url);
  }

  #viewMount(params: Params, session: Session, url: URL): MaybePromise<MountOutcome> {
    const mounted = this.view.mount?.(params, session, this.socket);
    return isThenable(mounted) ? Promise.resolve(mounted).then(() => this.#paramsAfterMount(params, url)) : this.#paramsAfterMount(params, url);
  }

  #paramsAfterMount(params: Params, url: URL): MaybePromise<MountOutcome> {
    const nav = this.effects.takeNavigation();
    if (nav && nav.kind !== "patch") return { leave: nav, patch: null };
    if (this.#nested) this.#refuseHandleParams();
    const handled = this.#handleParams(url, params);
    if (!handled && !nav) return STAYED;
    return this.#patchesAfterParams(handled, nav);
  }

  async #patchesAfterParams(handled: Promise<void> | undefined, nav: Navigation | null): Promise<MountOutcome> {
    if (handled) await handled;
    if (!nav) return STAYED;
    const patched = await this.#followPatches(nav);
    if (patched && patched.kind !== "patch") return { leave: patched, patch: null };
    return { leave: null, patch: patched };
  }

  #diffEngine(): Engine {
    return (this.#engine ??= this.#createEngine(this.components));
  }

  /** A client `event`: runs the view's or component's handleEvent and answers with the reply payload. */
  event(payload: EventPayload, decoded?: Params): Promise<ReplyPayload | Crashed> {
    return this.#run("handleEvent", async () => {
      const value = decoded ?? eventValue(payload);
      let reply: Readonly<Record<string, unknown>> | undefined;
      /** A component whose own event changed it: rendered on its own, without its parent. */
      let dirtyComponent: number | null = null;
      if (payload.uploads !== undefined) this.#uploads?.formUploads(payload.uploads, typeof payload.cid === "number" ? payload.cid : null);
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
        const halted = await this.socket.hooks?.run("handleEvent", [payload.event, value, this.socket]);
        if (halted) reply = halted.reply?.reply;
        else if (!this.view.handleEvent) throw new Error(`no handleEvent for ${clientText(payload.event)}`);
        else reply = (await this.view.handleEvent(payload.event, value, this.socket))?.reply;
      }
      return (await this.#afterCallback(reply, true, dirtyComponent)) ?? {};
    }, payload.event);
  }

  /** A message for handleInfo (timer, pubsub, `send`); its diff is pushed. */
  info(message: unknown): Promise<void | Crashed> {
    if (message instanceof ComponentUpdate) return this.#componentUpdate(message);
    return this.#run("handleInfo", async () => {
      const halted = await this.socket.hooks?.run("handleInfo", [message, this.socket]);
      if (!halted) {
        if (!this.view.handleInfo) throw new Error(`received a message but has no handleInfo: ${safeJSON(message)}`);
        await this.view.handleInfo(message, this.socket);
      }
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

  /**
   * A nested view's pushPatch (see `patchRoot`): passed further up by a nested view, run here by
   * the root, which then pushes the `live_patch` and its diff.
   */
  patchFromChild(nav: Navigation): void {
    if (this.#patchRoot) return this.#patchRoot(nav);
    void this.#run("handleParams", async () => {
      this.effects.navigate(nav);
      await this.#afterCallback(undefined, false);
    });
  }

  /** This view's uploads, or null when it allowed none. */
  get uploads(): ViewUploads | null {
    return this.#uploads;
  }

  /** The `allow_upload` message: the preflight reply, with the diff it caused. */
  allowUpload(payload: Record<string, unknown>): Promise<UploadReply | Crashed> {
    return this.#uploadMessage("allow_upload", payload, async (uploads, cid) => ({ reply: await uploads.preflight(payload, cid) }));
  }

  /** The `progress` message: records it and runs the upload's `progress` callback. */
  uploadProgress(payload: Record<string, unknown>): Promise<UploadReply | Crashed> {
    return this.#uploadMessage("progress", payload, async (uploads, cid) => {
      await uploads.progress(payload, cid)?.();
      return { reply: {} };
    });
  }

  #uploadMessage(where: string, payload: Record<string, unknown>, fn: (uploads: ViewUploads, cid: number | null) => Promise<{ reply: ReplyPayload }>): Promise<UploadReply | Crashed> {
    return this.#run(where, async (): Promise<UploadReply> => {
      const cid = typeof payload.cid === "number" ? payload.cid : null;
      if (!this.#uploads) return { refused: `${where}: this view allowed no uploads` };
      let reply: ReplyPayload;
      try {
        ({ reply } = await fn(this.#uploads, cid));
      } catch (error) {
        // The client's message was wrong, not the view: it is refused and the view goes on.
        if (error instanceof UploadError) return { refused: error.message };
        throw error;
      }
      const dirty = cid !== null && this.components.get(cid)?.state.hasChanges() ? cid : null;
      return { ok: { ...reply, ...(await this.#afterCallback(undefined, true, dirty)) } };
    });
  }

  /** An entry's upload channel ended on its own: the entry is gone, and the view shows it. */
  uploadEnded(token: UploadToken, channel: EntryChannel): void {
    void this.#run("upload", async () => {
      const cid = this.#uploads?.channelEnded(token, channel);
      if (cid === undefined) return;
      await this.#afterCallback(undefined, false, cid !== null && this.components.get(cid)?.state.hasChanges() ? cid : null);
    });
  }

  get connectParams(): Readonly<Record<string, unknown>> | null {
    return this.#connectParams;
  }

  staticChanged(): boolean {
    return this.#staticChanged;
  }

  sendUpdate(update: ComponentUpdate): void {
    void this.#componentUpdate(update);
  }

  sendUpdateAfter(update: ComponentUpdate, ms: number): TimerRef {
    // A timer message: it dies with the view, and `info` turns it back into the update.
    return this.#messages.sendAfter(update, ms);
  }

  /** Runs a queued `sendUpdate`: the component's update, then only its diff is pushed. */
  #componentUpdate(update: ComponentUpdate): Promise<void | Crashed> {
    return this.#run("sendUpdate", async () => {
      const cid = this.components.find(update.component, update.id);
      if (cid === null) {
        this.#logger.warn(`${this.name}: sendUpdate to ${componentName(update.component)} "${update.id}" ignored: no such component is rendered`);
        return;
      }
      this.components.update(cid, update.assigns);
      const dirty = this.components.get(cid)?.state.hasChanges() ? cid : null;
      await this.#afterCallback(undefined, false, dirty);
    }, update.id);
  }

  tasks(): AsyncTasks {
    return (this.#async ??= new AsyncTasks(this));
  }

  /**
   * Async work finished (or a `startAsync` was cancelled): its result becomes a callback in the
   * mailbox, rendered and pushed. Dropped when the view ended or newer work replaced it.
   */
  asyncDone(task: AsyncTask, outcome: AsyncOutcome, cancelled = false): void {
    void this.#run("handleAsync", async () => {
      if (!cancelled) {
        if (!this.#async?.isCurrent(task)) return;
        this.#async.finish(task);
      }
      await applyAsyncOutcome(this.socket, task, outcome, { name: this.name, logger: this.#logger, handleAsync: this.view.handleAsync });
      await this.#afterCallback(undefined, false);
    }, task.keys.join(","));
  }

  /**
   * A stateful component's work finished (or its `startAsync` was cancelled): delivered to the
   * component in the view's mailbox, and only its diff is sent. Dropped when the component was
   * removed (or replaced) meanwhile, or newer work replaced it.
   */
  componentAsyncDone(cid: number, tasks: AsyncTasks, task: AsyncTask, outcome: AsyncOutcome, cancelled: boolean): void {
    void this.#run("handleAsync", async () => {
      const instance = this.components.get(cid);
      if (!instance || instance.tasks !== tasks) return;
      if (!cancelled) {
        if (!tasks.isCurrent(task)) return;
        tasks.finish(task);
      }
      const name = `${this.name}: component ${componentName(instance.definition)} "${String(instance.state.assigns.id)}"`;
      await applyAsyncOutcome(instance.socket, task, outcome, { name, logger: this.#logger, handleAsync: instance.definition.handleAsync });
      await this.#afterCallback(undefined, false, instance.state.hasChanges() ? cid : null);
    }, task.keys.join(","));
  }

  /** Resolves once the async work running now (the view's and its components') has finished and its results were handled. */
  async asyncIdle(): Promise<void> {
    // Bounded: a result may start more work, which is waited for too, a few rounds deep.
    for (let round = 0; round < 100; round++) {
      await this.#async?.idle();
      await this.components.asyncIdle();
      await this.idle();
      if (!this.#async?.running && !this.components.asyncRunning) return;
    }
  }

  /** Resolves once every callback queued so far has run. */
  async idle(): Promise<void> {
    await this.#mailbox.catch(() => {});
  }

  /** `cids_destroyed`: forget the client's removed components. */
  destroyComponents(cids: readonly number[]): number[] {
    if (this.#engine === null) return [];
    const deleted = this.#engine.deleteComponents(cids);
    this.#uploads?.componentsDestroyed(deleted);
    this.components.delete(deleted);
    return deleted;
  }

  /** `cids_will_destroy`: the client is removing these; a re-render before deletion revives them. */
  willDestroyComponents(cids: readonly number[]): void {
    this.#engine?.markForDeletion(cids);
  }

  /**
   * Dev hot swap (hot.ts): the template changed. Renders from the kept state with every slot
   * recomputed; the diff engine sends statics for each node whose fingerprint changed (for an
   * edited template that includes its root, so the view is sent whole). The diff is pushed.
   */
  rerender(): Promise<void | Crashed> {
    return this.#run("hot re-render", async () => void this.#emit(this.#render(RECOMPUTE_RENDER), undefined, null, false));
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

  /** The live session's onMount hooks, then the view's; the navigation of one that halted. */
  async #onMount(params: Params, session: Session): Promise<Navigation | null> {
    const hooks: readonly OnMountHook[] = [...(this.#liveSession?.onMount ?? []), ...hookList(this.view.onMount)];
    for (const hook of hooks) {
      if ((await hook(params, session, this.socket)) !== "halt") continue;
      const nav = this.effects.takeNavigation();
      if (!nav || nav.kind === "patch") {
        throw new Error(`an onMount hook halted the mount without redirecting (call socket.redirect or socket.pushNavigate before returning "halt")`);
      }
      return nav;
    }
    return null;
  }

  /**
   * A nested view has no route, so no params of its own (LiveView refuses handle_params on
   * child views for the same reason): a mount error, which ends this view only.
   */
  #refuseHandleParams(): void {
    const what = this.view.handleParams ? "a handleParams callback" : this.socket.hooks?.has("handleParams") ? "a handleParams hook (attachHook)" : null;
    if (!what) return;
    throw new Error(
      `${this.name} is a nested live view (liveRender) and has ${what}: only a view mounted at a route gets URL params. ` +
        "Pass what it needs through liveRender's session, or let its parent handle the params",
    );
  }

  /** handleParams (after its hooks); a promise only when there is something to wait for. */
  #handleParams(url: URL, params: Params): Promise<void> | undefined {
    this.url = url;
    if (this.socket.hooks?.has("handleParams")) return this.#handleParamsAfterHooks(url, params);
    const handled = this.view.handleParams?.(params, url, this.socket);
    return isThenable(handled) ? (Promise.resolve(handled) as Promise<void>) : undefined;
  }

  async #handleParamsAfterHooks(url: URL, params: Params): Promise<void> {
    if (await this.socket.hooks!.run("handleParams", [params, url, this.socket])) return;
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
    if (nav?.kind === "patch" && this.#patchRoot) {
      this.#patchRoot(nav);
      nav = null;
    }
    if (nav) nav = await this.#followPatches(nav);
    if (nav && nav.kind !== "patch") return this.#leave(nav, replying);
    return this.#emit(this.#render({ kind: "changes", component: dirtyComponent }), reply, nav, replying);
  }

  #emit(diff: WireMessageDiff | null, reply: Readonly<Record<string, unknown>> | undefined, patch: Navigation | null, replying: boolean): ReplyPayload | undefined {
    const events = this.effects.takeEvents();
    let out: WireMessageDiff | null = diff && Object.keys(diff).length ? diff : null;
    if (events.length) out = { ...(out ?? {}), e: events };
    if (reply) out = { ...(out ?? {}), r: reply };
    const livePatch: LivePatchTarget | null = patch && patch.kind === "patch" ? { to: patch.to, kind: patch.replace ? "replace" : "push" } : null;
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
    const signed = !isEmptyObject(flash) && this.#signFlash ? this.#signFlash(flash) : undefined;
    // Events pushed before leaving still reach the client first (flushed as a diff).
    const events: readonly PushedEvent[] = this.effects.takeEvents();
    const carried = signed ? { flash: signed } : {};
    const payload: ReplyPayload =
      nav.kind === "redirect" ? { redirect: { to: nav.to, ...carried } } : { live_redirect: { to: nav.to, kind: nav.replace ? "replace" : "push", ...carried } };
    this.terminate("redirect");
    if (replying) {
      if (events.length) payload.diff = { e: events };
      this.#output.stopped("redirect");
      return payload;
    }
    if (events.length) this.#output.push("diff", { e: events });
    if (payload.redirect) this.#output.push("redirect", payload.redirect);
    else this.#output.push("live_redirect", payload.live_redirect!);
    this.#output.stopped("redirect");
    return undefined;
  }

  /**
   * Renders what `request` asks for (see RenderRequest). The view renders when its own assigns
   * changed, or always for "mount" and "recompute". A component changed by its own event
   * renders on its own through the engine's `renderComponents`, so a component event sends only
   * `{ c: { cid: … } }`, unless the view's render already reached it.
   */
  #render(request: RenderRequest): WireMessageDiff | null {
    return withCsrfToken(this.#csrfToken, () => this.#renderNow(request));
  }

  #renderNow(request: RenderRequest): WireMessageDiff | null {
    let diff: WireMessageDiff | null = null;
    const engine = this.#diffEngine();
    const dirty = request.kind === "changes" ? request.component : null;
    const componentOnly = dirty !== null && engine.renderComponents !== undefined;
    // Every slot is evaluated for a first render, a hot swap, and (an engine that cannot render
    // components alone) to reach a changed component.
    const everySlot = request.kind !== "changes" || (dirty !== null && !componentOnly);
    if (everySlot || this.state.hasChanges()) {
      const changed = everySlot ? null : this.state.changed;
      const titleChanged = request.kind === "mount" ? this.state.assigns.pageTitle !== undefined : changed !== null && "pageTitle" in changed;
      if (request.kind === "mount") engine.reset();
      diff = this.#renderTree(engine, changed);
      // Copied only to add the title: the engine's diff is not ours to change.
      if (titleChanged) diff = { ...diff, t: String(this.state.assigns.pageTitle ?? "") };
      this.state.clearChanged();
      const temporary = this.view.temporaryAssigns;
      // Put back without recording a change: the client has the values that were sent.
      if (temporary) for (const key in temporary) this.state.assigns[key] = (temporary as Record<string, unknown>)[key];
      this.socket.hooks?.runAfterRender(this.socket);
    }
    if (componentOnly && this.components.get(dirty)?.state.hasChanges()) {
      this.children.beginRender();
      const components = withChildRenderer(this.children.renderer, () => engine.renderComponents!([dirty]));
      if (components.c) diff = { ...diff, c: { ...diff?.c, ...components.c } };
    }
    return diff;
  }

  /** The view's tree through the engine; nested live views met on the way are kept by id (`children`). */
  #renderTree(engine: Engine, changed: Changed): WireMessageDiff {
    this.children.beginRender();
    return withChildRenderer(this.children.renderer, () => {
      let rendered: Rendered = renderWith(templateOf(this.view), this.state.assigns, changed);
      const layout = this.#liveSession?.layout;
      if (layout) rendered = withLayout(layout, rendered, this.state.assigns, changed);
      return engine.render(rendered);
    });
  }

  /** `event` names the client event for the crash log (kept apart so that no string is built per event). */
  #run<T>(where: string, fn: () => Promise<T>, event?: string): Promise<T | Crashed> {
    const result = this.#mailbox.then(() => this.#guarded(where, fn, event));
    this.#mailbox = result;
    return result;
  }

  /**
   * The runtime's first callback (the HTTP render's mount): nothing is ahead of it in the
   * mailbox, so it runs now, and its result is a promise only when `fn` returned one.
   */
  #runFirst<T>(where: string, fn: () => MaybePromise<T>): MaybePromise<T | Crashed> {
    if (this.#mailbox !== SETTLED) throw new Error(`livehtml: ${where} of view ${this.name} must be its runtime's first callback`);
    const result = this.#guarded(where, fn);
    if (isThenable(result)) this.#mailbox = result;
    return result;
  }

  /** Runs `fn` for this view; a throw or a rejection crashes the view (CRASHED), as in a LiveView process. */
  #guarded<T>(where: string, fn: () => MaybePromise<T>, event?: string): MaybePromise<T | Crashed> {
    // Run on this view's behalf: timers and promises the callback starts stay attributed to it,
    // so the process guard can crash this view (not the process) when one of them fails.
    return runOnBehalfOf(this, (): MaybePromise<T | Crashed> => {
      if (!this.#alive) return CRASHED;
      try {
        const out = fn();
        return isThenable(out) ? Promise.resolve(out).then(undefined, (error: unknown) => this.#crashIn(where, event, error)) : out;
      } catch (error) {
        return this.#crashIn(where, event, error);
      }
    });
  }

  /** A callback failed: the view crashes (no closure is made for this per callback, as most never fail). */
  #crashIn(where: string, event: string | undefined, error: unknown): Crashed {
    this.#crash(event === undefined ? where : `${where}(${clientText(event)})`, error);
    return CRASHED;
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
    this.#uploads?.clear();
    this.#async?.clear();
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

function hookList(hooks: OnMountHook | readonly OnMountHook[] | undefined): readonly OnMountHook[] {
  if (hooks === undefined) return [];
  return typeof hooks === "function" ? [hooks] : hooks;
}

/** The live session's layout around the view's render: `inner_content` changes on every render. */
function withLayout(layout: ViewLayout, inner: Rendered, assigns: Record<string, unknown>, changed: Changed): Rendered {
  return renderWith(layout, { ...assigns, inner_content: inner }, changed === null ? null : { ...changed, inner_content: true });
}

/**
 * Renders a view's template. A compiled template (it carries its `html` renderer) takes the
 * change map as an argument, so the assigns are not copied; any other render function reads
 * it from `assigns.__changed__`, as LiveView's do.
 */
function renderWith(template: Template<Record<string, unknown>>, assigns: Record<string, unknown>, changed: Changed): Rendered {
  // The runtime-managed keys (flash, streams) are in `assigns`: the state keeps them there.
  if (template.html) return template(assigns as RenderAssigns<Record<string, unknown>>, changed);
  return template({ ...assigns, __changed__: changed } as RenderAssigns<Record<string, unknown>>);
}

/** A view's HTML: a compiled template's own HTML renderer, or the `html()` of what `render` returns. */
function htmlOf(template: Template<Record<string, unknown>>, assigns: Record<string, unknown>): string {
  if (template.html) return template.html(assigns as RenderAssigns<Record<string, unknown>>);
  return renderWith(template, assigns, null).html();
}
