// `createServer({ routes, layout, secret, … })`: an HTTP handler for live routes plus the
// WebSocket endpoint, usable standalone (`.listen(port)`) or inside another node:http server
// or an Express app (`app.use(server.handler)` + `httpServer.on("upgrade", server.upgrade)`).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { LIVEVIEW_VERSION } from "../shared/wire.ts";
import { serveClientAsset } from "./client-asset.ts";
import { checkContainer, type ContainerOptions } from "./container.ts";
import { currentDevHost } from "./dev-host.ts";
import { csrfNonce, newCsrfToken } from "./csrf.ts";
import { createContext, type LiveContext, type LiveContextOptions } from "./context.ts";
import { createHttpHandler, type NextFn } from "./http.ts";
import { deadRender } from "./page.ts";
import { installProcessGuard } from "./process-guard.ts";
import { isThenable } from "../shared/thenable.ts";
import { LiveWebSocketEndpoint } from "./websocket.ts";
import type { AnyView } from "./view.ts";

export interface ServerOptions extends LiveContextOptions {
  /**
   * Routes an error that escapes a view's own timer or promise to that view (it crashes and
   * rejoins) instead of ending the process (`process-guard.ts`). Default true; false installs no
   * process listeners, for applications that handle `uncaughtException`/`unhandledRejection` themselves.
   */
  processGuard?: boolean;
  /** Handles requests that are not live routes when running standalone (default: 404). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface LiveServer {
  readonly context: LiveContext;
  /** `(req, res, next?)`: serves live routes, calls `next` (or 404s) for anything else. */
  readonly handler: (req: IncomingMessage, res: ServerResponse, next?: NextFn) => Promise<void>;
  /** For `server.on("upgrade", …)`: takes `/live/websocket`, destroys other upgrades it is not given a `next` for. */
  readonly upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Embeds a live view in any server-rendered page; put `csrfToken` in `<meta name="csrf-token">`. */
  /**
   * `assigns`: the page's values, reused by the view's `assignNew` in this render;
   * `container`: the element the view goes in (default `<div>`).
   */
  liveRender(
    view: AnyView,
    opts?: { session?: Record<string, unknown>; url?: string; csrfToken?: string; assigns?: Record<string, unknown>; container?: ContainerOptions },
  ): Promise<{ html: string; csrfToken: string }>;
  /** Open live WebSocket connections. */
  readonly connectionCount: number;
  listen(port?: number, host?: string): Promise<{ port: number; server: Server }>;
  close(): Promise<void>;
}

export function createServer(options: ServerOptions): LiveServer {
  const context = createContext(options, LIVEVIEW_VERSION);
  if (options.processGuard !== false) installProcessGuard();
  const endpoint = new LiveWebSocketEndpoint(context);
  const liveHandler = createHttpHandler(context);
  const handler: LiveServer["handler"] = async (req, res, next) => {
    if (!serveClientAsset(req, res)) await liveHandler(req, res, next);
  };
  let httpServer: Server | null = null;

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!endpoint.handleUpgrade(req, socket, head)) socket.destroy();
  };

  return {
    context,
    handler,
    upgrade,
    get connectionCount() {
      return endpoint.connectionCount;
    },
    async liveRender(view, opts = {}) {
      const nonce = (opts.csrfToken ? csrfNonce(context.signer, opts.csrfToken) : null) ?? newCsrfToken();
      if (opts.container) checkContainer(opts.container, "liveRender");
      const rendered = deadRender(context, {
        view,
        params: {},
        session: opts.session ?? {},
        assigns: opts.assigns,
        container: opts.container,
        url: new URL(opts.url ?? "http://localhost/"),
        main: false,
        csrfNonce: nonce,
      });
      const result = isThenable(rendered) ? await rendered : rendered;
      if (result.kind === "redirect") throw new Error(`livehtml: an embedded view cannot redirect during its first render (to ${result.navigation.to})`);
      if (result.kind === "error") throw new Error(`livehtml: ${result.message}`);
      return { html: result.container, csrfToken: result.csrfToken };
    },
    listen(port = 0, host = "127.0.0.1") {
      // Under `livehtml dev` the dev server serves this one (dev-host.ts).
      const devHost = currentDevHost();
      if (devHost) return Promise.resolve(devHost.adopt(this));
      httpServer = createHttpServer((req, res) => {
        handler(req, res, () => {
          if (options.fallback) options.fallback(req, res);
          else res.writeHead(404, { ...context.responseHeaders(req), "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
        }).catch((error: unknown) => {
          // The handler answers its own failures; this is the last line, so no request ends the process.
          context.logger.error(`HTTP ${req.method ?? "?"} failed`, error);
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end();
        });
      });
      httpServer.on("upgrade", upgrade);
      const s = httpServer;
      return new Promise((resolve, reject) => {
        s.once("error", reject);
        s.listen(port, host, () => resolve({ port: (s.address() as AddressInfo).port, server: s }));
      });
    },
    close() {
      endpoint.close();
      const s = httpServer;
      httpServer = null;
      return new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
  };
}
