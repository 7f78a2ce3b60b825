// One client connection (a WebSocket): heartbeats on `phoenix`, and one channel per joined
// `lv:<id>` topic, each running its own ViewRuntime (PROTOCOL.md §4.1, §4.4–4.6).
// Every bad input gets a logged error and an error reply; nothing here throws at the socket.
import { csrfMatches } from "./csrf.ts";
import { assetPath, SALT, type LiveContext, type SessionToken, type StaticToken } from "./context.ts";
import { parseFrame, type Frame } from "./frames.ts";
import {
  channelCloseFrame,
  channelErrorFrame,
  diffPushFrame,
  errorReply,
  joinedReply,
  okReply,
  okReplyWithDiff,
  pushFrame,
  resumedReply,
  socketErrorFrame,
  type ErrorResponse,
  type JoinResponse,
  type PushEvent,
  type PushPayloads,
  type ReplyPayload,
} from "./outgoing.ts";
import { sessionName, type LiveSessionInfo } from "./live-session.ts";
import { NestedChannels } from "./nested-channels.ts";
import { childContainer } from "./page.ts";
import { ParamsError, type Params } from "./params.ts";
import { matchRoute, routeParams } from "./router.ts";
import { TokenBucket } from "./token-bucket.ts";
import { ONE_DAY_MS } from "./token.ts";
import { parseBinaryFrame } from "./uploads/binary-frame.ts";
import { UPLOAD_SALT, UploadChannels } from "./uploads/upload-channels.ts";
import type { UploadToken } from "./uploads/view-uploads.ts";
import { randomToken } from "./random.ts";
import { DiffLog, type Resumable } from "./resume.ts";
import { CRASHED, eventValue, queryParams, ViewRuntime, type Crashed, type EventPayload, type ViewOutput } from "./view-runtime.ts";
import type { AnyView, Flash } from "./view.ts";

export interface Transport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/**
 * One joined `lv:` topic, and the output of the view running on it. A class rather than closures
 * made in the join: those would keep the join's whole scope (its frame, with the session and
 * static tokens) alive for as long as the view runs.
 *
 * A channel whose client asked for resume (`log` set) numbers and keeps its diffs, and can
 * outlive its socket: it then waits in the server's ResumeStore (`transport` null) until its
 * client rejoins on another socket (`attach`) or the window ends.
 */
class Channel implements ViewOutput, Resumable {
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
  /** The diffs sent, numbered; only for a client that asked for resume. */
  log: DiffLog | null = null;
  resumeToken = "";
  #released = false;
  /** Called once when the view stops on its own (its nested views end with it). */
  onStopped: (() => void) | null = null;

  constructor(
    readonly topic: string,
    public joinRef: string,
    /** Where messages go; null while the view waits for its client. */
    private transport: Transport | null,
    /** The connection's channels, which this one leaves when its view stops on its own. */
    private channels: Map<string, Channel> | null,
    private readonly ctx: LiveContext,
    /** The signed session token it was joined with: it holds one of that token's view slots. */
    private readonly sessionToken: string,
  ) {}

  get id(): string {
    return this.topic.slice(3);
  }

  /** Whether `transport` is where this channel's messages go now (and `joinRef` its join). */
  isOn(transport: Transport, joinRef: string | null): boolean {
    return this.transport === transport && this.joinRef === joinRef;
  }

  push<E extends PushEvent>(event: E, body: PushPayloads[E]): void {
    if (this.closed) return;
    if (event === "diff" && this.log) {
      const json = JSON.stringify(body);
      this.log.record(json);
      if (this.transport) this.transport.send(diffPushFrame(this.joinRef, this.topic, json));
      else this.ctx.resume.grew(this);
      return;
    }
    if (this.transport) this.transport.send(pushFrame(this.joinRef, this.topic, event, body));
    else if (this.log) {
      // Only diffs are replayed: a view that navigates while its client is away cannot resume.
      this.log.break();
      this.ctx.resume.grew(this);
    }
  }

  /**
   * Answers a message that arrived on `from`. A reply's diff is numbered like a push. When the
   * socket that asked is gone (the channel waits, or resumed on another socket), the diff still
   * reaches the client, as a push (or a replay).
   */
  answer(frame: Frame, from: Transport, reply: ReplyPayload | Crashed): void {
    if (reply === CRASHED || (this.closed && !this.redirected)) return;
    const diff = reply.diff;
    if (!this.log || (diff === undefined && this.isOn(from, frame.joinRef))) {
      from.send(okReply(frame, reply));
      return;
    }
    if (this.isOn(from, frame.joinRef)) {
      const { diff: _, ...rest } = reply;
      const json = JSON.stringify(diff);
      this.log.record(json);
      from.send(okReplyWithDiff(frame, rest, json));
      return;
    }
    if (diff !== undefined) {
      // The reply map (`r`) has no one waiting for it any more.
      const { r: _, ...pushed } = diff;
      if (Object.keys(pushed).length) this.push("diff", pushed);
    }
    if (reply.live_patch) this.push("live_patch", reply.live_patch);
  }

  stopped(reason: "crash" | "redirect"): void {
    if (this.closed) return;
    this.closed = true;
    this.redirected = reason === "redirect";
    if (this.channels?.get(this.topic) === this) this.channels.delete(this.topic);
    if (this.log) this.ctx.resume.forget(this);
    this.#release();
    // A crash makes the client show the error state and rejoin (PROTOCOL.md §5.4).
    if (reason === "crash" && this.joined) this.transport?.send(channelErrorFrame(this.joinRef, this.topic));
    this.onStopped?.();
  }

  /** Ends the view for good. */
  end(reason: string): void {
    this.closed = true;
    if (this.log) this.ctx.resume.forget(this);
    this.runtime?.terminate(reason);
    this.#release();
  }

  /** Its socket dropped, or its client came back on another: the view keeps running, its diffs kept in the log. */
  detach(): void {
    if (this.channels?.get(this.topic) === this) this.channels.delete(this.topic);
    this.transport = null;
    this.channels = null;
  }

  /** The client came back on another socket. */
  attach(transport: Transport, joinRef: string, channels: Map<string, Channel>): void {
    this.transport = transport;
    this.joinRef = joinRef;
    this.channels = channels;
    this.ctx.resume.connected(this);
  }

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    this.ctx.sessionViews.release(this.sessionToken);
  }
}

/** What every view of one server shares: made once per context, not once per join. */
interface ContextHelpers {
  signFlash(flash: Flash): string;
  /** Route params of a main view's URL, or null when the URL routes to another view. */
  mainRouteParams(url: URL, view: AnyView): Params | null;
  /** A URL's query params under the server's limits (throws a ParamsError past them). */
  queryParams(url: URL): Params;
  signUpload(token: UploadToken): string;
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
      signUpload: (token) => ctx.signer.sign(UPLOAD_SALT, token, ONE_DAY_MS),
    };
    helpersByContext.set(ctx, helpers);
  }
  return helpers;
}

export class LiveConnection {
  readonly #channels = new Map<string, Channel>();
  /** Which joined views are nested in which (`nested-channels.ts`). */
  readonly #nested = new NestedChannels();
  /** Events per second (`limits.eventsPerSecond`); heartbeats are not counted. */
  readonly #bucket: TokenBucket;
  /** Frames refused over the rate since the last warning, which is logged at most once a second. */
  #refused = 0;
  #warnedAt = -Infinity;
  /** Frames refused in a row; past `eventBurst` of them the client is flooding and is disconnected. */
  #strikes = 0;
  /** The `lvu:` channels carrying upload chunks, created with the first. */
  #uploadChannels: UploadChannels | null = null;

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
        this.transport.send(errorReply({ joinRef: parsed.joinRef, ref: parsed.ref, topic: parsed.topic }, { reason: parsed.error }));
      } else {
        this.transport.send(socketErrorFrame(parsed.error));
      }
      return;
    }
    const frame = parsed.frame;
    try {
      this.#dispatch(frame);
    } catch (error) {
      // Defensive: dispatch itself does not throw by design, but one bad frame must not end the connection.
      this.ctx.logger.error(`websocket: error handling "${frame.event}" on ${frame.topic}`, error);
      if (frame.ref !== null) this.transport.send(errorReply(frame, { reason: "internal error" }));
    }
  }

  /**
   * Handles one binary frame: an upload chunk (PROTOCOL.md §4.1). Chunks for a joined upload
   * channel are not counted as events (a file is many chunks, each waiting for its reply); any
   * other binary frame is, and gets an error.
   */
  receiveBinary(data: Uint8Array): void {
    if (this.#strikes > this.ctx.limits.eventBurst) return;
    const parsed = parseBinaryFrame(data);
    if (!(parsed.ok && this.#uploadChannels?.joined(parsed.frame))) {
      if (!this.#bucket.take()) return this.#overRate(parsed.ok ? { ok: true, frame: parsed.frame } : { ok: false, joinRef: null, ref: null, topic: null });
      this.#strikes = 0;
    }
    if (!parsed.ok) {
      this.ctx.logger.error(`websocket: rejected binary frame: ${parsed.error}`);
      this.transport.send(socketErrorFrame(parsed.error));
      return;
    }
    const frame = parsed.frame;
    if (!this.#uploadChannels) {
      this.ctx.logger.error(`websocket: binary "${frame.event}" for ${frame.topic}, which is not a joined upload channel`);
      if (frame.ref !== null) this.transport.send(errorReply(frame, { reason: "unmatched topic" }));
      return;
    }
    this.#uploadChannels.chunk(frame);
  }

  #uploads(): UploadChannels {
    return (this.#uploadChannels ??= new UploadChannels({
      send: (text) => this.transport.send(text),
      signer: this.ctx.signer,
      logger: this.ctx.logger,
      dir: this.ctx.uploadDir,
      viewUploads: (id) => this.#channels.get(`lv:${id}`)?.runtime?.uploads ?? null,
      ended: (token, channel) => this.#channels.get(`lv:${token.view}`)?.runtime?.uploadEnded(token, channel),
    }));
  }

  /** A frame past the events-per-second limit: refused (answered when it can be addressed), not handled. */
  #overRate(parsed: { ok: true; frame: { joinRef: string | null; ref: string | null; topic: string } } | { ok: false; joinRef: string | null; ref: string | null; topic: string | null }): void {
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
      this.transport.send(errorReply({ joinRef: to.joinRef, ref: to.ref, topic: to.topic }, { reason: `rate limited: more than ${this.ctx.limits.eventsPerSecond} events per second` }));
    }
  }

  /** The socket closed: every view on it ends, but those whose client can resume wait for it. */
  closed(): void {
    for (const channel of this.#channels.values()) {
      // A nested view is not kept: its client joins it again (a new mount) under its parent's join.
      if (channel.log && channel.joined && !channel.closed && this.#nested.parentOf(channel.topic) === null) {
        channel.detach();
        if (this.ctx.resume.keep(channel)) continue;
      }
      this.#close(channel, "closed");
    }
    this.#channels.clear();
    this.#uploadChannels?.closeAll();
  }

  #dispatch(frame: Frame): void {
    if (frame.topic === "phoenix") {
      if (frame.event === "heartbeat") this.transport.send(okReply(frame, {}));
      else this.#error(frame, `unknown event "${frame.event}" on topic "phoenix"`, "unknown event");
      return;
    }
    if (frame.topic.startsWith("lvu:")) {
      if (frame.event === "phx_join") this.#uploads().join(frame);
      else if (frame.event === "phx_leave") this.#uploads().leave(frame);
      else this.#error(frame, `"${frame.event}" on ${frame.topic}: upload channels take binary "chunk" frames only`, "unknown event");
      return;
    }
    if (frame.event === "phx_join") {
      this.#join(frame).catch((error: unknown) => {
        this.ctx.logger.error(`websocket: join of ${frame.topic} failed`, error);
        this.#channels.delete(frame.topic);
        this.transport.send(errorReply(frame, { reason: "join failed" }));
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
      this.transport.send(okReply(frame, {}));
      // Then the channel is closed, as Phoenix closes a channel that left; the client waits for
      // this `phx_close` before it considers the leave done.
      if (leaving) this.transport.send(channelCloseFrame(frame.joinRef, frame.topic));
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
        void runtime.event(p as unknown as EventPayload, value).then((reply) => channel.answer(frame, this.transport, reply));
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
        void runtime.livePatch(url).then((reply) => channel.answer(frame, this.transport, reply));
        return;
      }
      case "allow_upload":
      case "progress": {
        const answer = frame.event === "allow_upload" ? runtime.allowUpload(frame.payload) : runtime.uploadProgress(frame.payload);
        void answer.then((result) => {
          if (result === CRASHED) return;
          if ("refused" in result) return this.#error(frame, `${frame.event} on ${frame.topic}: ${result.refused}`, result.refused);
          channel.answer(frame, this.transport, result.ok);
        });
        return;
      }
      case "cids_will_destroy":
        runtime.willDestroyComponents(cidList(frame.payload.cids));
        this.transport.send(okReply(frame, {}));
        return;
      case "cids_destroyed": {
        const cids = cidList(frame.payload.cids);
        this.transport.send(okReply(frame, { cids: runtime.destroyComponents(cids) }));
        return;
      }
      default:
        this.#error(frame, `unknown event "${frame.event}" on ${frame.topic}`, "unknown event");
    }
  }

  /**
   * A `phx_join`, in named steps: authorize (the page's signed tokens), route (which view, with
   * which params), then resume the view waiting for this client, or mount a new one; then reply.
   */
  async #join(frame: Frame): Promise<void> {
    const { topic } = frame;
    if (!topic.startsWith("lv:") || frame.joinRef === null) {
      return this.#error(frame, `cannot join "${topic}"`, "unmatched topic");
    }
    const previous = this.#channels.get(topic);
    if (!previous && this.#channels.size >= this.ctx.limits.viewsPerConnection) {
      return this.#error(frame, `join of ${topic} refused: ${this.#channels.size} views already joined on this connection`, `too many views (limit ${this.ctx.limits.viewsPerConnection} per connection)`);
    }
    const clash = previous ? this.#idClash(topic, frame.payload.session) : null;
    if (clash) return this.#error(frame, `join of ${topic} refused: ${clash}`, "duplicate id");
    if (previous) {
      // A second join of the same topic replaces the first (Phoenix closes the old channel).
      this.#close(previous, "rejoin");
      this.#channels.delete(topic);
      this.transport.send(channelCloseFrame(previous.joinRef, topic));
    }
    const join = this.#authorize(frame);
    if ("refused" in join) return this.#stale(frame, join.refused);
    const nested = this.#nested.resolve(join.session, (t) => this.#runningView(t));
    if (nested.kind === "refused") return this.#stale(frame, `nested live view: ${nested.why}`);
    const route = this.#route(frame, join, nested.kind === "child" ? nested.parent : null);
    if ("refused" in route) {
      if (!route.unauthorized) return this.#stale(frame, route.refused);
      this.ctx.logger.info(`join ${topic}: live navigation refused (${route.refused}); the client loads the page instead`);
      this.transport.send(errorReply(frame, { reason: "unauthorized" }));
      return;
    }
    if (this.#resume(frame, join, route)) return;
    const token = join.sessionToken;
    if (!this.ctx.sessionViews.take(token)) {
      const limit = this.ctx.limits.viewsPerSession;
      return this.#error(frame, `join of ${topic} refused: ${limit} views already joined with this page's session token`, `too many views for this page (limit ${limit} per session token)`);
    }
    const channel = new Channel(topic, frame.joinRef, this.transport, this.#channels, this.ctx, token);
    this.#channels.set(topic, channel);
    await this.#mount(frame, channel, join, route);
  }

  /** The join's signed tokens: session (for this container), CSRF (for this page), static and flash. */
  #authorize(frame: Frame): AuthorizedJoin | Refused {
    const { payload } = frame;
    const id = frame.topic.slice(3);
    const session = this.ctx.signer.verify<SessionToken>(SALT.session, payload.session);
    if (!session.ok) return { refused: `session token ${session.reason}` };
    if (session.data.id !== id) return { refused: "session token belongs to another container" };
    const params = (typeof payload.params === "object" && payload.params !== null ? payload.params : {}) as Record<string, unknown>;
    const csrf = params._csrf_token ?? this.connectParams._csrf_token;
    if (csrf === undefined) return { refused: "CSRF token missing" };
    if (!csrfMatches(this.ctx.signer, csrf, session.data.csrf)) return { refused: "CSRF token does not match the page" };
    let flash: Flash = {};
    if (typeof payload.static === "string" && payload.static !== "") {
      const st = this.ctx.signer.verify<StaticToken>(SALT.static, payload.static);
      if (!st.ok || st.data.id !== id) return { refused: "static token invalid" };
      flash = st.data.flash;
    }
    if (typeof payload.flash === "string") {
      const f = this.ctx.signer.verify<Flash>(SALT.flash, payload.flash);
      if (f.ok) flash = f.data;
    }
    return { id, session: session.data, sessionToken: payload.session as string, params, flash };
  }

  /** Which view the join mounts, and its params: the URL's route for a main view, the token's view for another. */
  #route(frame: Frame, join: AuthorizedJoin, parent: ViewRuntime | null): RoutedJoin | (Refused & { unauthorized?: true }) {
    const { payload } = frame;
    // A child's join carries no URL (it has its parent's), nor a sticky view's (its token has the page's).
    const url = parent?.url ?? parseURL(payload.redirect ?? payload.url) ?? parseURL(join.session.url);
    if (!url) return { refused: `join without a valid url` };
    const navigating = payload.redirect !== undefined;
    if (!join.session.main) {
      const view = this.ctx.registry.get(join.session.view);
      return view ? { view, url, navigating, mountParams: {}, ...(parent ? { parent } : {}) } : { refused: `unknown view "${join.session.view}"` };
    }
    const match = matchRoute(this.ctx.routes, url.pathname);
    if (!match) return { refused: `no live route for ${url.pathname}` };
    // A plain rejoin must still route to the same view; a live navigation may go to another one.
    if (!navigating && this.ctx.registry.keyOf(match.route.view) !== join.session.view) {
      return { refused: `${url.pathname} now routes to another view` };
    }
    // Live navigation stays inside the page's live session: another one is entered by a page
    // load, which runs that session's request side (session values, authentication) again.
    if ((join.session.liveSession ?? null) !== sessionName(match.route)) {
      const why = `${url.pathname} is in ${describeSession(sessionName(match.route))}, the page in ${describeSession(join.session.liveSession ?? null)}`;
      return navigating ? { refused: why, unauthorized: true } : { refused: why };
    }
    try {
      const mountParams = routeParams(match, queryParams(url, this.ctx.limits.params));
      return { view: match.route.view, url, navigating, mountParams, ...(match.route.liveSession ? { liveSession: match.route.liveSession } : {}) };
    } catch (error) {
      // The page reloads, and its HTTP request is answered 400 with the reason.
      if (error instanceof ParamsError) return { refused: error.message };
      throw error;
    }
  }

  /**
   * A rejoin that names a view waiting for its client (its resume token, the last diff the
   * client applied): the view moves to this socket, and the reply replays what the client
   * missed. False when there is nothing to resume: the caller mounts instead.
   */
  #resume(frame: Frame, join: AuthorizedJoin, route: RoutedJoin): boolean {
    const ask = frame.payload.resume;
    if (route.navigating || typeof ask !== "object" || ask === null) return false;
    const { token, seq } = ask as { token?: unknown; seq?: unknown };
    const taken = this.ctx.resume.take(join.id, token, seq);
    if (!taken) return false;
    const channel = taken.view as Channel;
    channel.attach(this.transport, frame.joinRef!, this.#channels);
    this.#channels.set(frame.topic, channel);
    // Its nesting is this connection's now: its children end with it here.
    channel.onStopped = () => this.#endChildren(frame.topic);
    this.#nested.joined(frame.topic, join.session);
    this.ctx.logger.info(`join ${frame.topic}: resumed, ${taken.replay.length} diff(s) replayed`);
    this.transport.send(resumedReply(frame, this.ctx.liveVersion, { token: channel.resumeToken, seq: channel.log!.seq }, taken.replay));
    return true;
  }

  /** A new view on the channel: mount, handleParams, first render; the join's reply. */
  async #mount(frame: Frame, channel: Channel, join: AuthorizedJoin, route: RoutedJoin): Promise<void> {
    const { topic, payload } = frame;
    const helpers = helpersOf(this.ctx);
    const main = join.session.main;
    const runtime: ViewRuntime = new ViewRuntime({
      view: route.view,
      id: join.id,
      connected: true,
      pubsub: this.ctx.pubsub,
      logger: this.ctx.logger,
      createEngine: this.ctx.createEngine,
      signFlash: helpers.signFlash,
      routeParams: main ? helpers.mainRouteParams : helpers.queryParams,
      output: channel,
      ...(route.liveSession ? { liveSession: route.liveSession } : {}),
      connectParams: join.params,
      staticChanged: staticChanged(this.ctx, join.params._track_static),
      childContainer: childContainer(this.ctx, join.session.csrf, (): Record<string, unknown> => ({ ...runtime.session }), (): URL | null => runtime.url),
      // A child's `assignNew` reuses what its parent has (as LiveView's child mount asks its parent).
      ...(route.parent ? { inheritedAssigns: route.parent.state.assigns } : {}),
      nested: route.parent !== undefined || join.session.sticky === true,
      ...(route.parent ? { patchRoot: route.parent.patchFromChild.bind(route.parent) } : {}),
      signUpload: helpers.signUpload,
      frameBytes: this.ctx.limits.frameBytes,
      // Verified at the join: the page's own token.
      csrfToken: String(join.params._csrf_token ?? this.connectParams._csrf_token),
    });
    channel.runtime = runtime;
    channel.onStopped = () => this.#endChildren(topic);
    const result = await runtime.mount(route.mountParams, join.session.session, route.url, join.flash);
    if (result === CRASHED) {
      // The crash was logged; the join fails so the client retries (and reloads after repeated failures).
      if (!channel.closed) this.#channels.delete(topic);
      channel.end("crash");
      this.transport.send(errorReply(frame, { reason: "join crashed" }));
      return;
    }
    if (channel.closed || this.#channels.get(topic) !== channel) {
      channel.end("replaced");
      return;
    }
    if ("navigation" in result) {
      const nav = result.navigation;
      this.#channels.delete(topic);
      channel.end("redirect");
      const response: ErrorResponse = nav.kind === "redirect" ? { redirect: { to: nav.to } } : { live_redirect: { to: nav.to, kind: nav.replace ? "replace" : "push" } };
      this.transport.send(errorReply(frame, response));
      return;
    }
    const response: JoinResponse = { rendered: result.rendered, liveview_version: this.ctx.liveVersion };
    if (result.livePatch) response.live_patch = { to: result.livePatch.to, kind: "replace" };
    // The client asked to be able to resume (livehtml's own does; the official one sends nothing).
    if (payload.resume !== undefined && this.ctx.resume.enabled) {
      channel.log = new DiffLog(this.ctx.resume.options.viewBytes);
      channel.resumeToken = randomToken(18);
      response.resume = { token: channel.resumeToken, seq: 0 };
      this.ctx.resume.connected(channel);
    }
    channel.joined = true;
    this.#nested.joined(topic, join.session);
    this.transport.send(joinedReply(frame, response));
  }

  #stale(frame: Frame, why: string): void {
    this.ctx.logger.warn(`join ${frame.topic} refused (${why}): the client will reload the page`);
    this.transport.send(errorReply(frame, { reason: "stale" }));
  }

  #close(channel: Channel, reason: string): void {
    if (reason === "leave") this.#forgetChild(channel.topic);
    channel.end(reason);
    if (reason !== "closed") this.#endChildren(channel.topic);
  }

  /** A nested view the client left: its parent need not keep its container any more. */
  #forgetChild(topic: string): void {
    const parent = this.#nested.parentOf(topic);
    if (parent) this.#runningView(parent)?.children.forget(topic.slice(3));
  }

  /** A joined view that is running now on `topic`, or null. */
  #runningView(topic: string): ViewRuntime | null {
    const channel = this.#channels.get(topic);
    return channel && channel.joined && !channel.closed && channel.runtime?.alive ? channel.runtime : null;
  }

  /** The view of `topic` ended: its nested views end too, and the client is told each closed. */
  #endChildren(topic: string): void {
    for (const child of this.#nested.ended(topic)) {
      const channel = this.#channels.get(child);
      if (!channel) continue;
      this.#channels.delete(child);
      this.#close(channel, "parent exited");
      this.transport.send(channelCloseFrame(channel.joinRef, child));
    }
  }

  /** Why a join may not replace the view joined on its topic (another view uses the id), or null. */
  #idClash(topic: string, token: unknown): string | null {
    const verified = this.ctx.signer.verify<SessionToken>(SALT.session, token);
    return verified.ok ? this.#nested.clash(topic, verified.data) : null;
  }

  #error(frame: Frame, message: string, reason: string): void {
    this.ctx.logger.error(`websocket: ${message}`);
    if (frame.ref !== null) this.transport.send(errorReply(frame, { reason }));
  }
}

interface Refused {
  readonly refused: string;
}

/** A join whose tokens are good. */
interface AuthorizedJoin {
  readonly id: string;
  readonly session: SessionToken;
  /** The signed session token as sent: the key of the page's view slots. */
  readonly sessionToken: string;
  readonly params: Record<string, unknown>;
  readonly flash: Flash;
}

/** Where a join goes. */
interface RoutedJoin {
  readonly view: AnyView;
  readonly url: URL;
  /** A live navigation (`redirect` in the payload) rather than a plain join or rejoin. */
  readonly navigating: boolean;
  readonly mountParams: Params;
  readonly liveSession?: LiveSessionInfo;
  /** A nested live view's parent, running on this connection. */
  readonly parent?: ViewRuntime;
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
