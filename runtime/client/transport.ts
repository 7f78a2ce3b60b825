// Phoenix Channels V2 over one WebSocket: JSON arrays `[joinRef, ref, topic, event, payload]`,
// a heartbeat on topic "phoenix", replies matched by ref, reconnect with backoff, and channels
// that rejoin after a reconnect or an error. Written for the live views of one page; nothing
// here knows about rendering.
import { CHANNEL_VSN } from "../shared/wire.ts";

export type Payload = Record<string, unknown>;
export interface Reply {
  status: "ok" | "error" | "timeout";
  response: Payload;
}
type Frame = [string | null, string | null, string, string, Payload];

// Waits after the 1st, 2nd, … failure in a row; past the table's end, its fallback.
const RECONNECT_MS = [10, 50, 100, 150, 200, 250, 500, 1000, 2000];
const REJOIN_MS = [1000, 2000, 5000];

const failed = (reason: string): Reply => ({ status: "error", response: { reason } });

/** Refs are unique across the page's channels (replies on one socket are matched by them). */
let lastRef = 0;
const nextRef = () => String(++lastRef);

export class Transport {
  conn: WebSocket | null = null;
  private channels = new Set<Channel>();
  /** The heartbeat while connected, the reconnect while not (one timer pool in browsers). */
  private clock: ReturnType<typeof setTimeout> | undefined;
  /** The ref of the heartbeat not yet answered. */
  private beat: string | null = null;
  private tries = 0;
  private stopped = false;

  constructor(
    private readonly endPoint: string,
    private readonly socketParams: () => Payload,
  ) {}

  isConnected(): boolean {
    return this.conn?.readyState === WebSocket.OPEN;
  }

  connect(): void {
    if (this.conn) return;
    this.stopped = false;
    const url = new URL(this.endPoint.replace(/\/$/, "") + "/websocket", location.href);
    // http: → ws:, https: → wss: (a ws: or wss: endpoint stays as it is).
    url.protocol = url.protocol.replace("http", "ws");
    for (const [key, value] of Object.entries({ ...this.socketParams(), vsn: CHANNEL_VSN })) if (value != null) url.searchParams.set(key, String(value));
    const conn = (this.conn = new WebSocket(url));
    conn.onopen = () => {
      this.tries = 0;
      this.beat = null;
      this.clock = setInterval(() => {
        // No reply to the last beat: the connection is dead even if the socket says open.
        if (this.beat) conn.close(1000, "heartbeat timeout");
        else this.send([null, (this.beat = nextRef()), "phoenix", "heartbeat", {}]);
      }, 30_000);
      for (const channel of this.channels) channel.socketOpened();
    };
    conn.onmessage = (message) => {
      const [joinRef, ref, topic, event, payload] = JSON.parse(String(message.data)) as Frame;
      // Only heartbeat replies come on topic "phoenix".
      if (topic === "phoenix") this.beat = null;
      for (const channel of this.channels) if (channel.topic === topic) channel.receive(joinRef, ref, event, payload);
    };
    conn.onclose = () => this.dropped(conn);
  }

  disconnect(): void {
    this.stopped = true;
    clearTimeout(this.clock);
    const conn = this.conn;
    if (conn) {
      conn.close();
      this.dropped(conn);
    }
  }

  private dropped(conn: WebSocket): void {
    if (this.conn !== conn) return;
    this.conn = null;
    clearTimeout(this.clock);
    // To each channel, the drop reads as the server's error of its join.
    for (const channel of this.channels) channel.receive(null, null, "phx_error", { reason: "disconnected" });
    if (!this.stopped) this.clock = setTimeout(() => this.connect(), RECONNECT_MS[this.tries++] ?? 5000);
  }

  channel(topic: string, joinPayload: () => Payload): Channel {
    const channel = new Channel(this, topic, joinPayload);
    this.channels.add(channel);
    return channel;
  }

  forget(channel: Channel): void {
    this.channels.delete(channel);
  }

  /** Sends a frame as JSON, or as `encoded` gives it (the upload module's binary frames). */
  send(frame: Frame, encoded?: ArrayBuffer): boolean {
    const open = this.isConnected();
    if (open) this.conn!.send(encoded ?? JSON.stringify(frame));
    return open;
  }
}

/** One topic on the transport: joins, pushes with replies, and rejoins with backoff. */
export class Channel {
  state: "closed" | "joining" | "joined" | "errored" | "leaving" = "closed";
  private joinedRef: string | null = null;
  /** Settles a push by its ref (clearing its timeout). */
  private replies = new Map<string, (reply: Reply) => void>();
  /** Pushes made while (re)joining: sent in order once the join succeeds. */
  private queued: Array<() => void> = [];
  /** Handlers by event, in the order added (a view and an external uploader both watch `phx_error`). */
  private listeners: Array<[string, (payload: Payload) => void]> = [];
  private tries = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private onJoin: ((reply: Reply) => void) | null = null;

  constructor(
    private readonly transport: Transport,
    readonly topic: string,
    private readonly joinPayload: () => Payload,
  ) {}

  /** Handles a server push (`diff`, `redirect`, `phx_error`, …) of the current join. */
  on(event: string, handler: (payload: Payload) => void): void {
    this.listeners.push([event, handler]);
  }

  /** Joins now (or as soon as the socket opens) and again after every reconnect or error. */
  join(onReply: (reply: Reply) => void): void {
    this.onJoin = onReply;
    this.state = "joining";
    if (this.transport.isConnected()) this.sendJoin();
  }

  leave(): void {
    if (this.state === "joined") this.transport.send([this.joinedRef, nextRef(), this.topic, "phx_leave", {}]);
    this.state = "leaving";
    clearTimeout(this.rejoinTimer);
    this.transport.forget(this);
    this.flush();
    this.failAll();
  }

  /**
   * Sends `event` and resolves with its reply. While the channel is (re)joining, the push
   * waits for the join (as the official client buffers it); the timeout runs from now.
   * `binary` encodes the frame instead of JSON (upload chunks).
   */
  push(event: string, payload: Payload, timeout = 30_000, binary?: (joinRef: string, ref: string) => ArrayBuffer): Promise<Reply> {
    return new Promise((resolve) => {
      const ref = nextRef();
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        this.replies.delete(ref);
        resolve(reply);
      };
      const timer = setTimeout(() => settle({ status: "timeout", response: {} }), timeout);
      const send = () => {
        if (this.state === "joined" && this.transport.send([this.joinedRef, ref, this.topic, event, payload], binary?.(this.joinedRef!, ref))) this.replies.set(ref, settle);
        else settle(failed("not joined"));
      };
      if (this.waiting()) this.queued.push(send);
      else send();
    });
  }

  socketOpened(): void {
    if (!this.waiting()) return;
    clearTimeout(this.rejoinTimer);
    this.sendJoin();
  }

  /** After a rejected join or a crash: try again with backoff while the socket is up. */
  scheduleRejoin(): void {
    if (this.state === "leaving") return;
    this.state = "errored";
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = setTimeout(() => {
      if (this.transport.isConnected() && this.state === "errored") this.sendJoin();
    }, REJOIN_MS[this.tries++] ?? 10_000);
  }

  receive(joinRef: string | null, ref: string | null, event: string, payload: Payload): void {
    const reply = payload as unknown as Reply;
    if (event === "phx_reply") {
      if (ref !== this.joinedRef) return this.replies.get(ref!)?.(reply);
      const ok = reply.status === "ok";
      if (ok) {
        this.state = "joined";
        this.tries = 0;
      }
      this.onJoin?.(reply);
      if (ok) this.flush();
      return;
    }
    // Messages for an earlier join of this topic are stale.
    if (joinRef !== null && joinRef !== this.joinedRef) return;
    if (event === "phx_error" || event === "phx_close") {
      if (this.state === "leaving" || this.state === "closed") return;
      this.state = "errored";
      this.failAll();
    }
    this.emit(event, payload);
  }

  private emit(event: string, payload: Payload): void {
    for (const [name, handler] of this.listeners) if (name === event) handler(payload);
  }

  private waiting(): boolean {
    return this.state === "joining" || this.state === "errored";
  }

  private sendJoin(): void {
    this.state = "joining";
    this.joinedRef = nextRef();
    this.transport.send([this.joinedRef, this.joinedRef, this.topic, "phx_join", this.joinPayload()]);
  }

  private flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (const send of queued) send();
  }

  private failAll(): void {
    for (const settle of this.replies.values()) settle(failed("disconnected"));
  }
}
