// `livehtml/test`: mount a view in-process and drive it like the browser client would, with no
// sockets: the HTTP render, then a connected mount whose diffs are merged as the official client
// merges them (runtime/shared/merge.ts) so `html()` shows what the page would show.
import { AssertionError } from "node:assert";
import { extract, mergeDiff, type RenderedState } from "../shared/merge.ts";
import { toHTML } from "../shared/to-html.ts";
import type { WireMessageDiff } from "../shared/wire.ts";
import type { Navigation } from "../server/effects.ts";
import type { EngineFactory } from "../server/engine.ts";
import { MemoryLogger, type Logger } from "../server/log.ts";
import type { Params } from "../server/params.ts";
import { MemoryPubSub, type PubSub } from "../server/pubsub.ts";
import { CRASHED, queryParams, ViewRuntime, type EventPayload } from "../server/view-runtime.ts";
import type { AnyView, Flash } from "../server/view.ts";
import type { LiveSessionInfo } from "../server/live-session.ts";
import { matchRoute, type LiveRoute } from "../server/router.ts";
import { findElements, type FoundElement } from "./element.ts";
import { uploadFiles, type TestFile, type UploadOptions } from "./upload.ts";
import { childIdsIn, expandTestChildren, testChildContainer } from "./nested.ts";
import type { ChildSpec } from "../server/nested.ts";
import { StreamItems } from "./streams.ts";
import { mergeFormValues, renderedForm, type FormPair } from "./form-values.ts";

export interface MountOptions {
  /** The page URL (query params reach mount/handleParams). Default `http://localhost/`. */
  url?: string;
  /** Route params (e.g. `{ id: "7" }` for `/rooms/:id`), merged over the query. */
  params?: Params;
  session?: Record<string, unknown>;
  /** Flash the page starts with (what a redirect carried). */
  flash?: Flash;
  /** What the client sends with its join (`socket.getConnectParams()`). */
  connectParams?: Record<string, unknown>;
  /** The page's assets are older than the server's (`socket.staticChanged()`). */
  staticChanged?: boolean;
  /** The request's assigns for the HTTP render (what `assignNew` reuses there). */
  assigns?: Record<string, unknown>;
  /** The page's CSRF token (what `<.form action>` puts in); default `"test-csrf-token"`. */
  csrfToken?: string;
  pubsub?: PubSub;
  /** Default: a MemoryLogger, readable as `view.logger`. */
  logger?: Logger;
  createEngine?: EngineFactory;
}

export type Target = string | { event: string; cid?: number };

/** A view under test. Every action resolves once the view has answered. */
export class LiveViewTest {
  /** HTML of the HTTP (disconnected) render. */
  readonly staticHTML: string;
  /** Full diffs and diffs received, in order (join reply first). */
  readonly diffs: WireMessageDiff[] = [];
  /** Events pushed with `pushEvent`, in order. */
  readonly pushedEvents: [string, unknown][] = [];
  /** pushPatch / pushNavigate / redirect targets, in order. */
  readonly navigations: TestNavigation[] = [];
  readonly replies: Record<string, unknown>[] = [];
  #state: RenderedState | null = null;
  /** What each stream shows in the page (the merged state holds only the last render's items). */
  #streams = new StreamItems();
  #title: string | undefined;
  #crashed = false;
  #stopped = false;
  #url: URL;
  /** Nested live views mounted from this view's containers, by id. */
  readonly #children = new Map<string, LiveViewTest>();
  /** Mounts of children in progress (awaited before an action resolves). */
  #childMounts: Promise<void> = Promise.resolve();
  /** @internal Set by mountView: mounts a nested view whose container this view shows. */
  mountChild: ((spec: ChildSpec, parent: LiveViewTest) => Promise<LiveViewTest | null>) | null = null;

  constructor(
    readonly runtime: ViewRuntime,
    staticHTML: string,
    url: URL,
    readonly logger: Logger,
  ) {
    this.staticHTML = staticHTML;
    this.#url = url;
  }

  /** The view's HTML as the client would have it now. */
  html(): string {
    if (!this.#state) throw new Error("livehtml/test: the view has not rendered (did mount redirect?)");
    return toHTML(this.#state, { stream: (ref) => this.#streams.html(ref) });
  }
  get lastDiff(): WireMessageDiff | undefined {
    return this.diffs[this.diffs.length - 1];
  }
  get title(): string | undefined {
    return this.#title;
  }
  get url(): string {
    return this.#url.href;
  }
  get crashed(): boolean {
    return this.#crashed;
  }
  /** Ended by a redirect/navigation or a crash. */
  get stopped(): boolean {
    return this.#stopped;
  }
  get assigns(): Readonly<Record<string, unknown>> {
    return this.runtime.state.assigns;
  }

  /**
   * The nested live view rendered with `liveRender(View, { id })` in this view (LiveView's
   * `find_live_child`): a view under test of its own. Its container in `html()` stays empty, as
   * in the parent's diffs; its content is the child's `html()`.
   */
  child(id: string): LiveViewTest {
    const child = this.#children.get(id);
    if (!child) throw new AssertionError({ message: `livehtml/test: ${this.runtime.name} shows no nested live view with id "${id}" (it shows: ${JSON.stringify([...this.#children.keys()])})` });
    return child;
  }

  /** The ids of the nested live views this view shows now. */
  get childIds(): string[] {
    return [...this.#children.keys()];
  }

  /** Elements matching `selector` in the current HTML. */
  find(selector: string): FoundElement[] {
    return findElements(this.html(), selector);
  }
  has(selector: string): boolean {
    return this.find(selector).length > 0;
  }

  click(target: Target, value: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.#fire("click", "phx-click", target, value);
  }
  keyup(target: Target, value: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.#fire("keyup", "phx-keyup", target, value);
  }
  keydown(target: Target, value: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.#fire("keydown", "phx-keydown", target, value);
  }
  /** `value` is form data: nested objects are encoded as `a[b]=…` like the browser's FormData. */
  submit(target: Target, form: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.#form("phx-submit", target, form, undefined);
  }
  change(target: Target, form: Record<string, unknown> = {}, changedField?: string): Promise<Record<string, unknown>> {
    return this.#form("phx-change", target, form, changedField);
  }

  /**
   * The form matching `selector`, filled as a user would leave it: what it renders now (inputs,
   * checked boxes, selected options, textareas, hidden inputs) with `values` over it. A value for
   * a name the form has no control for is an error. Read when called: call again after a render.
   */
  form(selector: string, values: Record<string, unknown> = {}): TestForm {
    const form = renderedForm(this.html(), selector);
    const encoded = new URLSearchParams(mergeFormValues(form, formPairs(values), selector) as [string, string][]).toString();
    const send = (binding: string, changedField?: string) => {
      const event = form.element.attributes[binding];
      if (event === undefined) throw new AssertionError({ message: `livehtml/test: the form "${selector}" has no ${binding}` });
      const payload: EventPayload = { type: "form", event, value: encoded };
      if (changedField) payload.meta = { _target: changedField };
      const cid = targetCid(form.element);
      if (cid !== undefined) payload.cid = cid;
      return this.#push(payload);
    };
    return { encoded, submit: () => send("phx-submit"), change: (changedField) => send("phx-change", changedField) };
  }
  /** A hook's `pushEvent`. */
  hook(event: string, value: Record<string, unknown> = {}, cid?: number): Promise<Record<string, unknown>> {
    return this.#push({ type: "hook", event, value, ...(cid !== undefined ? { cid } : {}) });
  }

  /**
   * Chooses `files` for upload `name` and uploads them whole, as a browser would (LiveView's
   * `render_upload`); resolves with the preflight reply (`error` when the choice was refused).
   * `progress` below 100 leaves them in progress.
   */
  upload(name: string, files: readonly TestFile[], options: UploadOptions = {}): Promise<Record<string, unknown>> {
    if (this.#stopped) throw new Error("livehtml/test: the view has stopped (it crashed or navigated away)");
    return uploadFiles(this.runtime, name, files, options, (reply) => this.#applyReply(reply), () => this.#crash());
  }

  /** Delivers a message to handleInfo and waits for it to be handled. */
  async sendInfo(message: unknown): Promise<void> {
    await this.runtime.info(message);
  }

  /** Like the client following a `<.link patch>`: runs handleParams. */
  async patch(to: string): Promise<Record<string, unknown>> {
    const url = new URL(to, this.#url);
    const reply = await this.runtime.livePatch(url);
    if (reply === CRASHED) return this.#crash();
    this.#url = url;
    this.#applyReply(reply);
    return reply;
  }

  /**
   * Waits until the async work running now (`assignAsync`, `startAsync`) has finished and its
   * results were rendered; returns the HTML then.
   */
  async renderAsync(): Promise<string> {
    await this.runtime.asyncIdle();
    return this.html();
  }

  /**
   * Waits (up to `timeoutMs`) until the view has pushed event `name`, and returns its payload;
   * events pushed before the call count. Rejects with the events seen when none came.
   */
  async waitForEvent(name: string, timeoutMs = 1000): Promise<unknown> {
    const found = await this.#waitFor(() => this.pushedEvents.find((e) => e[0] === name), timeoutMs);
    if (found === undefined) throw new AssertionError({ message: `livehtml/test: no "${name}" event within ${timeoutMs} ms; pushed: ${JSON.stringify(this.pushedEvents.map((e) => e[0]))}` });
    return found[1];
  }

  /** Waits until the view patched its URL (to `to`, when given); returns the path. */
  async waitForPatch(to?: string, timeoutMs = 1000): Promise<string> {
    return this.#waitForNavigation(["live_patch"], to, timeoutMs);
  }

  /** Waits until the view navigated away (`pushNavigate` or `redirect`, to `to` when given); returns the path. */
  async waitForRedirect(to?: string, timeoutMs = 1000): Promise<string> {
    return this.#waitForNavigation(["live_redirect", "redirect"], to, timeoutMs);
  }

  async #waitForNavigation(kinds: readonly TestNavigation["kind"][], to: string | undefined, timeoutMs: number): Promise<string> {
    const matches = (n: TestNavigation) => kinds.includes(n.kind) && (to === undefined || n.to === to);
    const found = await this.#waitFor(() => this.navigations.find(matches), timeoutMs);
    if (!found) {
      throw new AssertionError({ message: `livehtml/test: no ${kinds.join(" or ")}${to ? ` to ${to}` : ""} within ${timeoutMs} ms; navigations: ${JSON.stringify(this.navigations)}` });
    }
    return found.to;
  }

  /** Polls `probe` after each settle, a bounded number of times. */
  async #waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.settle();
      const found = probe();
      if (found !== undefined || Date.now() >= deadline) return found;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Waits for pending messages (timers that already fired, pubsub deliveries) to be handled. */
  async settle(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    await this.runtime.idle();
    await this.#childMounts;
  }

  terminate(): void {
    this.#endChildren("parent exited");
    this.runtime.terminate("test done");
  }

  /** Mounts the children whose containers appeared, ends those whose containers went away. */
  #syncChildren(): void {
    // Views that never placed a nested view (most) pay nothing here.
    if (!this.#state || !this.mountChild || (this.runtime.children.size === 0 && this.#children.size === 0)) return;
    const ids = childIdsIn(this.html(), this.runtime.id);
    const shown = new Set(ids);
    if (shown.size !== ids.length) {
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      // A render that recomputed only one of the two places cannot see the other: the page can.
      throw new AssertionError({ message: `livehtml/test: ${this.runtime.name} shows two nested live views with the id ${JSON.stringify(twice)}; each needs an id unique on the page` });
    }
    for (const [id, child] of this.#children) {
      if (shown.has(id)) continue;
      this.#children.delete(id);
      child.#endChildren("parent exited");
      child.runtime.terminate("leave");
    }
    for (const id of shown) {
      if (this.#children.has(id)) continue;
      const spec = this.runtime.children.get(id);
      if (!spec) continue;
      const mount = this.mountChild;
      this.#childMounts = this.#childMounts.then(async () => {
        if (this.#children.has(id) || this.#stopped) return;
        const child = await mount(spec, this);
        if (child) this.#children.set(id, child);
      });
    }
  }

  #endChildren(reason: string): void {
    for (const child of this.#children.values()) {
      child.#endChildren(reason);
      child.runtime.terminate(reason);
    }
    this.#children.clear();
  }

  async #fire(type: string, binding: string, target: Target, extra: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (typeof target !== "string" || !looksLikeSelector(target)) {
      const t = typeof target === "string" ? { event: target } : target;
      return this.#push({ type, event: t.event, value: extra, ...(t.cid !== undefined ? { cid: t.cid } : {}) });
    }
    const el = this.#one(target, binding);
    const value: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(el.attributes)) if (name.startsWith("phx-value-")) value[name.slice(10)] = v;
    if ("value" in el.attributes) value.value = el.attributes.value;
    const cid = targetCid(el);
    return this.#push({ type, event: el.attributes[binding]!, value: { ...value, ...extra }, ...(cid !== undefined ? { cid } : {}) });
  }

  async #form(binding: string, target: Target, form: Record<string, unknown>, changedField: string | undefined): Promise<Record<string, unknown>> {
    let event: string;
    let cid: number | undefined;
    if (typeof target !== "string" || !looksLikeSelector(target)) {
      const t = typeof target === "string" ? { event: target } : target;
      event = t.event;
      cid = t.cid;
    } else {
      const el = this.#one(target, binding);
      event = el.attributes[binding]!;
      cid = targetCid(el);
    }
    const payload: EventPayload = { type: "form", event, value: encodeForm(form) };
    if (changedField) payload.meta = { _target: changedField };
    if (cid !== undefined) payload.cid = cid;
    return this.#push(payload);
  }

  #one(selector: string, binding: string): FoundElement {
    const found = this.find(selector).filter((e) => binding in e.attributes);
    if (found.length === 0) throw new AssertionError({ message: `livehtml/test: no element matches "${selector}" with ${binding}` });
    if (found.length > 1) throw new AssertionError({ message: `livehtml/test: "${selector}" matches ${found.length} elements with ${binding}; be more specific` });
    return found[0]!;
  }

  async #push(payload: EventPayload): Promise<Record<string, unknown>> {
    if (this.#stopped) throw new Error("livehtml/test: the view has stopped (it crashed or navigated away)");
    const reply = await this.runtime.event(payload);
    if (reply === CRASHED) return this.#crash();
    this.#applyReply(reply);
    await this.#childMounts;
    return reply;
  }

  #crash(): never {
    this.#crashed = true;
    this.#stopped = true;
    this.#endChildren("parent exited");
    const last = (this.logger as MemoryLogger).messages?.at(-1)?.message;
    throw new Error(`livehtml/test: view ${this.runtime.name} crashed${last ? `: ${last}` : ""}`);
  }

  #applyReply(reply: Record<string, unknown>): void {
    this.replies.push(reply);
    if (reply.diff) this.applyDiff(reply.diff as WireMessageDiff);
    for (const key of ["redirect", "live_redirect", "live_patch"] as const) {
      const target = reply[key] as { to?: string } | undefined;
      if (target?.to) this.#navigated(key, target.to, (target as { flash?: unknown }).flash);
    }
  }

  #navigated(kind: "redirect" | "live_redirect" | "live_patch", to: string, flash?: unknown): void {
    this.navigations.push(typeof flash === "string" ? { kind, to, flash: JSON.parse(flash) as Flash } : { kind, to });
    if (kind === "live_patch") this.#url = new URL(to, this.#url);
    else this.#stopped = true;
  }

  /** @internal Merges a diff like the client does. */
  applyDiff(raw: WireMessageDiff): void {
    this.diffs.push(raw);
    const { diff, title, events } = extract(raw);
    if (title !== undefined) this.#title = title;
    for (const e of events) this.pushedEvents.push([e[0], e[1]]);
    this.#state = mergeDiff(this.#state, diff);
    this.#syncChildren();
    this.#streams.update(this.#state);
  }

  /** @internal */
  onPush(event: string, payload: Record<string, unknown>): void {
    if (event === "diff") this.applyDiff(payload as WireMessageDiff);
    else if (event === "live_patch" || event === "live_redirect" || event === "redirect") this.#navigated(event, String(payload.to), payload.flash);
  }

  /** @internal */
  onStopped(reason: "crash" | "redirect"): void {
    this.#stopped = true;
    if (reason === "crash") this.#crashed = true;
    this.#endChildren("parent exited");
  }

  /** @internal Resolves once the children met so far are mounted. */
  childrenMounted(): Promise<void> {
    return this.#childMounts;
  }
}

function looksLikeSelector(s: string): boolean {
  return /^[#.[]|^[a-z][\w-]*[#.[]/i.test(s);
}

function targetCid(el: FoundElement): number | undefined {
  const t = el.attributes["phx-target"];
  return t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined;
}

/** FormData-style encoding of nested values: `{ user: { name: "a" }, tags: ["x"] }` → `user[name]=a&tags[]=x`. */
export function encodeForm(form: Record<string, unknown>): string {
  return new URLSearchParams(formPairs(form) as [string, string][]).toString();
}

/** The name/value pairs of nested form values, as `encodeForm` sends them. */
export function formPairs(form: Record<string, unknown>): FormPair[] {
  const pairs: FormPair[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) for (const v of value) walk(`${prefix}[]`, v);
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v);
    else pairs.push([prefix, value === null || value === undefined ? "" : String(value)]);
  };
  for (const [k, v] of Object.entries(form)) walk(k, v);
  return pairs;
}

/** A rendered form with values over its rendered ones (`view.form(selector, values)`). */
export interface TestForm {
  /** What it would send: the rendered values with the given ones over them, URL-encoded. */
  readonly encoded: string;
  /** Its `phx-submit`, with these values. */
  submit(): Promise<Record<string, unknown>>;
  /** Its `phx-change`, with these values; `changedField` is the input the user touched (`_target`). */
  change(changedField?: string): Promise<Record<string, unknown>>;
}

export interface TestNavigation {
  readonly kind: "live_patch" | "live_redirect" | "redirect";
  readonly to: string;
  /** Flash carried by a `pushNavigate` / `redirect` from an event. */
  readonly flash?: Flash;
}

/**
 * Follows where a view went (its last `pushNavigate` / `redirect`) or where its mount redirected:
 * mounts the view of the matching route from `routes`, with the flash it carried, like the client
 * does. Throws when there was no navigation or no route matches.
 */
export async function followRedirect(from: LiveViewTest | MountResult, routes: readonly LiveRoute[], options: MountOptions = {}): Promise<LiveViewTest> {
  let to: string;
  let flash: Flash | undefined;
  let base: string;
  if (from instanceof LiveViewTest) {
    const nav = [...from.navigations].reverse().find((n) => n.kind !== "live_patch");
    if (!nav) throw new Error(`livehtml/test: followRedirect: the view did not navigate away (navigations: ${JSON.stringify(from.navigations)})`);
    to = nav.to;
    flash = nav.flash;
    base = from.url;
  } else {
    if (from.kind !== "redirect") throw new Error("livehtml/test: followRedirect: the mount did not redirect");
    to = from.to;
    base = options.url ?? "http://localhost/";
  }
  const url = new URL(to, base);
  const match = matchRoute(routes, url.pathname);
  if (!match) throw new Error(`livehtml/test: followRedirect: no live route for ${url.pathname}`);
  return mountView(match.route, { ...options, url: url.href, params: { ...match.params, ...(options.params ?? {}) }, ...(flash ? { flash } : {}) });
}

const TEST_CSRF_TOKEN = "test-csrf-token";

export type MountResult =
  | { kind: "ok"; view: LiveViewTest }
  | { kind: "redirect"; to: string; navigation: Navigation };

/**
 * Mounts `view` twice like a page visit: the HTTP render (disconnected, HTML only), then the
 * connected mount whose join reply starts the merged client state. Throws when mount crashes;
 * use `mountOrRedirect` when mount may navigate away.
 */
/** A view, or a route (`live(...)`, possibly inside `liveSession(...)`) whose session's hooks and layout apply. */
export type Mountable = AnyView | LiveRoute;

export async function mountView(target: Mountable, options: MountOptions = {}): Promise<LiveViewTest> {
  const result = await mountOrRedirect(target, options);
  if (result.kind === "redirect") throw new Error(`livehtml/test: mount of ${viewOf(target).name ?? "the view"} redirected to ${result.to}`);
  return result.view;
}

function viewOf(target: Mountable): AnyView {
  return "kind" in target ? target : target.view;
}

export async function mountOrRedirect(target: Mountable, options: MountOptions = {}): Promise<MountResult> {
  const view = viewOf(target);
  const liveSession = "kind" in target ? undefined : target.liveSession;
  const session = liveSession ? { ...(options.session ?? {}), ...sessionValues(liveSession) } : (options.session ?? {});
  const url = new URL(options.url ?? "http://localhost/");
  const params: Params = { ...queryParams(url), ...(options.params ?? {}) };
  const logger = options.logger ?? new MemoryLogger();
  const pubsub = options.pubsub ?? new MemoryPubSub();

  const dead = new ViewRuntime({
    view,
    id: "phx-test",
    connected: false,
    pubsub,
    logger,
    csrfToken: options.csrfToken ?? TEST_CSRF_TOKEN,
    ...(options.assigns ? { inheritedAssigns: options.assigns } : {}),
    ...(liveSession ? { liveSession } : {}),
  });
  const first = await dead.mountHtml(params, session, url, options.flash ?? {});
  dead.terminate("dead render done");
  if (first === CRASHED) throw new Error(`livehtml/test: HTTP render of ${dead.name} crashed: ${lastError(logger)}`);
  if ("navigation" in first) return { kind: "redirect", to: first.navigation.to, navigation: first.navigation };
  const staticHTML = await expandTestChildren(first.html, first.children, "phx-test", (child) =>
    childStaticHTML(child, { ...session, ...child.session }, url, dead.state.assigns, { ...options, pubsub, logger }),
  );

  let test: LiveViewTest | null = null;
  const runtime = new ViewRuntime({
    view,
    id: "phx-test",
    connected: true,
    pubsub,
    logger,
    csrfToken: options.csrfToken ?? TEST_CSRF_TOKEN,
    createEngine: options.createEngine,
    signFlash: (flash: Flash) => JSON.stringify(flash),
    output: { push: (event, payload) => test?.onPush(event, payload), stopped: (reason) => test?.onStopped(reason) },
    ...(liveSession ? { liveSession } : {}),
    connectParams: { _mounts: 0, ...(options.connectParams ?? {}) },
    staticChanged: options.staticChanged ?? false,
    childContainer: testChildContainer,
    // Upload tokens are never verified here: `upload` hands the entry to the view directly.
    signUpload: (token) => JSON.stringify(token),
  });
  test = new LiveViewTest(runtime, staticHTML, url, logger);
  test.mountChild = (spec, parent) => mountTestChild(spec, parent, { ...options, pubsub, logger });
  const joined = await runtime.mount(params, session, url, options.flash ?? {});
  if (joined === CRASHED) throw new Error(`livehtml/test: connected mount of ${runtime.name} crashed: ${lastError(logger)}`);
  if ("navigation" in joined) return { kind: "redirect", to: joined.navigation.to, navigation: joined.navigation };
  test.applyDiff(joined.rendered);
  await test.childrenMounted();
  return { kind: "ok", view: test };
}

/** A nested view's HTTP render (its own children included), as its parent's page shows it. */
async function childStaticHTML(child: ChildSpec, session: Record<string, unknown>, url: URL, parentAssigns: Readonly<Record<string, unknown>>, options: MountOptions & { logger: Logger }): Promise<string> {
  const dead = new ViewRuntime({ view: child.view, id: child.id, connected: false, pubsub: options.pubsub, logger: options.logger, inheritedAssigns: parentAssigns, nested: true });
  const first = await dead.mountHtml({}, session, url, {});
  dead.terminate("dead render done");
  if (first === CRASHED) throw new Error(`livehtml/test: HTTP render of nested view ${dead.name} ("${child.id}") crashed: ${lastError(options.logger)}`);
  if ("navigation" in first) throw new Error(`livehtml/test: nested view ${dead.name} ("${child.id}") redirected to ${first.navigation.to} during its HTTP render`);
  return expandTestChildren(first.html, first.children, child.id, (grandchild) => childStaticHTML(grandchild, { ...session, ...grandchild.session }, url, dead.state.assigns, options));
}

/**
 * Joins a nested view beside `parent`, as the client does when its container appears: mounted
 * with the parent's session under its own and the parent's assigns for `assignNew`. A child whose
 * mount crashes or redirects is logged and left out (the parent keeps running).
 */
async function mountTestChild(spec: ChildSpec, parent: LiveViewTest, options: MountOptions & { logger: Logger }): Promise<LiveViewTest | null> {
  const url = new URL(parent.url);
  let test: LiveViewTest | null = null;
  const runtime = new ViewRuntime({
    view: spec.view,
    id: spec.id,
    connected: true,
    pubsub: options.pubsub,
    logger: options.logger,
    createEngine: options.createEngine,
    signFlash: (flash: Flash) => JSON.stringify(flash),
    output: { push: (event, payload) => test?.onPush(event, payload), stopped: (reason) => test?.onStopped(reason) },
    inheritedAssigns: parent.runtime.state.assigns,
    nested: true,
    patchRoot: (nav) => parent.runtime.patchFromChild(nav),
    connectParams: { _mounts: 0, ...(options.connectParams ?? {}) },
    childContainer: testChildContainer,
  });
  test = new LiveViewTest(runtime, "", url, options.logger);
  test.mountChild = (grandchild, p) => mountTestChild(grandchild, p, options);
  const joined = await runtime.mount({}, { ...parent.runtime.session, ...spec.session }, url, {});
  if (joined === CRASHED || "navigation" in joined) {
    runtime.terminate("join failed");
    return null;
  }
  test.applyDiff(joined.rendered);
  await test.childrenMounted();
  return test;
}

/** A live session's own session values; a function of the request gets none (there is no request). */
function sessionValues(info: LiveSessionInfo): Readonly<Record<string, unknown>> {
  return typeof info.session === "object" ? info.session : {};
}

function lastError(logger: Logger): string {
  return (logger as MemoryLogger).messages?.filter((m) => m.level === "error").at(-1)?.message ?? "see the log";
}

export { renderTemplate, type RenderedTemplate, type TemplateFunction } from "./render-template.ts";

export type { TestFile, UploadOptions as TestUploadOptions } from "./upload.ts";
