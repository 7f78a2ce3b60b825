// `LiveSocket`: the page's connection to the server and its live views. A drop-in for the
// official client's class: `new LiveSocket(url, opts)` or `new LiveSocket(url, Socket, opts)`
// (the Socket argument is accepted and ignored: the transport is built in).
import type { WireEvent } from "../shared/wire.ts";
import { bindEvents, valuesOf } from "./bindings.ts";
import { binding, emit, setBindingPrefix } from "./dom.ts";
import { serializeForm } from "./forms.ts";
import type { HookCallbacks } from "./hooks.ts";
import { commandsOf, execCommands, jsAPI, transitionTime, type CommandHost, type JS } from "./js.ts";
import { Navigation, type HistoryState, type Kind } from "./navigation.ts";
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

/** Failed joins in a row (across reloads), for the reload failsafe. */
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
  private nav = new Navigation(this);
  private bound = false;
  private debug = false;

  constructor(url: string, socketOrOpts?: unknown, maybeOpts?: LiveSocketOptions) {
    const opts = (typeof socketOrOpts === "function" ? maybeOpts : (socketOrOpts as LiveSocketOptions | undefined)) ?? {};
    this.opts = opts;
    this.hooks = opts.hooks ?? {};
    setBindingPrefix((this.prefix = opts.bindingPrefix ?? "phx-"));
    this.onBeforeElUpdated = opts.dom?.onBeforeElUpdated ?? null;
    removal.run = (el, done) => {
      const encoded = el.getAttribute(binding("remove"))!;
      this.execJS(el, encoded, "remove");
      setTimeout(done, transitionTime(commandsOf(encoded) ?? []));
    };
    this.transport = new Transport(url, () => this.connectParams(document.body));
  }

  connect(): void {
    const start = () => {
      this.transport.connect();
      this.joinRoots();
      if (this.bound) return;
      this.bound = true;
      bindEvents(this);
      addEventListener("popstate", (event) => this.nav.popState(event.state as HistoryState | null));
    };
    // (The event bubbles from the document to the window, and fires once.)
    if (document.readyState === "loading") addEventListener("DOMContentLoaded", start);
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
      const view = this.register(new View(this, el, location.href));
      if (view.isMain()) this.main = view;
      view.join();
    }
    this.nav.start();
  }

  private register(view: View): View {
    this.views.set(view.id, view);
    return view;
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
      const child = this.register(new View(this, container, location.href));
      if (!container.hasAttribute("data-phx-sticky")) child.parent = view;
      child.join();
    }
    for (const other of this.views.values()) {
      if (other.el.isConnected || other === this.main || this.nav.pendingView() === other) continue;
      if (other.parent === view || (!other.parent && other.el.hasAttribute("data-phx-sticky"))) this.destroyView(other);
    }
  }

  destroyChildren(view: View): void {
    for (const other of this.views.values()) if (other.parent === view) this.destroyView(other);
  }

  /** Leaves `view` and, first, the views nested in it. */
  destroyView(view: View): void {
    this.destroyChildren(view);
    view.leave();
    if (this.views.get(view.id) === view) this.views.delete(view.id);
  }

  viewOf(el: Element): View | null {
    // (No view is registered under null: an element of none finds none.)
    return this.views.get((el.closest("[data-phx-session]")?.id ?? portalOwner(el)) as string) ?? null;
  }

  channel(topic: string, payload: () => Payload): Channel {
    return this.transport.channel(topic, payload);
  }

  connectParams(el: Element): Payload {
    const params = this.opts.params;
    return { ...(typeof params === "function" ? params(el) : params) };
  }

  dispatchEvents(events: readonly WireEvent[]): void {
    for (const [name, payload] of events) {
      for (const view of this.views.values()) for (const callback of view.handlers.get(name) ?? []) callback(payload);
      emit(`phx:${name}`, payload);
    }
  }

  onJoined(view: View): void {
    delete localStorage[FAIL_KEY];
    this.nav.joined(view);
  }

  reload(reason: string): void {
    if (this.debug) console.log(`livehtml: reloading (${reason})`);
    if (/^(stale|unauthorized|reload)$/.test(reason)) return void (location.href = this.main?.href ?? location.href);
    // Jittered so a fleet of pages does not reload at once; after `maxReloads` in a row the
    // page waits `failsafeJitter` between tries.
    // (Storage keys read and write as properties; a missing one reads as 0 here.)
    const failures = ~~localStorage[FAIL_KEY] + 1;
    localStorage[FAIL_KEY] = failures;
    const { reloadJitterMin: min = 5000, reloadJitterMax: max = 10_000, maxReloads = 10, failsafeJitter = 30_000 } = this.opts;
    setTimeout(() => location.reload(), failures > maxReloads ? failsafeJitter : min + Math.random() * (max - min));
  }

  /** Runs the commands of binding `name` on `el` (`phx-mounted`, `phx-connected`, …), if any. */
  execBinding(el: Element, name: string): void {
    const encoded = el.getAttribute(binding(name));
    if (encoded) this.execJS(el, encoded, binding(name));
  }

  // ---- events -----------------------------------------------------------------------------

  /** Runs a binding: a JS command list, or an event name pushed with `value`. */
  run(view: View, el: Element, eventType: string, encoded: string, value: Payload, event: Event | null): void {
    const commands = commandsOf(encoded);
    if (commands) execCommands(this, el, commands, eventType, event);
    else void this.pushFrom(view, el, eventType, encoded, value, null, event);
  }

  /** The `push` command. */
  push(el: Element, eventType: string, args: Payload, event: Event | null): void {
    const view = this.viewOf(el);
    if (view) void this.pushFrom(view, el, eventType, String(args.event), { ...valuesOf(el), ...(args.value as Payload) }, args.target as string | undefined, event);
  }

  /**
   * Pushes event `name` from `el`, with the loading class of its type on it meanwhile: a form's
   * fields for `submit` and `change` (uploads first), `value` for any other type.
   */
  private async pushFrom(view: View, el: Element, eventType: string, name: string, value: Payload, target: string | null | undefined, event: Event | null): Promise<void> {
    // Commands run from code or from a lifecycle binding (`phx-mounted`) push as clicks.
    const type = /-|^exec$/.test(eventType) ? "click" : eventType;
    const input = el as HTMLInputElement;
    const submit = type === "submit";
    const change = type === "change";
    const form = submit ? (el as HTMLFormElement) : input.form;
    if (change && !form) throw new Error(`${binding("change")} outside a form`);
    const busy = change ? [el, form!] : [el];
    const loading = `phx-${type}-loading`;
    // Read before `phx-disable-with` disables the submitter (a disabled button sends no value).
    const fields = form && (submit || change) ? serializeForm(form, (event as SubmitEvent | null)?.submitter ?? null, change && input.hasAttribute(binding("change")) ? [input.name] : []) : null;
    const disableWith = binding("disable-with");
    // `phx-disable-with` buttons of a submitted form show their text, disabled, until the reply.
    const disabled = submit ? Array.from(form!.querySelectorAll<HTMLElement>(`[${disableWith}]`), (b) => [b, b.innerText] as const) : [];
    for (const [b] of disabled) {
      b.innerText = b.getAttribute(disableWith)!;
      b.setAttribute("disabled", "");
    }
    for (const b of busy) b.classList.add(loading);
    const send = (uploads?: Payload) => view.push({
      type,
      event: name,
      value,
      cid: view.targetCid(fields === null ? el : form!, target ?? null),
      ...(fields !== null && { type: "form", value: fields, meta: change ? { _target: input.name || "undefined" } : {}, uploads }),
    });
    await ((submit ? form!.querySelector(UPLOAD_INPUT) : change && input.matches(UPLOAD_INPUT)) ? this.uploads().then((u) => (submit ? u.submit(view, form!, send) : u.change(view, input, send))) : send());
    for (const [b, text] of disabled) {
      b.innerText = text;
      b.removeAttribute("disabled");
    }
    for (const b of busy) b.classList.remove(loading);
  }

  uploads(): ReturnType<typeof uploads> {
    return uploads(this, this.opts.uploadsURL ?? "/livehtml/uploads.js");
  }

  // ---- navigation -------------------------------------------------------------------------

  patch(href: string, replace: boolean): void {
    this.nav.patch(href, replace ? "replace" : "push");
  }

  navigate(href: string, replace: boolean): void {
    this.nav.navigate(href, replace ? "replace" : "push");
  }

  onRedirect(to: string): void {
    location.href = to;
  }

  onLiveRedirect(to: string, kind: string, flash: string | null): void {
    this.nav.navigate(to, kind as Kind, flash);
  }

  onLivePatch(to: string, kind: string): void {
    this.nav.livePatch(to, kind as Kind);
  }

  createMain(el: HTMLElement, href: string, flash: string | null): View {
    return (this.main = this.register(new View(this, el, href, true, flash)));
  }
}
