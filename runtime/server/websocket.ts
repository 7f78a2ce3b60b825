// The WebSocket endpoint `/live/websocket` (vsn CHANNEL_VSN, 2.0.0) on top of `ws`, attachable to any
// node:http server's "upgrade" event.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { LiveConnection, type Transport } from "./connection.ts";
import type { LiveContext } from "./context.ts";
import { CHANNEL_VSN } from "../shared/wire.ts";
import { clientText } from "./log.ts";
import { requestURL } from "./request-url.ts";
import { UpgradeThrottle } from "./upgrade-throttle.ts";

export const SOCKET_PATH = "/live/websocket";

/**
 * One accepted socket: the connection's transport, and what the socket's listeners reach. The
 * listeners are shared functions that find it through `linkOf` (the socket is their `this`), so
 * a connection costs one small object here rather than five closures.
 */
class SocketLink implements Transport {
  readonly connection: LiveConnection;
  /** When the client last sent anything (`performance.now()`), for the heartbeat timeout. */
  lastSeen = performance.now();

  constructor(
    readonly ws: WebSocket,
    readonly endpoint: LiveWebSocketEndpoint,
    ctx: LiveContext,
    params: Record<string, string>,
  ) {
    this.connection = new LiveConnection(ctx, this, params);
  }

  send(text: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    // A client that does not read would make us buffer without end: past the limit it is cut off
    // (terminated: a close frame would only queue behind what it is not reading).
    if (this.ws.bufferedAmount > this.endpoint.limits.outgoingBufferBytes) {
      this.endpoint.logger.warn(`websocket: closed a client that is not reading (${this.ws.bufferedAmount} bytes waiting, limit ${this.endpoint.limits.outgoingBufferBytes})`);
      this.ws.terminate();
      return;
    }
    this.ws.send(text);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    // Nothing the peer sends from now on is read (a flood would keep the server busy unmasking
    // frames it drops), and a peer that does not finish the close is dropped after a second.
    this.ws.pause();
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }
}

const linkOf = new WeakMap<WebSocket, SocketLink>();

function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const link = linkOf.get(this);
  if (!link) return;
  link.lastSeen = performance.now();
  if (isBinary) {
    // Without a `binaryType` option, ws hands over one Buffer per message.
    link.connection.receiveBinary(data as Buffer);
    return;
  }
  link.connection.receive(data.toString());
}

function onError(this: WebSocket, error: Error): void {
  linkOf.get(this)?.endpoint.logger.error(`websocket: ${error.message}`);
}

function onClose(this: WebSocket): void {
  const link = linkOf.get(this);
  if (!link) return;
  link.endpoint.forget(this);
  link.connection.closed();
}

/** How often silence is checked: a quarter of the timeout, so a socket is closed within 1.25× of it. */
function sweepInterval(timeoutMs: number): number {
  return Math.max(10, Math.min(timeoutMs / 4, 15_000));
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, statusText: string, why: string, headers = ""): void {
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\n${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${why}\n`);
}

export class LiveWebSocketEndpoint {
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  /** Checks heartbeats of every socket; one timer for all of them, started with the first. */
  #sweeper: NodeJS.Timeout | null = null;
  readonly #throttle: UpgradeThrottle;
  #refusedUpgrades = 0;
  #warnedAt = -Infinity;

  constructor(private readonly ctx: LiveContext) {
    this.#throttle = new UpgradeThrottle(ctx.limits.upgradesPerSecond, ctx.limits.upgradeBurst, ctx.trustProxy);
    // ws enforces the size limit itself and closes with 1009 ("message too big") before
    // buffering an oversized frame.
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: ctx.maxFrameBytes });
  }

  get connectionCount(): number {
    return this.#sockets.size;
  }

  get limits(): LiveContext["limits"] {
    return this.ctx.limits;
  }

  /** For `server.on("upgrade", …)`: returns false when the request is not for the live socket. */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = requestURL(request);
    if (!url) {
      refuse(socket, 400, "Bad Request", "invalid Host header or request target");
      return true;
    }
    if (url.pathname !== SOCKET_PATH) return false;
    const origin = request.headers.origin;
    if (!this.ctx.originAllowed(origin, url, request)) {
      this.ctx.logger.warn(`websocket: refused an upgrade from origin ${clientText(origin)} (allowed: the server's own origin ${url.origin}, or createServer's allowedOrigins)`);
      refuse(socket, 403, "Forbidden", "origin not allowed");
      return true;
    }
    const vsn = url.searchParams.get("vsn");
    if (vsn !== null && vsn !== CHANNEL_VSN) {
      this.ctx.logger.warn(`websocket: refused protocol vsn ${clientText(vsn)} (only ${CHANNEL_VSN} is spoken)`);
      refuse(socket, 400, "Bad Request", "unsupported vsn");
      return true;
    }
    if (!this.#throttle.allow(request)) {
      this.#throttled(this.#throttle.addressOf(request));
      refuse(socket, 429, "Too Many Requests", "too many connections from this address", "Retry-After: 1\r\n");
      return true;
    }
    if (this.#sockets.size >= this.ctx.limits.connections) {
      this.ctx.logger.warn(`websocket: refused a connection: ${this.#sockets.size} open, the limit`);
      refuse(socket, 503, "Service Unavailable", "too many connections");
      return true;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, Object.fromEntries(url.searchParams)));
    return true;
  };

  /** Logs refused upgrades at most once a second: a client reconnecting in a loop must not flood the log too. */
  #throttled(address: string | null): void {
    this.#refusedUpgrades++;
    const now = performance.now();
    if (now - this.#warnedAt < 1000) return;
    this.ctx.logger.warn(`websocket: refused ${this.#refusedUpgrades} upgrade(s) over ${this.ctx.limits.upgradesPerSecond} per second per address (last from ${address})`);
    this.#warnedAt = now;
    this.#refusedUpgrades = 0;
  }

  get logger(): LiveContext["logger"] {
    return this.ctx.logger;
  }

  /** The socket closed. */
  forget(ws: WebSocket): void {
    this.#sockets.delete(ws);
  }

  #accept(ws: WebSocket, params: Record<string, string>): void {
    this.#sockets.add(ws);
    this.#sweeper ??= setInterval(() => this.#closeSilent(), sweepInterval(this.ctx.limits.heartbeatTimeoutMs)).unref();
    linkOf.set(ws, new SocketLink(ws, this, this.ctx, params));
    ws.on("message", onMessage);
    ws.on("error", onError);
    ws.on("close", onClose);
  }

  /** Closes every socket that sent nothing, not even a heartbeat, within the timeout. */
  #closeSilent(): void {
    const timeout = this.ctx.limits.heartbeatTimeoutMs;
    const now = performance.now();
    for (const ws of this.#sockets) {
      const link = linkOf.get(ws);
      if (!link || now - link.lastSeen <= timeout || ws.readyState !== ws.OPEN) continue;
      this.ctx.logger.info(`websocket: closed a connection silent for more than ${timeout} ms (no heartbeat)`);
      ws.close(1001, "heartbeat timeout");
    }
  }

  close(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = null;
    this.ctx.resume.shutdown();
    for (const ws of this.#sockets) {
      // Now rather than on the socket's close event: the views end (and their upload files go)
      // before `close` returns.
      linkOf.get(ws)?.connection.closed();
      ws.terminate();
    }
    this.#wss.close();
  }
}
