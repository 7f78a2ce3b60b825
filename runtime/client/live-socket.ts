// `LiveSocket`: the page's connection to the server and its live views. A drop-in for the
// official client's class: `new LiveSocket(url, opts)` or `new LiveSocket(url, Socket, opts)`
// (the Socket argument is accepted and ignored: the transport is built in).
import type { WireEvent } from "../shared/wire.ts";
import { bindEvents, valuesOf } from "./bindings.ts";
import { binding, emit, setBindingPrefix } from "./dom.ts";
import { serializeForm } from "./forms.ts";
import type { HookCallbacks } from "./hooks.ts";
import { execCommands, isCommandList, jsAPI, parseCommands, transitionTime, type CommandHost, type JS } from "./js.ts";
import type { HistoryState, Navigation } from "./navigation.ts";
import { removal } from "./parts.ts";
import { Transport, type Channel, type Payload } from "./transport.ts";
import { nestedContainers } from "./nested.ts";
import { UPLOAD_INPUT, uploads } from "./upload-hook.ts";
import { portalOwner } from "./portals.ts";
import { View, type ViewHost } from "./view.ts";

export interface LiveSocketOptions {
  params?: Payload | ((el: Element) => Payload);
  hooks?: Record<string, HookCallbacks>;
  dom?: { onBeforeElUpdated?: (from: Element, to: Element) => unknown };
  bindingPrefix?: string;
  loaderTimeout?: number;
  metadata?: Record<string, (event: Event, el: Element) => Record<string, unknown>>;
  /** Reload jitter after a failed join (ms, defaults 5,000–10,000), and the failsafe. */
  reloadJitterMin?: number;
  reloadJitterMax?: number;
  maxReloads?: number;
  failsafeJitter?: number;
  /** External uploaders by name: `(entries, onViewError) => …`, as the official client's. */
  uploaders?: Record<string, unknown>;
  /** Where the upload module is served (default `/livehtml/uploads.js`, beside the client). */
  uploadsURL?: string;
  [option: string]: unknown;
}

const FAIL_KEY = "phx:fail-count";

export class LiveSocket implements ViewHost, CommandHost {
  readonly liveSocket = this;
  readonly hooks: Record<string, HookCallbacks>;
  readonly onBeforeElUpdated: ((from: Element, to: Element) => unknown) | null;
  /** The options given (the upload module reads `uploaders` from them). */
  readonly opts: LiveSocketOptions;
  private readonly transport: Transport;
  /** The binding prefix (the upload module reads it). */
  readonly prefix: string;
  main: View | null = null;
  private views = new Map<string, View>();
  private unbind: (() => void) | null = null;
  /** The position of the current history entry (see navigation.ts). */
  position = 0;
  /** Live navigation, loaded on first use (or when a joined view has live links). */
  private navigation: Promise<Navigation> | null = null;
  private navigator: Navigation | null = null;
  private debug = false;

  constructor(url: string, socketOrOpts?: unknown, maybeOpts?: LiveSocketOptions) {
    const opts = (typeof socketOrOpts === "function" ? maybeOpts : (socketOrOpts as LiveSocketOptions | undefined)) ?? {};
    this.opts = opts;
    this.hooks = opts.hooks ?? {};
    this.prefix = opts.bindingPrefix ?? "phx-";
    setBindingPrefix(this.prefix);
    this.onBeforeElUpdated = opts.dom?.onBeforeElUpdated ?? null;
    removal.run = (el, done) => {
      const encoded = el.getAttribute(binding("remove"))!;
      this.execJS(el, encoded, "remove");
      setTimeout(done, isCommandList(encoded) ? transitionTime(parseCommands(encoded)) : 0);
    };
    this.transport = new Transport(url, () => this.connectParams(document.body));
  }

  connect(): void {
    const start = () => {
      this.transport.connect();
      this.joinRoots();
      if (!this.unbind) this.bindAll();
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  }

  disconnect(callback?: () => void): void {
    this.transport.disconnect();
    callback?.();
  }

  isConnected(): boolean {
    return this.transport.isConnected();
  }

  /** The transport (its `conn` is the WebSocket), as `getSocket()` of the official client. */
  getSocket(): Transport {
    return this.transport;
  }

  enableDebug(): void {
    this.debug = true;
  }

  disableDebug(): void {
    this.debug = false;
  }

  js(): JS {
    return jsAPI(this);
  }

  execJS(el: Element, encoded: string, eventType = "exec"): void {
    const view = this.viewOf(el);
    if (view) this.run(view, el, eventType, encoded, {}, null);
  }

  // ---- views ------------------------------------------------------------------------------

  private joinRoots(): void {
    for (const el of document.querySelectorAll<HTMLElement>("[data-phx-session]")) {
      if (this.views.has(el.id) || el.parentElement?.closest("[data-phx-session]")) continue;
      const view = new View(this, el, location.href);
      this.views.set(el.id, view);
      if (view.isMain()) this.main = view;
      view.join();
    }
    if (this.main && !history.state) {
      const state: HistoryState = { type: "patch", id: this.main.id, scroll: scrollY, position: this.position };
      history.replaceState(state, "", location.href);
    }
    else if (history.state) this.position = (history.state as HistoryState).position ?? 0;
  }

  /**
   * After `view` rendered `roots`: each nested container there that is this view's child (or
   * sticky) gets the view already joined under its id back (the fresh container is empty, the
   * joined one has the child's DOM), or a new view joined in it. Children of `view` whose
   * containers left the page end, and so do sticky views no page renders any more.
   */
  syncNested(view: View, roots: readonly Element[]): void {
    for (const container of nestedContainers(roots, view)) {
      const existing = this.views.get(container.id);
      if (existing) {
        if (existing.el !== container && !existing.el.contains(container)) container.replaceWith(existing.el);
        continue;
      }
      const child = new View(this, container, location.href);
      if (!container.hasAttribute("data-phx-sticky")) child.parent = view;
      this.views.set(child.id, child);
      child.join();
    }
    for (const other of Array.from(this.views.values())) {
      if (other.el.isConnected || other === this.main || this.navigator?.pendingView() === other) continue;
      if (other.parent === view || (other.parent === null && other.el.hasAttribute("data-phx-sticky"))) this.destroyView(other);
    }
  }

  destroyChildren(view: View): void {
    for (const other of Array.from(this.views.values())) if (other.parent === view) this.destroyView(other);
  }

  /** Leaves `view` and, first, the views nested in it. */
  destroyView(view: View): void {
    this.destroyChildren(view);
    view.leave();
    if (this.views.get(view.id) === view) this.views.delete(view.id);
  }

  viewOf(el: Element): View | null {
    const container = el.closest("[data-phx-session]");
    if (container) return this.views.get(container.id) ?? null;
    const owner = portalOwner(el);
    return owner === null ? null : (this.views.get(owner) ?? null);
  }

  channel(topic: string, payload: () => Payload): Channel {
    return this.transport.channel(topic, payload);
  }

  connectParams(el: Element): Payload {
    const params = typeof this.opts.params === "function" ? this.opts.params(el) : this.opts.params ?? {};
    return { ...params };
  }

  dispatchEvents(events: readonly WireEvent[]): void {
    for (const [name, payload] of events) {
      for (const view of this.views.values()) for (const callback of view.handlers.get(name) ?? []) callback(payload);
      emit(`phx:${name}`, payload);
    }
  }

  onJoined(view: View): void {
    localStorage.removeItem(FAIL_KEY);
    this.navigator?.joined(view);
    // A page with live links is likely to follow one: fetch live navigation now.
    if (!this.navigation && view.el.querySelector("a[data-phx-link]")) void this.withNavigation();
  }

  reload(reason: string): void {
    if (this.debug) console.log(`livehtml: reloading (${reason})`);
    if (reason === "stale" || reason === "unauthorized" || reason === "reload") {
      location.href = this.main?.href ?? location.href;
      return;
    }
    // Jittered so a fleet of pages does not reload at once; after `maxReloads` in a row the
    // page waits `failsafeJitter` between tries.
    const failures = Number(localStorage.getItem(FAIL_KEY) ?? 0) + 1;
    localStorage.setItem(FAIL_KEY, String(failures));
    const min = Number(this.opts.reloadJitterMin ?? 5000);
    const max = Number(this.opts.reloadJitterMax ?? 10_000);
    const wait = failures > Number(this.opts.maxReloads ?? 10) ? Number(this.opts.failsafeJitter ?? 30_000) : min + Math.random() * (max - min);
    setTimeout(() => location.reload(), wait);
  }

  /** Runs the commands of binding `name` on `el` (`phx-mounted`, `phx-connected`, …), if any. */
  execBinding(el: Element, name: string): void {
    const encoded = el.getAttribute(binding(name));
    if (encoded) this.execJS(el, encoded, binding(name));
  }

  // ---- events -----------------------------------------------------------------------------

  /** Runs a binding: a JS command list, or an event name pushed with `value`. */
  run(view: View, el: Element, eventType: string, encoded: string, value: Record<string, unknown>, event: Event | null): void {
    if (isCommandList(encoded)) {
      execCommands(this, el, parseCommands(encoded), eventType, event);
      return;
    }
    void this.pushFrom(view, el, eventType, encoded, value, null);
  }

  push(sourceEl: Element, eventType: string, args: Record<string, unknown>, event: Event | null): void {
    const view = this.viewOf(sourceEl);
    if (!view) return;
    const target = (args.target as string | undefined) ?? null;
    const extra = (args.value as Record<string, unknown> | undefined) ?? {};
    const base = eventType === "submit" ? { submitter: (event as SubmitEvent | null)?.submitter ?? null } : eventType === "change" ? { target: (sourceEl as HTMLInputElement).name } : valuesOf(sourceEl);
    void this.pushFrom(view, sourceEl, eventType, String(args.event), { ...base, ...extra }, target);
  }

  private async pushFrom(view: View, el: Element, eventType: string, name: string, value: Record<string, unknown>, target: string | null): Promise<void> {
    if (eventType === "submit") return this.submit(view, el as HTMLFormElement, name, value.submitter as HTMLElement | null, target);
    if (eventType === "change") {
      const input = el as HTMLInputElement;
      const form = input.form;
      if (!form) throw new Error(`${binding("change")} on ${input.name || input.localName} needs the input to be inside a form`);
      const own = input.hasAttribute(binding("change"));
      const loading = [input, form];
      for (const l of loading) l.classList.add("phx-change-loading");
      const push = (files: Payload = {}) => view.push({ type: "form", event: name, value: serializeForm(form, null, own ? [input.name] : []), meta: { _target: input.name || "undefined" }, uploads: files, cid: view.targetCid(form, target) });
      await (input.matches(UPLOAD_INPUT) ? this.uploads().then((u) => u.change(view, input, push)) : push());
      for (const l of loading) l.classList.remove("phx-change-loading");
      return;
    }
    // Commands run from code or from a lifecycle binding (`phx-mounted`) push as clicks.
    const type = eventType.includes("-") || eventType === "exec" ? "click" : eventType;
    const loadingClass = `phx-${type}-loading`;
    el.classList.add(loadingClass);
    const { submitter: _, target: __, owner: ___, ...rest } = value;
    await view.push({ type, event: name, value: rest, cid: view.targetCid(el, target) });
    el.classList.remove(loadingClass);
  }

  private async submit(view: View, form: HTMLFormElement, name: string, submitter: HTMLElement | null, target: string | null): Promise<void> {
    const disabled: Array<[HTMLElement, string]> = [];
    const disableWith = binding("disable-with");
    for (const el of form.querySelectorAll<HTMLElement>(`[${disableWith}]`)) {
      disabled.push([el, el.innerText]);
      el.innerText = el.getAttribute(disableWith)!;
      el.setAttribute("disabled", "");
    }
    form.classList.add("phx-submit-loading");
    const push = () => view.push({ type: "form", event: name, value: serializeForm(form, submitter), meta: {}, cid: view.targetCid(form, target) });
    await (form.querySelector(UPLOAD_INPUT) ? this.uploads().then((u) => u.submit(view, form, push)) : push());
    form.classList.remove("phx-submit-loading");
    for (const [el, text] of disabled) {
      el.innerText = text;
      el.removeAttribute("disabled");
    }
  }

  uploads(): ReturnType<typeof uploads> {
    return uploads(this, String(this.opts.uploadsURL ?? "/livehtml/uploads.js"));
  }

  // ---- navigation -------------------------------------------------------------------------

  linkClick(event: MouseEvent, link: HTMLAnchorElement): boolean {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
    if (!this.main?.isConnected() || link.target === "_blank") return false;
    const kind = link.getAttribute("data-phx-link");
    const replace = link.getAttribute("data-phx-link-state") === "replace";
    event.preventDefault();
    if (kind === "patch") this.patch(link.href, replace);
    else this.navigate(link.href, replace);
    return true;
  }

  /** Runs `action` with live navigation once it is loaded (see navigation.ts). */
  private withNavigation(action?: (navigation: Navigation) => void): Promise<void> {
    this.navigation ??= import("./navigation.ts").then((module) => (this.navigator = new module.Navigation(this)));
    return this.navigation.then(action);
  }

  patch(href: string, replace: boolean): void {
    void this.withNavigation((n) => n.patch(href, replace));
  }

  navigate(href: string, replace: boolean): void {
    void this.withNavigation((n) => n.navigate(href, replace));
  }

  onRedirect(to: string): void {
    location.href = to;
  }

  onLiveRedirect(to: string, kind: string, flash: string | null): void {
    void this.withNavigation((n) => n.liveRedirect(to, kind, flash));
  }

  onLivePatch(to: string, kind: string): void {
    void this.withNavigation((n) => n.livePatch(to, kind));
  }

  createMain(el: HTMLElement, href: string, flash: string | null): View {
    const view = new View(this, el, href, true, flash);
    this.main = view;
    this.views.set(view.id, view);
    return view;
  }

  private bindAll(): void {
    const unbindEvents = bindEvents({
      viewOf: (el) => this.viewOf(el),
      run: (view, el, type, encoded, value, event) => this.run(view, el, type, encoded, value, event),
      linkClick: (event, link) => this.linkClick(event, link),
      metadata: this.opts.metadata ?? {},
    });
    const popstate = (event: PopStateEvent) => void this.withNavigation((n) => n.popState(event.state as HistoryState | null));
    window.addEventListener("popstate", popstate);
    // Files dropped on a drop target are read now (a transfer is readable only during its
    // event) and handed to the upload module.
    const drag = (event: DragEvent) => {
      const zone = event.target instanceof Element && event.target.closest(`[${binding("drop-target")}]`);
      if (!zone) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (event.type === "drop") void this.uploads().then((u) => u.drop(zone, files));
    };
    const drags = ["dragover", "drop"] as const;
    for (const type of drags) document.addEventListener(type, drag);
    this.unbind = () => {
      unbindEvents();
      window.removeEventListener("popstate", popstate);
      for (const type of drags) document.removeEventListener(type, drag);
    };
  }
}
