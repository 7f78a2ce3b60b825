// The WebSocket endpoint `/live/websocket` (vsn 2.0.0) on top of `ws`, attachable to any
// node:http server's "upgrade" event.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { LiveConnection, type Transport } from "./connection.ts";
import type { LiveContext } from "./context.ts";
import { requestURL } from "./request-url.ts";

export const SOCKET_PATH = "/live/websocket";

/**
 * One accepted socket: the connection's transport, and what the socket's listeners reach. The
 * listeners are shared functions that find it through `linkOf` (the socket is their `this`), so
 * a connection costs one small object here rather than five closures.
 */
class SocketLink implements Transport {
  readonly connection: LiveConnection;

  constructor(
    readonly ws: WebSocket,
    readonly endpoint: LiveWebSocketEndpoint,
    ctx: LiveContext,
    params: Record<string, string>,
  ) {
    this.connection = new LiveConnection(ctx, this, params);
  }

  send(text: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

const linkOf = new WeakMap<WebSocket, SocketLink>();

function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const link = linkOf.get(this);
  if (!link) return;
  if (isBinary) {
    link.endpoint.logger.error("websocket: binary frames are not supported (uploads are not implemented)");
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

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, statusText: string, why: string): void {
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${why}\n`);
}

export class LiveWebSocketEndpoint {
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();

  constructor(private readonly ctx: LiveContext) {
    // ws enforces the size limit itself and closes with 1009 ("message too big") before
    // buffering an oversized frame.
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: ctx.maxFrameBytes });
  }

  get connectionCount(): number {
    return this.#sockets.size;
  }

  /** For `server.on("upgrade", …)`: returns false when the request is not for the live socket. */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = requestURL(request);
    if (!url) {
      refuse(socket, 400, "Bad Request", "invalid Host header or request target");
      return true;
    }
    if (url.pathname !== SOCKET_PATH) return false;
    const vsn = url.searchParams.get("vsn");
    if (vsn !== null && vsn !== "2.0.0") {
      this.ctx.logger.warn(`websocket: refused protocol vsn ${vsn} (only 2.0.0 is spoken)`);
      refuse(socket, 400, "Bad Request", "unsupported vsn");
      return true;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, Object.fromEntries(url.searchParams)));
    return true;
  };

  get logger(): LiveContext["logger"] {
    return this.ctx.logger;
  }

  /** The socket closed. */
  forget(ws: WebSocket): void {
    this.#sockets.delete(ws);
  }

  #accept(ws: WebSocket, params: Record<string, string>): void {
    this.#sockets.add(ws);
    linkOf.set(ws, new SocketLink(ws, this, this.ctx, params));
    ws.on("message", onMessage);
    ws.on("error", onError);
    ws.on("close", onClose);
  }

  close(): void {
    for (const ws of this.#sockets) ws.terminate();
    this.#wss.close();
  }
}
