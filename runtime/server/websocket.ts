// The WebSocket endpoint `/live/websocket` (vsn 2.0.0) on top of `ws`, attachable to any
// node:http server's "upgrade" event.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { LiveConnection } from "./connection.ts";
import type { LiveContext } from "./context.ts";

export const SOCKET_PATH = "/live/websocket";

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
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== SOCKET_PATH) return false;
    const vsn = url.searchParams.get("vsn");
    if (vsn !== null && vsn !== "2.0.0") {
      this.ctx.logger.warn(`websocket: refused protocol vsn ${vsn} (only 2.0.0 is spoken)`);
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nunsupported vsn\n");
      return true;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, Object.fromEntries(url.searchParams)));
    return true;
  };

  #accept(ws: WebSocket, params: Record<string, string>): void {
    this.#sockets.add(ws);
    const connection = new LiveConnection(this.ctx, {
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => ws.close(code, reason),
    }, params);
    ws.on("message", (data, isBinary) => {
      if (isBinary) {
        this.ctx.logger.error("websocket: binary frames are not supported (uploads are not implemented)");
        return;
      }
      connection.receive(data.toString());
    });
    ws.on("error", (error) => this.ctx.logger.error(`websocket: ${error.message}`));
    ws.on("close", () => {
      this.#sockets.delete(ws);
      connection.closed();
    });
  }

  close(): void {
    for (const ws of this.#sockets) ws.terminate();
    this.#wss.close();
  }
}
