// One client connection (a WebSocket): heartbeats on `phoenix`, and one channel per joined
// `lv:<id>` topic, each running its own ViewRuntime (PROTOCOL.md §4.1, §4.4–4.6).
// Every bad input gets a logged error and an error reply; nothing here throws at the socket.
import { assetPath, SALT, type LiveContext, type SessionToken, type StaticToken } from "./context.ts";
import { encodeFrame, encodeReply, parseFrame, type Frame } from "./frames.ts";
import { sessionName, type LiveSessionInfo } from "./live-session.ts";
import { ParamsError, type Params } from "./params.ts";
import { matchRoute, routeParams } from "./router.ts";
import { TokenBucket } from "./token-bucket.ts";
import { CRASHED, eventValue, queryParams, ViewRuntime, type EventPayload, type ViewOutput } from "./view-runtime.ts";
import type { AnyView, Flash } from "./view.ts";

export interface Transport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/**
 * One joined `lv:` topic, and the output of the view running on it. A class rather than closures
 * made in the join: those would keep the join's whole scope (its frame, with the session and
 * static tokens) alive for as long as the view runs.
 */
class Channel implements ViewOutput {
  runtime: ViewRuntime | null = null;
  closed = false;
  /**
   * The view ended itself by navigating away from inside a callback. The reply to the message
   * that caused it still goes out: it carries the `live_redirect`/`redirect` (PROTOCOL.md §4.5).
   */
  redirected = false;
  /**
   * The join was answered ok. Before that a crash is told to the client by the join's error
   * reply alone: a `phx_error` first would make the client drop the pending join and rejoin
   * forever, where the error reply makes it reload the page (or reach its failsafe).
   */
  joined = false;

  constructor(
    readonly topic: string,
    readonly joinRef: string,
    private readonly transport: Transport,
    /** The connection's channels, which this one leaves when its view stops on its own. */
    private readonly channels: Map<string, Channel>,
  ) {}

  push(event: string, body: Record<string, unknown>): void {
    if (!this.closed) this.transport.send(encodeFrame(this.joinRef, null, this.topic, event, body));
  }

  stopped(reason: "crash" | "redirect"): void {
    if (this.closed) return;
    this.closed = true;
    this.redirected = reason === "redirect";
    if (this.channels.get(this.topic) === this) this.channels.delete(this.topic);
    // A crash makes the client show the error state and rejoin (PROTOCOL.md §5.4).
    if (reason === "crash" && this.joined) this.transport.send(encodeFrame(this.joinRef, this.joinRef, this.topic, "phx_error", {}));
  }
}

/** What every view of one server shares: made once per context, not once per join. */
interface ContextHelpers {
  signFlash(flash: Flash): string;
  /** Route params of a main view's URL, or null when the URL routes to another view. */
  mainRouteParams(url: URL, view: AnyView): Params | null;
  /** A URL's query params under the server's limits (throws a ParamsError past them). */
  queryParams(url: URL): Params;
}

const helpersByContext = new WeakMap<LiveContext, ContextHelpers>();

function helpersOf(ctx: LiveContext): ContextHelpers {
  let helpers = helpersByContext.get(ctx);
  if (!helpers) {
    helpers = {
      signFlash: (flash) => ctx.signer.sign(SALT.flash, flash, 60_000),
      mainRouteParams: (url, view) => {
        const m = matchRoute(ctx.routes, url.pathname);
        return m && m.route.view === view ? routeParams(m, queryParams(url, ctx.limits.params)) : null;
      },
      queryParams: (url) => queryParams(url, ctx.limits.params),
    };
    helpersByContext.set(ctx, helpers);
  }
  return helpers;
}

export class LiveConnection {
  readonly #channels = new Map<string, Channel>();
  /** Events per second (`limits.eventsPerSecond`); heartbeats are not counted. */
  readonly #bucket: TokenBucket;
  /** Frames refused over the rate since the last warning, which is logged at most once a second. */
  #refused = 0;
  #warnedAt = -Infinity;
  /** Frames refused in a row; past `eventBurst` of them the client is flooding and is disconnected. */
  #strikes = 0;

  constructor(
    private readonly ctx: LiveContext,
    private readonly transport: Transport,
    /** Params from the socket URL (`_csrf_token`, …), available to joins. */
    private readonly connectParams: Record<string, string> = {},
  ) {
    this.#bucket = new TokenBucket(ctx.limits.eventsPerSecond, ctx.limits.eventBurst);
  }

  get channelCount(): number {
    return this.#channels.size;
  }

  /** Handles one text frame. */
  receive(text: string): void {
    // Cut off for flooding (closing): what it still sends is not even parsed.
    if (this.#strikes > this.ctx.limits.eventBurst) return;
    const parsed = parseFrame(text);
    const heartbeat = parsed.ok && parsed.frame.topic === "phoenix" && parsed.frame.event === "heartbeat";
    if (!heartbeat) {
      if (!this.#bucket.take()) return this.#overRate(parsed);
      this.#strikes = 0;
    }
    if (!parsed.ok) {
      this.ctx.logger.error(`websocket: rejected frame: ${parsed.error}`);
      if (parsed.topic !== null && parsed.ref !== null) {
        this.transport.send(encodeReply({ joinRef: parsed.joinRef, ref: parsed.ref, topic: parsed.topic }, "error", { reason: parsed.error }));
      } else {
        this.transport.send(encodeFrame(null, null, "phoenix", "phx_error", { reason: parsed.error }));
      }
      return;
    }
    const frame = parsed.frame;
    try {
      this.#dispatch(frame);
    } catch (error) {
      // Defensive: dispatch itself does not throw by design, but one bad frame must not end the connection.
      this.ctx.logger.error(`websocket: error handling "${frame.event}" on ${frame.topic}`, error);
      if (frame.ref !== null) this.transport.send(encodeReply(frame, "error", { reason: "internal error" }));
    }
  }

  /** A frame past the events-per-second limit: refused (answered when it can be addressed), not handled. */
  #overRate(parsed: ReturnType<typeof parseFrame>): void {
    if (++this.#strikes > this.ctx.limits.eventBurst) {
      // Answering each frame of a flood costs as much as the flood: past a burst of refusals in a row, the socket goes.
      if (this.#strikes === this.ctx.limits.eventBurst + 1) {
        this.ctx.logger.warn(`websocket: closed a connection that kept sending past ${this.ctx.limits.eventsPerSecond} events/s`);
        // After the replies to what was accepted have gone out (they follow once the frames already read are handled).
        setImmediate(() => this.transport.close(1008, "too many events"));
      }
      return;
    }
    this.#refused++;
    const now = performance.now();
    if (now - this.#warnedAt >= 1000) {
      this.ctx.logger.warn(`websocket: over ${this.ctx.limits.eventsPerSecond} events/s, ${this.#refused} frame(s) refused`);
      this.#warnedAt = now;
      this.#refused = 0;
    }
    const to = parsed.ok ? parsed.frame : parsed;
    if (to.topic !== null && to.ref !== null) {
      this.transport.send(encodeReply({ joinRef: to.joinRef, ref: to.ref, topic: to.topic }, "error", { reason: `rate limited: more than ${this.ctx.limits.eventsPerSecond} events per second` }));
    }
  }

  /** The socket closed: every view on it ends. */
  closed(): void {
    for (const channel of this.#channels.values()) this.#close(channel, "closed");
    this.#channels.clear();
  }

  #dispatch(frame: Frame): void {
    if (frame.topic === "phoenix") {
      if (frame.event === "heartbeat") this.transport.send(encodeReply(frame, "ok", {}));
      else this.#error(frame, `unknown event "${frame.event}" on topic "phoenix"`, "unknown event");
      return;
    }
    if (frame.event === "phx_join") {
      this.#join(frame).catch((error: unknown) => {
        this.ctx.logger.error(`websocket: join of ${frame.topic} failed`, error);
        this.#channels.delete(frame.topic);
        this.transport.send(encodeReply(frame, "error", { reason: "join failed" }));
      });
      return;
    }
    const channel = this.#channels.get(frame.topic);
    if (frame.event === "phx_leave") {
      const leaving = channel !== undefined && channel.joinRef === frame.joinRef;
      if (leaving) {
        this.#close(channel, "leave");
        this.#channels.delete(frame.topic);
      }
      // Leaving a topic that is gone (e.g. after a redirect) is fine: Phoenix answers ok too.
      this.transport.send(encodeReply(frame, "ok", {}));
      // Then the channel is closed, as Phoenix closes a channel that left; the client waits for
      // this `phx_close` before it considers the leave done.
      if (leaving) this.transport.send(encodeFrame(frame.joinRef, frame.joinRef, frame.topic, "phx_close", {}));
      return;
    }
    if (!channel || channel.joinRef !== frame.joinRef) {
      this.#error(frame, `"${frame.event}" for topic "${frame.topic}" that is not joined (join_ref ${frame.joinRef})`, "unmatched topic");
      return;
    }
    if (!channel.runtime) {
      this.#error(frame, `"${frame.event}" before the join of ${frame.topic} finished`, "join pending");
      return;
    }
    const runtime = channel.runtime;
    switch (frame.event) {
      case "event": {
        const p = frame.payload;
        if (typeof p.event !== "string" || typeof p.type !== "string") {
          this.#error(frame, `event payload needs string "type" and "event"`, "malformed event");
          return;
        }
        // Decoded here, not in the view: bad input is answered as such, it does not crash the view.
        let value: Params;
        try {
          value = eventValue(p as unknown as EventPayload, this.ctx.limits.params);
        } catch (error) {
          if (error instanceof ParamsError) return this.#error(frame, `event "${p.event}" on ${frame.topic}: ${error.message}`, `invalid params: ${error.message}`);
          throw error;
        }
        void runtime.event(p as unknown as EventPayload, value).then((reply) => this.#reply(channel, frame, reply));
        return;
      }
      case "live_patch": {
        const url = parseURL(frame.payload.url);
        if (!url) return this.#error(frame, `live_patch needs a valid "url"`, "malformed live_patch");
        try {
          helpersOf(this.ctx).queryParams(url);
        } catch (error) {
          if (error instanceof ParamsError) return this.#error(frame, `live_patch on ${frame.topic}: ${error.message}`, `invalid params: ${error.message}`);
          throw error;
        }
        void runtime.livePatch(url).then((reply) => this.#reply(channel, frame, reply));
        return;
      }
      case "cids_will_destroy":
        runtime.willDestroyComponents(cidList(frame.payload.cids));
        this.transport.send(encodeReply(frame, "ok", {}));
        return;
      case "cids_destroyed": {
        const cids = cidList(frame.payload.cids);
        this.transport.send(encodeReply(frame, "ok", { cids: runtime.destroyComponents(cids) }));
        return;
      }
      default:
        this.#error(frame, `unknown event "${frame.event}" on ${frame.topic}`, "unknown event");
    }
  }

  async #join(frame: Frame): Promise<void> {
    const { topic, payload } = frame;
    if (!topic.startsWith("lv:") || frame.joinRef === null) {
      return this.#error(frame, `cannot join "${topic}"`, "unmatched topic");
    }
    const previous = this.#channels.get(topic);
    if (!previous && this.#channels.size >= this.ctx.limits.viewsPerConnection) {
      return this.#error(frame, `join of ${topic} refused: ${this.#channels.size} views already joined on this connection`, `too many views (limit ${this.ctx.limits.viewsPerConnection} per connection)`);
    }
    if (previous) {
      // A second join of the same topic replaces the first (Phoenix closes the old channel).
      this.#close(previous, "rejoin");
      this.transport.send(encodeFrame(previous.joinRef, previous.joinRef, topic, "phx_close", {}));
    }
    const channel = new Channel(topic, frame.joinRef, this.transport, this.#channels);
    this.#channels.set(topic, channel);
    const stale = (why: string) => {
      this.ctx.logger.warn(`join ${topic} refused (${why}): the client will reload the page`);
      this.#channels.delete(topic);
      this.transport.send(encodeReply(frame, "error", { reason: "stale" }));
    };

    const id = topic.slice(3);
    const session = this.ctx.signer.verify<SessionToken>(SALT.session, payload.session);
    if (!session.ok) return stale(`session token ${session.reason}`);
    if (session.data.id !== id) return stale("session token belongs to another container");
    const params = (typeof payload.params === "object" && payload.params !== null ? payload.params : {}) as Record<string, unknown>;
    const csrf = this.ctx.signer.verify<string>(SALT.csrf, params._csrf_token ?? this.connectParams._csrf_token);
    if (!csrf.ok || csrf.data !== session.data.csrf) return stale(csrf.ok ? "CSRF token does not match the page" : `CSRF token ${csrf.reason}`);
    let flash: Flash = {};
    if (typeof payload.static === "string" && payload.static !== "") {
      const st = this.ctx.signer.verify<StaticToken>(SALT.static, payload.static);
      if (!st.ok || st.data.id !== id) return stale("static token invalid");
      flash = st.data.flash;
    }
    if (typeof payload.flash === "string") {
      const f = this.ctx.signer.verify<Flash>(SALT.flash, payload.flash);
      if (f.ok) flash = f.data;
    }

    const url = parseURL(payload.redirect ?? payload.url);
    if (!url) return stale(`join without a valid url`);
    let view: AnyView | undefined = this.ctx.registry.get(session.data.view);
    let mountParams: Params = {};
    let liveSession: LiveSessionInfo | undefined;
    if (session.data.main) {
      const match = matchRoute(this.ctx.routes, url.pathname);
      if (!match) return stale(`no live route for ${url.pathname}`);
      const navigating = payload.redirect !== undefined;
      // A plain rejoin must still route to the same view; a live navigation may go to another one.
      if (!navigating && this.ctx.registry.keyOf(match.route.view) !== session.data.view) {
        return stale(`${url.pathname} now routes to another view`);
      }
      // Live navigation stays inside the page's live session: another one is entered by a page
      // load, which runs that session's request side (session values, authentication) again.
      if ((session.data.liveSession ?? null) !== sessionName(match.route)) {
        const why = `${url.pathname} is in ${describeSession(sessionName(match.route))}, the page in ${describeSession(session.data.liveSession ?? null)}`;
        if (!navigating) return stale(why);
        this.ctx.logger.info(`join ${topic}: live navigation refused (${why}); the client loads the page instead`);
        this.#channels.delete(topic);
        this.transport.send(encodeReply(frame, "error", { reason: "unauthorized" }));
        return;
      }
      view = match.route.view;
      liveSession = match.route.liveSession;
      try {
        mountParams = routeParams(match, queryParams(url, this.ctx.limits.params));
      } catch (error) {
        // The page reloads, and its HTTP request is answered 400 with the reason.
        if (error instanceof ParamsError) return stale(error.message);
        throw error;
      }
    }
    if (!view) return stale(`unknown view "${session.data.view}"`);

    const helpers = helpersOf(this.ctx);
    const runtime = new ViewRuntime({
      view,
      id,
      connected: true,
      pubsub: this.ctx.pubsub,
      logger: this.ctx.logger,
      createEngine: this.ctx.createEngine,
      signFlash: helpers.signFlash,
      routeParams: session.data.main ? helpers.mainRouteParams : helpers.queryParams,
      output: channel,
      ...(liveSession ? { liveSession } : {}),
      connectParams: params,
      staticChanged: staticChanged(this.ctx, params._track_static),
      // Verified above: the page's own token.
      csrfToken: String(params._csrf_token ?? this.connectParams._csrf_token),
    });
    channel.runtime = runtime;
    const result = await runtime.mount(mountParams, session.data.session, url, flash);
    if (result === CRASHED) {
      // The crash was logged; the join fails so the client retries (and reloads after repeated failures).
      if (!channel.closed) this.#channels.delete(topic);
      this.transport.send(encodeReply(frame, "error", { reason: "join crashed" }));
      return;
    }
    if (channel.closed || this.#channels.get(topic) !== channel) {
      runtime.terminate("replaced");
      return;
    }
    if ("navigation" in result) {
      const nav = result.navigation;
      this.#channels.delete(topic);
      runtime.terminate("redirect");
      const kind = nav.kind === "redirect" ? "redirect" : "live_redirect";
      const target = nav.kind === "redirect" ? { to: nav.to } : { to: nav.to, kind: nav.replace ? "replace" : "push" };
      this.transport.send(encodeReply(frame, "error", { [kind]: target }));
      return;
    }
    const response: Record<string, unknown> = { rendered: result.rendered, liveview_version: this.ctx.liveVersion };
    if (result.livePatch) response.live_patch = { to: result.livePatch.to, kind: "replace" };
    channel.joined = true;
    this.transport.send(encodeReply(frame, "ok", response));
  }

  /** Answers a callback's message, unless the view crashed or its channel ended meanwhile. */
  #reply(channel: Channel, frame: Frame, reply: Record<string, unknown> | typeof CRASHED): void {
    if (reply === CRASHED || (channel.closed && !channel.redirected)) return;
    this.transport.send(encodeReply(frame, "ok", reply));
  }

  #close(channel: Channel, reason: string): void {
    channel.closed = true;
    channel.runtime?.terminate(reason);
  }

  #error(frame: Frame, message: string, reason: string): void {
    this.ctx.logger.error(`websocket: ${message}`);
    if (frame.ref !== null) this.transport.send(encodeReply(frame, "error", { reason }));
  }
}

/** Whether the page's tracked assets (the client's `_track_static` URLs) are not the server's current ones. */
function staticChanged(ctx: LiveContext, tracked: unknown): boolean {
  if (!ctx.staticAssets || !Array.isArray(tracked)) return false;
  return tracked.some((url) => typeof url !== "string" || !ctx.staticAssets!.has(assetPath(url)));
}

function describeSession(name: string | null): string {
  return name === null ? "no live session" : `live session "${name}"`;
}

function parseURL(value: unknown): URL | null {
  if (typeof value !== "string") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function cidList(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((c): c is number => typeof c === "number") : [];
}
