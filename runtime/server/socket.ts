// The socket a view's callbacks receive: assigns with change tracking, plus the effects
// (events, navigation, flash, title, streams, timers, pubsub) the view runtime carries out.
import { assignValue } from "../shared/changes.ts";
import { AsyncResult, isAsyncResult, type AsyncOutcome, type AsyncTask, type AsyncTasks, type AsyncValue, type AsyncWork } from "./async.ts";
import { isComponentDefinition, type ComponentDefinition } from "./component.ts";
import type { Effects } from "./effects.ts";
import { ComponentUpdate, type ComponentUpdates } from "./send-update.ts";
import { ViewHooks, type HookFunctions, type HookStage } from "./hooks.ts";
import type { Flash } from "./view.ts";
import { StreamValue, type StreamConfig, type StreamInsertOptions, type StreamOptions } from "./stream.ts";
import type { UploadEntry, UploadOptions } from "./uploads/config.ts";
import type { UploadedFile, ViewUploads } from "./uploads/view-uploads.ts";

export type TimerRef = { readonly timer: number };

/** What the socket needs from whoever runs the view (a connection, the test harness, an HTTP render). */
export interface SocketRuntime<Info> {
  readonly connected: boolean;
  /** The view's container id (`phx-…`). */
  readonly id: string;
  send(message: Info): void;
  sendAfter(message: Info, ms: number): TimerRef;
  setInterval(message: Info, ms: number): TimerRef;
  cancelTimer(ref: TimerRef): void;
  subscribe(topic: string): void;
  unsubscribe(topic: string): void;
  broadcast(topic: string, message: unknown): void;
  /** Allocates the next stream ref for this socket's owner. */
  nextStreamRef(): string;
}

/** Keys the runtime manages in every view's assigns. */
export const RESERVED_ASSIGNS = ["__changed__", "flash", "streams", "uploads"] as const;

export interface ViewSocket<A, Info = unknown> {
  /** The current assigns (read only: change them with `assign`/`update`). */
  readonly assigns: Readonly<A> & { readonly flash: Flash };
  /** `false` during the HTTP render, `true` once the browser has joined over WebSocket. */
  readonly connected: boolean;
  readonly id: string;
  assign<K extends keyof A & string>(key: K, value: A[K]): this;
  assign(values: Partial<A>): this;
  update<K extends keyof A & string>(key: K, fn: (current: A[K]) => A[K]): this;
  /**
   * Assigns `key` only when it has no value yet. A value the view inherits (the request's
   * assigns during the HTTP render, or the embedding page's) is reused without calling `fn`;
   * `fn` receives the current assigns.
   */
  assignNew<K extends keyof A & string>(key: K, fn: (assigns: Readonly<A>) => A[K]): this;
  /** Whether `key` changed since the last render. */
  changed(key: keyof A & string): boolean;
  pushEvent(name: string, payload?: Readonly<Record<string, unknown>>, opts?: { dispatch?: "before" | "after" }): this;
  pushPatch(to: string, opts?: { replace?: boolean }): this;
  pushNavigate(to: string, opts?: { replace?: boolean }): this;
  redirect(to: string | { external: string }): this;
  putFlash(kind: string, message: string): this;
  clearFlash(kind?: string): this;
  pageTitle(title: string): this;
  stream<T>(name: string, items: Iterable<T>, opts?: StreamOptions & StreamConfig<T>): this;
  streamInsert<T>(name: string, item: T, opts?: StreamInsertOptions): this;
  streamDelete<T>(name: string, item: T): this;
  streamDeleteByDomId(name: string, domId: string): this;
  /** Delivers `message` to `handleInfo` later (only while connected). */
  sendAfter(message: Info, ms: number): TimerRef | null;
  setInterval(message: Info, ms: number): TimerRef | null;
  cancelTimer(ref: TimerRef | null): void;
  subscribe(topic: string): this;
  unsubscribe(topic: string): this;
  broadcast(topic: string, message: unknown): this;
  /** Sends a message to this view's own `handleInfo`. */
  send(message: Info): this;
  /** Runs `fn` before the view's callback of `stage` (see hooks.ts); views only. */
  attachHook(name: string, stage: "handleEvent", fn: HookFunctions<ViewSocket<A, Info>, Info>["handleEvent"]): this;
  attachHook(name: string, stage: "handleInfo", fn: HookFunctions<ViewSocket<A, Info>, Info>["handleInfo"]): this;
  attachHook(name: string, stage: "handleParams", fn: HookFunctions<ViewSocket<A, Info>, Info>["handleParams"]): this;
  attachHook(name: string, stage: "afterRender", fn: HookFunctions<ViewSocket<A, Info>, Info>["afterRender"]): this;
  detachHook(name: string, stage: HookStage): this;
  /**
   * Sets each key to a loading `AsyncResult`, runs `fn` beside the view (connected only) and
   * fills the keys from the object it resolves to (`ok`), or with the reason it failed.
   */
  assignAsync<K extends keyof A & string>(keys: K | readonly K[], fn: AsyncWork<{ [P in K]: AsyncValue<A[P]> }>): this;
  /**
   * A stream filled by async work: sets `name` to a loading `AsyncResult` and creates the (empty)
   * stream `name`; once connected, runs `fn` beside the view and inserts the items it resolves to
   * with `opts` (`reset`, `at`, `limit`, `domId`), then `name` is `ok`. A rejection makes it `failed`.
   */
  streamAsync<T>(name: keyof A & string, fn: AsyncWork<Iterable<T>>, opts?: StreamOptions & StreamConfig<T>): this;
  /** Runs `fn` beside the view (connected only); its outcome goes to `handleAsync(name, …)`. */
  startAsync<T>(name: string, fn: AsyncWork<T>): this;
  /**
   * Cancels the work for an `assignAsync` key (its keys become failed with `reason`) or a
   * `startAsync` name (`handleAsync` receives `{ status: "exit", reason }`); its signal aborts.
   */
  cancelAsync(keyOrName: string, reason?: unknown): this;
  /**
   * Gives new assigns to the stateful component `id` of this view after the current callback:
   * its `update` runs and only its diff is sent. Ignored (with a warning) when no such component
   * is rendered.
   */
  sendUpdate<C extends object>(component: ComponentDefinition<C>, id: string, assigns: Partial<C>): this;
  /** `sendUpdate` after `ms` milliseconds (only while connected). */
  sendUpdateAfter<C extends object>(component: ComponentDefinition<C>, id: string, assigns: Partial<C>, ms: number): TimerRef | null;
  /** The params the client sent with its join (`LiveSocket`'s `params`), during mount; null in the HTTP render. */
  getConnectParams(): Readonly<Record<string, unknown>> | null;
  /** Whether the page's tracked static assets (`phx-track-static`) are older than the server's. */
  staticChanged(): boolean;
  /**
   * Allows an upload: `assigns.uploads[name]` describes it and its entries for the template
   * (`<.liveFileInput upload={@uploads.avatar} />`). Limits are enforced on the server.
   */
  allowUpload(name: string, options: UploadOptions<ViewSocket<A, Info>>): this;
  /** Removes an upload that has no entries. */
  disallowUpload(name: string): this;
  /** Drops an entry (and stops its transfer, removing its temporary file). */
  cancelUpload(name: string, entryRef: string): this;
  /**
   * Runs `fn` for each completed entry with its file (`{ path }`, removed once `fn` settles: move
   * or copy it) or, for an external upload, its uploader meta; the entries are then gone.
   * Throws while an entry is still in progress.
   */
  consumeUploadedEntries<T>(name: string, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T[]>;
  consumeUploadedEntry<T>(entry: UploadEntry, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T>;
  /** The entries of an upload, completed and in progress. */
  uploadedEntries(name: string): { completed: UploadEntry[]; inProgress: UploadEntry[] };
}

/** Where a socket's uploads are kept: its view's registry, and the component's cid (null for the view). */
export interface UploadHost {
  uploads(): ViewUploads;
  readonly cid: number | null;
}

/** What a view's socket needs for async work and connect info (the view runtime). */
export interface ViewHost {
  tasks(): AsyncTasks;
  asyncDone(task: AsyncTask, outcome: AsyncOutcome, cancelled?: boolean): void;
  readonly connectParams: Readonly<Record<string, unknown>> | null;
  staticChanged(): boolean;
}

/** Stands for a stream's previous value in `changed.streams`: equal to no stream. */
const STREAM_CHANGED: unique symbol = Symbol("stream changed");

const NO_STREAMS: ReadonlyMap<string, StreamValue<unknown>> = new Map();

/** Mutable state behind a socket; the view runtime reads and resets it around renders. */
export class SocketState {
  readonly assigns: Record<string, unknown>;
  changed: Record<string, unknown> | null = null;
  /** Created with the first stream (most views have none; an empty map per view adds up). */
  #streams: Map<string, StreamValue<unknown>> | null = null;

  constructor(initial?: Record<string, unknown>) {
    // A view's state starts empty (one per GET): no default object to spread.
    this.assigns = initial === undefined ? { flash: {}, streams: {} } : { flash: {}, streams: {}, ...initial };
  }

  set(key: string, value: unknown): void {
    if ((RESERVED_ASSIGNS as readonly string[]).includes(key) && key !== "flash") {
      throw new Error(`livehtml: "${key}" is a reserved assign; use the socket's helpers to change it`);
    }
    this.setManaged(key, value);
  }

  /** Sets an assign the runtime manages (`uploads`), without the reserved-name check. */
  setManaged(key: string, value: unknown): void {
    if (this.changed === null) {
      // Before the first render everything is "changed" anyway; keep the value and no record.
      this.assigns[key] = value;
      return;
    }
    assignValue(this.assigns, this.changed, key, value);
  }

  /**
   * Records that stream `name` has operations for the next render. Only that stream counts as
   * changed: `changed.streams` holds the streams as they were with `name` replaced by a marker,
   * so the path check of `@streams.<name>` (shared/changes.ts `pathChanged`) sees this stream
   * move and every other stream stay put, and their slots are not re-sent.
   */
  touchStream(name: string): void {
    if (this.changed === null) return;
    const recorded = this.changed.streams;
    if (recorded === true) return;
    const before = (recorded ?? { ...(this.assigns.streams as object) }) as Record<string, unknown>;
    before[name] = STREAM_CHANGED;
    this.changed.streams = before;
  }

  hasChanges(): boolean {
    if (this.changed === null) return true;
    // A for-in instead of Object.keys: this runs several times per event, and needs no array.
    for (const key in this.changed) if (Object.prototype.hasOwnProperty.call(this.changed, key)) return true;
    return false;
  }

  /** The streams by name (read only: `addStream` adds one). */
  get streams(): ReadonlyMap<string, StreamValue<unknown>> {
    return this.#streams ?? NO_STREAMS;
  }

  addStream(name: string, stream: StreamValue<unknown>): void {
    (this.#streams ??= new Map()).set(name, stream);
  }

  /** Called after each render. */
  clearChanged(): void {
    this.changed = {};
    if (this.#streams) for (const stream of this.#streams.values()) stream.clear();
  }
}

export class LiveSocket<A, Info = unknown> implements ViewSocket<A, Info> {
  /** What `assignNew` may reuse: the request's or the embedding page's assigns; null for none. */
  inherited: Readonly<Record<string, unknown>> | null = null;
  /** Hooks attached with `attachHook`, created with the first one. */
  hooks: ViewHooks | null = null;
  /** The view runtime, for a view's socket; null for a component's. */
  host: ViewHost | null = null;
  /** The owning view, which carries out `sendUpdate` (view and component sockets alike). */
  updates: ComponentUpdates | null = null;
  /** Where this socket's uploads live; null outside a running view. */
  uploadHost: UploadHost | null = null;

  constructor(
    readonly state: SocketState,
    readonly effects: Effects,
    readonly runtime: SocketRuntime<Info>,
    /** Where flash and the page title live: the view's own state (components share the view's). */
    readonly viewState: SocketState = state,
  ) {}

  get assigns(): Readonly<A> & { readonly flash: Flash } {
    return this.state.assigns as Readonly<A> & { readonly flash: Flash };
  }
  get connected(): boolean {
    return this.runtime.connected;
  }
  get id(): string {
    return this.runtime.id;
  }

  assign<K extends keyof A & string>(key: K, value: A[K]): this;
  assign(values: Partial<A>): this;
  assign(keyOrValues: string | Partial<A>, value?: unknown): this {
    if (typeof keyOrValues === "string") this.state.set(keyOrValues, value);
    else {
      // The own enumerable keys, as Object.entries lists them, without its array of pairs per call.
      const values = keyOrValues as Record<string, unknown>;
      for (const k in values) if (Object.prototype.hasOwnProperty.call(values, k)) this.state.set(k, values[k]);
    }
    return this;
  }

  update<K extends keyof A & string>(key: K, fn: (current: A[K]) => A[K]): this {
    this.state.set(key, fn(this.state.assigns[key] as A[K]));
    return this;
  }

  assignNew<K extends keyof A & string>(key: K, fn: (assigns: Readonly<A>) => A[K]): this {
    if (key in this.state.assigns && this.state.assigns[key] !== undefined) return this;
    const inherited = this.inherited;
    if (inherited !== null && Object.prototype.hasOwnProperty.call(inherited, key)) this.state.set(key, inherited[key]);
    else this.state.set(key, fn(this.state.assigns as Readonly<A>));
    return this;
  }

  changed(key: keyof A & string): boolean {
    return this.state.changed === null || key in this.state.changed;
  }

  pushEvent(name: string, payload: Readonly<Record<string, unknown>> = {}, opts: { dispatch?: "before" | "after" } = {}): this {
    this.effects.pushEvent(name, payload, opts.dispatch);
    return this;
  }
  pushPatch(to: string, opts: { replace?: boolean } = {}): this {
    this.effects.navigate({ kind: "patch", to, replace: opts.replace ?? false });
    return this;
  }
  pushNavigate(to: string, opts: { replace?: boolean } = {}): this {
    this.effects.navigate({ kind: "navigate", to, replace: opts.replace ?? false });
    return this;
  }
  redirect(to: string | { external: string }): this {
    if (typeof to === "string") this.effects.navigate({ kind: "redirect", to, external: false });
    else this.effects.navigate({ kind: "redirect", to: to.external, external: true });
    return this;
  }

  putFlash(kind: string, message: string): this {
    const flash = this.viewState.assigns.flash as Flash;
    this.viewState.set("flash", { ...flash, [kind]: message });
    return this;
  }
  clearFlash(kind?: string): this {
    const flash = { ...(this.viewState.assigns.flash as Flash) };
    if (kind === undefined) this.viewState.set("flash", {});
    else {
      delete flash[kind];
      this.viewState.set("flash", flash);
    }
    return this;
  }
  pageTitle(title: string): this {
    this.viewState.set("pageTitle", title);
    return this;
  }

  stream<T>(name: string, items: Iterable<T>, opts: StreamOptions & StreamConfig<T> = {}): this {
    const stream = this.#stream<T>(name, opts);
    if (opts.reset) stream.reset();
    for (const item of items) stream.insert(item, opts);
    this.state.touchStream(name);
    return this;
  }
  streamInsert<T>(name: string, item: T, opts: StreamInsertOptions = {}): this {
    this.#stream<T>(name).insert(item, opts);
    this.state.touchStream(name);
    return this;
  }
  streamDelete<T>(name: string, item: T): this {
    this.#stream<T>(name).delete(item);
    this.state.touchStream(name);
    return this;
  }
  streamDeleteByDomId(name: string, domId: string): this {
    this.#stream(name).deleteByDomId(domId);
    this.state.touchStream(name);
    return this;
  }

  #stream<T>(name: string, config?: StreamConfig<T>): StreamValue<T> {
    let stream = this.state.streams.get(name) as StreamValue<T> | undefined;
    if (!stream) {
      stream = new StreamValue<T>(name, this.runtime.nextStreamRef(), config);
      this.state.addStream(name, stream as StreamValue<unknown>);
      // The streams object itself is stable; templates read `streams.<name>`.
      (this.state.assigns.streams as Record<string, StreamValue<unknown>>)[name] = stream as StreamValue<unknown>;
    }
    return stream;
  }

  sendAfter(message: Info, ms: number): TimerRef | null {
    return this.runtime.connected ? this.runtime.sendAfter(message, ms) : null;
  }
  setInterval(message: Info, ms: number): TimerRef | null {
    return this.runtime.connected ? this.runtime.setInterval(message, ms) : null;
  }
  cancelTimer(ref: TimerRef | null): void {
    if (ref) this.runtime.cancelTimer(ref);
  }
  subscribe(topic: string): this {
    if (this.runtime.connected) this.runtime.subscribe(topic);
    return this;
  }
  unsubscribe(topic: string): this {
    this.runtime.unsubscribe(topic);
    return this;
  }
  broadcast(topic: string, message: unknown): this {
    this.runtime.broadcast(topic, message);
    return this;
  }
  send(message: Info): this {
    this.runtime.send(message);
    return this;
  }

  attachHook(name: string, stage: HookStage, fn: HookFunctions<ViewSocket<A, Info>, Info>[HookStage]): this {
    if (this.state !== this.viewState) throw new Error(`livehtml: attachHook("${name}", "${stage}") is for a view's socket, not a component's`);
    (this.hooks ??= new ViewHooks()).attach(name, stage, fn);
    return this;
  }
  detachHook(name: string, stage: HookStage): this {
    this.hooks?.detach(name, stage);
    return this;
  }

  assignAsync<K extends keyof A & string>(keys: K | readonly K[], fn: AsyncWork<{ [P in K]: AsyncValue<A[P]> }>): this {
    const host = this.#host("assignAsync");
    const list: readonly string[] = typeof keys === "string" ? [keys] : [...keys];
    if (list.length === 0) throw new Error("livehtml: assignAsync needs at least one key");
    for (const key of list) this.state.set(key, AsyncResult.loading(asyncResultOf(this.state.assigns[key])));
    if (this.runtime.connected) host.tasks().assign(list, fn);
    return this;
  }
  streamAsync<T>(name: keyof A & string, fn: AsyncWork<Iterable<T>>, opts: StreamOptions & StreamConfig<T> = {}): this {
    const host = this.#host("streamAsync");
    this.#stream<T>(name, opts);
    this.state.touchStream(name);
    this.state.set(name, AsyncResult.loading(asyncResultOf(this.state.assigns[name])));
    if (this.runtime.connected) host.tasks().assign([name], fn, { ...opts });
    return this;
  }
  startAsync<T>(name: string, fn: AsyncWork<T>): this {
    const host = this.#host("startAsync");
    if (this.runtime.connected) host.tasks().start(name, fn);
    return this;
  }
  cancelAsync(keyOrName: string, reason: unknown = "cancel"): this {
    const host = this.#host("cancelAsync");
    const task = host.tasks().cancel(keyOrName, reason);
    if (!task) return this;
    if (task.kind === "start") host.asyncDone(task, { status: "exit", reason }, true);
    else for (const key of task.keys) this.state.set(key, AsyncResult.failed(asyncResultOf(this.state.assigns[key]), reason));
    return this;
  }
  sendUpdate<C extends object>(component: ComponentDefinition<C>, id: string, assigns: Partial<C>): this {
    this.#updates().sendUpdate(componentUpdate(component, id, assigns));
    return this;
  }
  sendUpdateAfter<C extends object>(component: ComponentDefinition<C>, id: string, assigns: Partial<C>, ms: number): TimerRef | null {
    const update = componentUpdate(component, id, assigns);
    return this.runtime.connected ? this.#updates().sendUpdateAfter(update, ms) : null;
  }
  #updates(): ComponentUpdates {
    if (!this.updates) throw new Error("livehtml: sendUpdate needs a socket that belongs to a running view");
    return this.updates;
  }
  getConnectParams(): Readonly<Record<string, unknown>> | null {
    return this.host?.connectParams ?? null;
  }
  staticChanged(): boolean {
    return this.host?.staticChanged() ?? false;
  }

  allowUpload(name: string, options: UploadOptions<ViewSocket<A, Info>>): this {
    this.#uploads("allowUpload").allow(this.#uploadOwner(), name, options as UploadOptions<never>);
    return this;
  }
  disallowUpload(name: string): this {
    this.#uploads("disallowUpload").disallow(this.#uploadOwner(), name);
    return this;
  }
  cancelUpload(name: string, entryRef: string): this {
    this.#uploads("cancelUpload").cancel(this.#uploadOwner(), name, entryRef);
    return this;
  }
  consumeUploadedEntries<T>(name: string, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T[]> {
    return this.#uploads("consumeUploadedEntries").consume(this.#uploadOwner(), name, fn);
  }
  consumeUploadedEntry<T>(entry: UploadEntry, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T> {
    return this.#uploads("consumeUploadedEntry").consumeOne(this.#uploadOwner(), entry, fn);
  }
  uploadedEntries(name: string): { completed: UploadEntry[]; inProgress: UploadEntry[] } {
    return this.#uploads("uploadedEntries").entries(this.#uploadOwner(), name);
  }
  #uploads(what: string): ViewUploads {
    if (!this.uploadHost) throw new Error(`livehtml: ${what} needs a socket that belongs to a running view`);
    return this.uploadHost.uploads();
  }
  #uploadOwner(): { state: SocketState; cid: number | null; socket: unknown } {
    return { state: this.state, cid: this.uploadHost!.cid, socket: this };
  }

  #host(what: string): ViewHost {
    if (!this.host) throw new Error(`livehtml: ${what} needs a socket that belongs to a running view or component`);
    return this.host;
  }
}

function componentUpdate<C extends object>(component: ComponentDefinition<C>, id: string, assigns: Partial<C>): ComponentUpdate {
  if (!isComponentDefinition(component)) throw new Error(`livehtml: sendUpdate for id "${id}" needs a liveComponent(...) definition`);
  if (typeof id !== "string") throw new Error("livehtml: sendUpdate needs the component's id (a string)");
  return new ComponentUpdate(component as ComponentDefinition<Record<string, unknown>>, id, assigns as Readonly<Record<string, unknown>>);
}

function asyncResultOf(value: unknown): AsyncResult<unknown> | null {
  return isAsyncResult(value) ? value : null;
}
