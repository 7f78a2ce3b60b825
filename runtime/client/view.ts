// One live view on the page: its channel, its rendered state and DOM parts, its hooks and the
// events it pushes. The container element stays; its children are the view's DOM.
import type { WireDiff, WireEvent, WireMessageDiff } from "../shared/wire.ts";
import { reconcile } from "./adopt.ts";
import { ChildPart, render, type Instance } from "./parts.ts";
import type { Channel, Payload, Reply } from "./transport.ts";
import { call, createHook, type EventHandlers, type Hook, type HookCallbacks } from "./hooks.ts";
import { serializeForm } from "./forms.ts";
import { preloadDomCommands, type JS } from "./js.ts";
import { binding, emit, putTitle, within } from "./dom.ts";
import { Portals } from "./portals.ts";

/** What a view needs from its live socket. */
export interface ViewHost {
  channel(topic: string, payload: () => Payload): Channel;
  connectParams(el: Element): Payload;
  hooks: Record<string, HookCallbacks>;
  liveSocket: unknown;
  js(): JS;
  dispatchEvents(events: readonly WireEvent[]): void;
  onJoined(view: View, reply: Payload): void;
  onRedirect(to: string): void;
  onLiveRedirect(to: string, kind: string, flash: string | null): void;
  onLivePatch(to: string, kind: string): void;
  reload(reason: string): void;
  onBeforeElUpdated: ((from: Element, to: Element) => unknown) | null;
  isConnected(): boolean;
  execBinding(el: Element, name: string): void;
  /** Joins the nested views whose containers `roots` hold, keeps the DOM of those already joined, ends those gone. */
  syncNested(view: View, roots: readonly Element[]): void;
  /** Ends the nested views of `view` (it crashed, left or navigated away). */
  destroyChildren(view: View): void;
}

const STATUS = ["connected", "loading", "error", "client-error", "server-error"] as const;
type Status = (typeof STATUS)[number];
const statusClass = (name: Status) => `phx-${name}`;

export class View {
  readonly id: string;
  channel: Channel;
  root: ChildPart | null = null;
  components = new Map<number, Instance>();
  hooks = new Map<Element, Hook>();
  handlers: EventHandlers = new Map();
  private joinCount = 0;
  /** What the server granted to resume this view after a drop: its token, and the last diff applied. */
  private resume: { token: string; seq: number } | null = null;
  private joinAttempts = 0;
  private destroyed = false;
  private touched: Set<Hook> | null = null;
  /** The view whose template placed this one (`data-phx-parent-id`); null for a root or sticky view. */
  parent: View | null = null;
  private portals: Portals;

  constructor(
    readonly host: ViewHost,
    readonly el: HTMLElement,
    public href: string,
    public redirect = false,
    public flash: string | null = null,
  ) {
    this.id = el.id;
    this.portals = new Portals(this.id);
    this.channel = host.channel(`lv:${this.id}`, () => this.joinPayload());
    this.channel.on("diff", (diff) => this.update(diff as WireMessageDiff));
    // Pushed navigations read as the ones a reply carries.
    for (const kind of ["redirect", "live_redirect", "live_patch"]) this.channel.on(kind, (p) => this.followNavigation({ [kind]: p }));
    for (const kind of ["phx_error", "phx_close"]) this.channel.on(kind, () => this.onError());
  }

  private joinPayload(): Payload {
    const params = this.host.connectParams(this.el);
    params._mounts = this.joinCount;
    params._mount_attempts = this.joinAttempts++;
    const tracked = Array.from(document.querySelectorAll(`[${binding("track-static")}]`), (n) => (n as HTMLScriptElement).src || (n as HTMLLinkElement).href).filter(Boolean);
    if (tracked.length) params._track_static = tracked;
    return {
      ...(this.redirect ? { redirect: this.href } : { url: this.href }),
      params,
      session: this.el.getAttribute("data-phx-session"),
      static: this.el.getAttribute("data-phx-static"),
      ...(this.flash ? { flash: this.flash } : {}),
      sticky: this.el.hasAttribute("data-phx-sticky"),
      // Asks the server to keep the view when the socket drops, or to hand it back.
      resume: this.resume ?? true,
    };
  }

  join(): void {
    this.setStatus("loading");
    emit("phx:page-loading-start", { kind: "initial" });
    this.channel.join((reply) => this.onJoinReply(reply));
  }

  leave(): void {
    this.destroyed = true;
    this.portals.clear();
    this.channel.leave();
    this.callHooks("destroyed");
    this.hooks.clear();
  }

  isConnected(): boolean {
    return this.channel.state === "joined";
  }

  private onJoinReply(reply: Reply): void {
    const response = reply.response;
    if (reply.status !== "ok") {
      const reason = response.reason;
      if (reason === "stale" || reason === "unauthorized" || reason === "reload") return this.host.reload(String(reason));
      if (response.redirect || response.live_redirect) return this.followNavigation(response);
      // A main view that cannot mount reloads the page (a fresh HTTP render) after a jitter,
      // rather than rejoining the same channel forever.
      this.setStatus("loading", "error", "server-error");
      if (this.isMain()) return this.host.reload(`join failed: ${String(reason ?? "error")}`);
      this.channel.scheduleRejoin();
      return;
    }
    const replay = response.replay;
    // The server handed back the view it kept (a resume): the diffs this page missed are
    // applied, nothing is rebuilt. Otherwise a mount (the first join, or a rejoin the server
    // could not resume): a full render, forms recovered.
    const resumed = Array.isArray(replay) && this.root;
    const rejoin = resumed || this.joinCount++ > 0;
    const recovery = rejoin && !resumed ? this.formsToRecover() : [];
    let events: readonly WireEvent[] = [];
    if (resumed) for (const diff of replay as WireMessageDiff[]) this.update(diff);
    this.resume = (response.resume as { token: string; seq: number } | undefined) ?? null;
    // A view joined by live navigation takes the old container's place first, so its hooks
    // mount in the document.
    this.host.onJoined(this, response);
    // Its nested views ended with the drop (as they do when a parent fails): they join again.
    if (resumed) this.host.syncNested(this, [this.el]);
    else {
      const full = extract(response.rendered as WireMessageDiff);
      events = full.events;
      this.render(full.diff, true);
      if (full.title !== undefined) putTitle(full.title);
    }
    this.setStatus("connected");
    // phx-connected commands run after a resume too: the view is connected again.
    this.execAll("connected");
    emit("phx:page-loading-stop", { kind: "initial" });
    if (rejoin) this.callHooks("reconnected");
    this.host.dispatchEvents(events);
    for (const [form, value, event] of recovery) {
      const current = document.getElementById(form);
      if (current && this.el.contains(current)) void this.push({ type: "form", event, value, meta: {}, cid: this.targetCid(current, null) });
    }
  }

  /** Forms with an id and `phx-change` (or `phx-auto-recover`) keep their values across a rejoin. */
  private formsToRecover(): Array<[string, string, string]> {
    const out: Array<[string, string, string]> = [];
    for (const form of this.el.querySelectorAll<HTMLFormElement>("form[id]")) {
      const recover = form.getAttribute(binding("auto-recover"));
      const event = recover ?? form.getAttribute(binding("change"));
      if (!event || recover === "ignore") continue;
      out.push([form.id, serializeForm(form), event]);
    }
    return out;
  }

  private onError(): void {
    if (this.destroyed) return;
    // Nested views end with their parent on the server; they join again after its next join.
    this.host.destroyChildren(this);
    this.callHooks("disconnected");
    this.execAll("disconnected");
    this.setStatus("loading", "error", this.host.isConnected() ? "server-error" : "client-error");
    if (this.host.isConnected()) this.channel.scheduleRejoin();
  }

  /** Calls callback `name` of every mounted hook. */
  private callHooks(name: Parameters<typeof call>[1]): void {
    for (const hook of this.hooks.values()) call(hook, name);
  }

  /** Runs binding `name`'s commands on every element of the view that has it. */
  private execAll(name: string): void {
    for (const el of this.el.querySelectorAll(`[${binding(name)}]`)) if (this.owns(el)) this.host.execBinding(el, name);
  }

  isMain(): boolean {
    return this.el.hasAttribute("data-phx-main");
  }

  /** Sets the container's status classes (`setStatus("connected")` → `phx-connected`). */
  private setStatus(...names: Status[]): void {
    this.el.classList.remove(...STATUS.map(statusClass));
    this.el.classList.add(...names.map(statusClass));
  }

  /**
   * Patches the DOM with `diff`; a full render (join) builds off-page, then adopts the page's
   * matching nodes.
   */
  private render(diff: WireDiff, full: boolean): void {
    if (full) this.components = new Map();
    const host = { components: this.components, touch: this.hooks.size > 0 ? (el: Element) => this.touch(el) : null, beforeElUpdated: this.host.onBeforeElUpdated };
    this.touched = new Set();
    let patched;
    if (full) {
      const fragment = document.createDocumentFragment();
      const root = (this.root = new ChildPart(fragment.appendChild(document.createTextNode(""))));
      patched = render(root, diff, true, host);
      const map = new Map<Node, Node>();
      reconcile(fragment, this.el, map, this.host.onBeforeElUpdated);
      root.remap(map);
      for (const instance of this.components.values()) if (!instance.owner) instance.remap(map);
    } else patched = render(this.root!, diff, false, host);
    this.afterPatch(patched, full);
  }

  /** Applies a message diff (a push or the `diff` of a reply); returns the reply map. */
  update(message: WireMessageDiff): Record<string, unknown> | null {
    // Every diff the server sends is numbered in order; the count is what a resume asks from.
    if (this.resume) this.resume.seq += 1;
    const { diff, title, reply, events } = extract(message);
    const before = events.filter((e) => e[2] === true);
    if (before.length) this.host.dispatchEvents(before);
    if (this.root) this.render(diff, false);
    if (title !== undefined) putTitle(title);
    this.host.dispatchEvents(events.filter((e) => e[2] !== true));
    return reply;
  }

  private touch(el: Element): void {
    const hooked = el.closest(`[${binding("hook")}]`);
    const hook = hooked && this.hooks.get(hooked);
    if (!hook || !this.touched || this.touched.has(hook)) return;
    this.touched.add(hook);
    call(hook, "beforeUpdate");
  }

  private afterPatch(patched: { inserted: Element[]; triggered: Element | null }, join: boolean): void {
    const touched = this.touched;
    this.touched = null;
    // Before hooks mount: moved content is where its hooks and bindings live.
    const moved = this.portals.sync(this.el);
    for (const [el, hook] of this.hooks) {
      if (!el.isConnected) {
        this.hooks.delete(el);
        call(hook, "destroyed");
      } else if (touched?.has(hook)) call(hook, "updated");
    }
    const scan = join ? [this.el, ...moved] : [...patched.inserted, ...moved];
    // A form given `phx-trigger-action` (by a slot, or in the HTML a patch inserted) posts over HTTP.
    let trigger = patched.triggered?.isConnected && patched.triggered instanceof HTMLFormElement ? patched.triggered : null;
    // Before hooks: a nested view's container that was built again gets its view's DOM back.
    this.host.syncNested(this, scan);
    for (const root of scan) {
      if (!root.isConnected) continue;
      for (const el of within(root, `[${binding("hook")}]`, this.el)) if (this.owns(el)) this.mountHook(el as HTMLElement);
      for (const el of within(root, `[${binding("mounted")}]`, this.el)) if (this.owns(el)) this.host.execBinding(el, "mounted");
      trigger ??= within(root, `form[${binding("trigger-action")}]`)[0] as HTMLFormElement | undefined ?? null;
    }
    if (!join) this.destroyRemovedComponents();
    // The prototype's submit: a control named "submit" would shadow the form's own.
    if (trigger) HTMLFormElement.prototype.submit.call(trigger);
  }

  /** Whether `el` is this view's, not a nested view's. */
  private owns(el: Element): boolean {
    return el.closest("[data-phx-session]") === this.el;
  }

  private mountHook(el: HTMLElement): void {
    if (this.hooks.has(el)) return;
    const name = el.getAttribute(binding("hook"))!;
    // The built-in hook `<.focusWrap>` names (as the official client's) lives with the DOM commands.
    if (name === "Phoenix.FocusWrap") return void preloadDomCommands().then((commands) => commands.wrapFocus(el));
    const callbacks = this.host.hooks[name];
    if (!callbacks) return;
    if (!el.id) throw new Error(`an element with phx-hook="${name}" needs a unique id`);
    const hook = createHook(el, callbacks, {
      liveSocket: this.host.liveSocket,
      js: () => this.host.js(),
      pushHookEvent: (source, target, event, payload) => this.pushHook(source, target, event, payload),
    }, this.handlers);
    this.hooks.set(el, hook);
    call(hook, "mounted");
  }

  /** Tells the server about components whose DOM is gone (it then forgets them). */
  private destroyRemovedComponents(): void {
    const gone: number[] = [];
    for (const [cid, instance] of this.components) {
      if (!instance.first().isConnected) gone.push(cid);
    }
    if (gone.length === 0) return;
    for (const cid of gone) this.components.delete(cid);
    void this.channel.push("cids_will_destroy", { cids: gone }).then(() => this.channel.push("cids_destroyed", { cids: gone }));
  }

  /** The cid an event from `el` goes to: `phx-target` as a cid or a selector, else none. */
  targetCid(el: Element, target: Element | string | number | null): number | null {
    const spec = target ?? el.getAttribute(binding("target"));
    if (spec === null || spec === undefined || spec === "") return null;
    if (typeof spec === "number") return spec;
    if (typeof spec !== "string") return componentOf(spec);
    if (/^\d+$/.test(spec)) return Number(spec);
    const found = document.querySelector(spec);
    return found ? componentOf(found) : null;
  }

  /** Pushes an `event` to the server, applies the reply's diff, resolves with the reply map. */
  async push(payload: Payload): Promise<Record<string, unknown> | null> {
    if (payload.cid === null || payload.cid === undefined) delete payload.cid;
    const reply = await this.channel.push("event", payload);
    if (reply.status !== "ok") return null;
    const response = reply.response;
    const diff = response.diff as WireMessageDiff | undefined;
    const result = diff ? this.update(diff) : null;
    this.followNavigation(response);
    return result;
  }

  /** Replies may carry a navigation the server asked for (`push_patch`, `push_navigate`, `redirect`). */
  followNavigation(response: Payload): void {
    const patch = response.live_patch as { to: string; kind?: string } | undefined;
    if (patch) this.host.onLivePatch(patch.to, patch.kind ?? "push");
    const live = response.live_redirect as { to: string; kind?: string; flash?: string } | undefined;
    if (live) this.host.onLiveRedirect(live.to, live.kind ?? "push", live.flash ?? null);
    const redirect = response.redirect as { to: string } | undefined;
    if (redirect) this.host.onRedirect(redirect.to);
  }

  private pushHook(source: Element, target: Element | string | number | null, event: string, payload: unknown): Promise<unknown> {
    return this.push({ type: "hook", event, value: payload, cid: this.targetCid(source, target ?? null) }).then((reply) => reply ?? {});
  }

  pushLivePatch(url: string): Promise<Reply> {
    return this.channel.push("live_patch", { url });
  }
}

/**
 * Splits a message diff into the tree diff and its title (`t`), pushed events (`e`) and reply
 * (`r`): any top-level `r` is removed (a root flag at the very top has no effect on the HTML);
 * it is the reply only when it is an object.
 */
function extract(message: WireMessageDiff): { diff: WireDiff; title: string | undefined; reply: Record<string, unknown> | null; events: readonly WireEvent[] } {
  const { r: reply, e: events, t: title, ...diff } = message;
  return { diff, title, reply: typeof reply === "object" ? reply : null, events: events ?? [] };
}

function componentOf(el: Element): number | null {
  const root = el.closest("[data-phx-component]");
  return root ? Number(root.getAttribute("data-phx-component")) : null;
}
