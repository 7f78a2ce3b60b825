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

const HEARTBEAT_MS = 30_000;
const PUSH_TIMEOUT_MS = 30_000;
const RECONNECT_MS = [10, 50, 100, 150, 200, 250, 500, 1000, 2000];
const REJOIN_MS = [1000, 2000, 5000];

/** The backoff after `tries` failures: the table's entry, then its last value doubled. */
export function backoff(table: readonly number[], tries: number, ceiling: number): number {
  return table[tries - 1] ?? ceiling;
}

export class Transport {
  conn: WebSocket | null = null;
  private ref = 0;
  private channels = new Set<Channel>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pendingHeartbeat: string | null = null;
  private reconnectTries = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closedByUser = false;
  private openCallbacks: Array<() => void> = [];
  private closeCallbacks: Array<(event: CloseEvent) => void> = [];

  constructor(
    private readonly endPoint: string,
    private readonly params: () => Payload,
  ) {}

  makeRef(): string {
    return String(++this.ref);
  }

  onOpen(callback: () => void): void {
    this.openCallbacks.push(callback);
  }

  onClose(callback: (event: CloseEvent) => void): void {
    this.closeCallbacks.push(callback);
  }

  isConnected(): boolean {
    return this.conn?.readyState === WebSocket.OPEN;
  }

  endPointURL(): string {
    const base = new URL(this.endPoint.replace(/\/$/, "") + "/websocket", location.href);
    // http: → ws:, https: → wss: (a ws: or wss: endpoint stays as it is).
    base.protocol = base.protocol.replace("http", "ws");
    for (const [key, value] of Object.entries(this.params())) {
      if (value !== undefined && value !== null) base.searchParams.set(key, String(value));
    }
    base.searchParams.set("vsn", CHANNEL_VSN);
    return base.href;
  }

  connect(): void {
    if (this.conn) return;
    this.closedByUser = false;
    const conn = new WebSocket(this.endPointURL());
    this.conn = conn;
    conn.onopen = () => {
      this.reconnectTries = 0;
      this.startHeartbeat();
      for (const callback of this.openCallbacks) callback();
      for (const channel of this.channels) channel.socketOpened();
    };
    conn.onmessage = (event) => this.receive(String(event.data));
    conn.onclose = (event) => {
      if (this.conn !== conn) return;
      this.conn = null;
      this.stopHeartbeat();
      for (const channel of this.channels) channel.socketClosed();
      for (const callback of this.closeCallbacks) callback(event);
      if (!this.closedByUser) this.scheduleReconnect();
    };
    conn.onerror = () => {};
  }

  disconnect(code = 1000, reason = ""): void {
    this.closedByUser = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const conn = this.conn;
    if (conn) {
      conn.close(code, reason);
      conn.onclose?.(new CloseEvent("close", { code, reason }));
    }
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
    if (!this.isConnected()) return false;
    this.conn!.send(encoded ?? JSON.stringify(frame));
    return true;
  }

  private scheduleReconnect(): void {
    this.reconnectTries += 1;
    const wait = backoff(RECONNECT_MS, this.reconnectTries, 5000);
    this.reconnectTimer = setTimeout(() => this.connect(), wait);
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      if (this.pendingHeartbeat) {
        // No reply to the last beat: the connection is dead even if the socket says open.
        this.pendingHeartbeat = null;
        this.conn?.close(1000, "heartbeat timeout");
        return;
      }
      this.pendingHeartbeat = this.makeRef();
      this.send([null, this.pendingHeartbeat, "phoenix", "heartbeat", {}]);
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.pendingHeartbeat = null;
  }

  private receive(data: string): void {
    const [joinRef, ref, topic, event, payload] = JSON.parse(data) as Frame;
    if (topic === "phoenix" && ref === this.pendingHeartbeat) {
      this.pendingHeartbeat = null;
      return;
    }
    for (const channel of this.channels) {
      if (channel.topic === topic) channel.receive(joinRef, ref, event, payload);
    }
  }
}

type ChannelState = "closed" | "joining" | "joined" | "errored" | "leaving";

/** One topic on the transport: joins, pushes with replies, and rejoins with backoff. */
export class Channel {
  state: ChannelState = "closed";
  joinRef: string | null = null;
  private replies = new Map<string, { resolve: (reply: Reply) => void; timer: ReturnType<typeof setTimeout> }>();
  /** Pushes made while (re)joining: sent in order once the join succeeds. */
  private queued: Array<() => void> = [];
  private handlers = new Map<string, (payload: Payload) => void>();
  private rejoinTries = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  private joinCallback: ((reply: Reply) => void) | null = null;

  constructor(
    private readonly transport: Transport,
    readonly topic: string,
    private readonly joinPayload: () => Payload,
  ) {}

  /** Handles a server push (`diff`, `redirect`, `phx_error`, …) of the current join. */
  on(event: string, handler: (payload: Payload) => void): void {
    this.handlers.set(event, handler);
  }

  /** Joins now (or as soon as the socket opens) and again after every reconnect or error. */
  join(onReply: (reply: Reply) => void): void {
    this.joinCallback = onReply;
    this.state = "joining";
    if (this.transport.isConnected()) this.sendJoin();
  }

  leave(): void {
    if (this.state === "joined") this.transport.send([this.joinRef, this.transport.makeRef(), this.topic, "phx_leave", {}]);
    this.state = "leaving";
    this.clearRejoin();
    this.transport.forget(this);
    this.flushQueued();
    this.failAll();
  }

  /**
   * Sends `event` and resolves with its reply. While the channel is (re)joining, the push
   * waits for the join (as the official client buffers it); the timeout runs from now.
   * `binary` encodes the frame instead of JSON (upload chunks).
   */
  push(event: string, payload: Payload, timeout = PUSH_TIMEOUT_MS, binary?: (joinRef: string, ref: string) => ArrayBuffer): Promise<Reply> {
    return new Promise((resolve) => {
      const ref = this.transport.makeRef();
      const timer = setTimeout(() => {
        this.replies.delete(ref);
        resolve({ status: "timeout", response: {} });
      }, timeout);
      const send = () => {
        if (this.state === "joined" && this.transport.send([this.joinRef, ref, this.topic, event, payload], binary?.(this.joinRef!, ref))) {
          this.replies.set(ref, { resolve, timer });
        } else {
          clearTimeout(timer);
          resolve({ status: "error", response: { reason: "not joined" } });
        }
      };
      if (this.state === "joining" || this.state === "errored") this.queued.push(send);
      else send();
    });
  }

  socketOpened(): void {
    if (this.state === "joining" || this.state === "errored") {
      this.clearRejoin();
      this.sendJoin();
    }
  }

  socketClosed(): void {
    if (this.state === "leaving" || this.state === "closed") return;
    this.state = "errored";
    this.failAll();
    this.handlers.get("phx_error")?.({ reason: "disconnected" });
  }

  /** After a rejected join or a crash: try again with backoff while the socket is up. */
  scheduleRejoin(): void {
    if (this.state === "leaving") return;
    this.state = "errored";
    this.clearRejoin();
    this.rejoinTries += 1;
    this.rejoinTimer = setTimeout(() => {
      if (this.transport.isConnected() && this.state === "errored") this.sendJoin();
    }, backoff(REJOIN_MS, this.rejoinTries, 10_000));
  }

  receive(joinRef: string | null, ref: string | null, event: string, payload: Payload): void {
    if (event === "phx_reply" && ref !== null) {
      if (ref === this.joinRef) {
        const reply = payload as unknown as Reply;
        if (reply.status === "ok") {
          this.state = "joined";
          this.rejoinTries = 0;
        }
        this.joinCallback?.(reply);
        if (reply.status === "ok") this.flushQueued();
        return;
      }
      const pending = this.replies.get(ref);
      if (pending) {
        this.replies.delete(ref);
        clearTimeout(pending.timer);
        pending.resolve(payload as unknown as Reply);
      }
      return;
    }
    // Messages for an earlier join of this topic are stale.
    if (joinRef !== null && joinRef !== this.joinRef) return;
    if (event === "phx_error" || event === "phx_close") {
      if (this.state === "leaving") return;
      this.failAll();
      this.handlers.get(event)?.(payload);
      return;
    }
    this.handlers.get(event)?.(payload);
  }

  private sendJoin(): void {
    this.state = "joining";
    this.joinRef = this.transport.makeRef();
    this.transport.send([this.joinRef, this.joinRef, this.topic, "phx_join", this.joinPayload()]);
  }

  private clearRejoin(): void {
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
  }

  private flushQueued(): void {
    const queued = this.queued;
    this.queued = [];
    for (const send of queued) send();
  }

  private failAll(): void {
    for (const [ref, pending] of this.replies) {
      clearTimeout(pending.timer);
      pending.resolve({ status: "error", response: { reason: "disconnected" } });
      this.replies.delete(ref);
    }
  }
}
