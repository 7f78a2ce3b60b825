// `startDevServer({ root, port, entry })`: an app's live server behind Vite, for development
// (the `livehtml dev` command). One node:http server carries everything:
//
//   requests    the live server's routes, then Vite's middlewares (client modules,
//               `/@vite/client`, assets), then 404
//   upgrades    `/live/websocket` to the live server; Vite's HMR socket to Vite
//
// The entry module is loaded through Vite (`ssrLoadModule`), so its views, their `.live.html`
// templates and colocated templates compile on the fly and hot-swap on edit.
//
// The entry is one of:
//   const server = createServer({ routes, … }); await server.listen(4000);
//                                                  (as in production: the dev server adopts it,
//                                                  listen opens no port of its own)
//   export default createServer({ routes, … })     (or `export const server = …`)
//   export const routes = [live("/", HomeView)]     (+ optional `export const serverOptions`)
// With routes, the server is created here with a development secret and a layout that loads
// Vite's client (error overlay) and the `client` module if given, else the client every live
// server serves (CLIENT_PATH).
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Duplex } from "node:stream";
import { createServer as createViteServer, loadConfigFromFile, mergeConfig, type InlineConfig, type PluginOption, type ViteDevServer } from "vite";
import type { LiveRoute } from "../runtime/server/router.ts";
import { createServer as createLiveServer, type LiveServer, type ServerOptions } from "../runtime/server/server.ts";
import { SOCKET_PATH } from "../runtime/server/websocket.ts";
import { CLIENT_PATH } from "../runtime/server/client-asset.ts";
import { setDevHost } from "../runtime/server/dev-host.ts";
import { livehtml } from "./index.ts";

export interface DevServerOptions {
  /** The app's root: Vite's root, where `vite.config.*` is looked up. Default: the current directory. */
  root?: string;
  /** Default 4000; 0 picks a free port (read it from the result). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The server entry module, relative to `root` (see the top of this file for what it exports). */
  entry: string;
  /** A browser module served by Vite that starts the LiveView client, e.g. "/src/app.ts" (routes entries only). */
  client?: string;
  /** Extra Vite configuration, merged over the app's `vite.config.*`. */
  vite?: InlineConfig;
}

export interface DevServer {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly vite: ViteDevServer;
  readonly live: LiveServer;
  readonly httpServer: Server;
  close(): Promise<void>;
}

/** Used when the entry exports routes: sessions need a secret, and dev ones need no secrecy. */
const DEV_SECRET = "livehtml development secret (never use in production)";

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  if (!options || typeof options.entry !== "string" || options.entry === "") {
    throw new TypeError("startDevServer: `entry` (the server entry module, relative to root) is required");
  }
  const root = resolve(options.root ?? process.cwd());
  const httpServer = createHttpServer();
  const vite = await createViteServer(
    mergeConfig(
      {
        root,
        appType: "custom",
        server: { middlewareMode: true, hmr: { server: httpServer } },
        plugins: (await configHasLivehtml(root)) ? [] : [livehtml()],
      } satisfies InlineConfig,
      options.vite ?? {},
    ),
  );
  // Listening first: an entry that calls `server.listen()` itself is handed this port (dev-host.ts).
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((done, fail) => {
    httpServer.once("error", fail);
    httpServer.listen(options.port ?? 4000, host, () => done());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let live: LiveServer | null = null;
  const previousHost = setDevHost({
    adopt(server) {
      // A re-evaluated entry (after an edit) hands over its new server.
      if (live && live !== server) void live.close();
      live = server;
      return { port, server: httpServer };
    },
  });
  const releaseHost = () => void setDevHost(previousHost);

  // Live routes first: Vite answers any extension-less path that names a module (`/counter` →
  // counter.ts) with JavaScript, so it only gets what the live server passes on.
  httpServer.on("request", (req, res) => {
    if (!live) return void res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" }).end("Starting…\n");
    void live.handler(req, res, () => {
      vite.middlewares(req, res, () => res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n"));
    });
  });
  // Only the live socket: Vite's HMR socket is upgraded by Vite's own listener on this server.
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (live && new URL(req.url ?? "/", "http://localhost").pathname === SOCKET_PATH) live.upgrade(req, socket, head);
  });

  try {
    const loaded = await loadLiveServer(vite, resolve(root, options.entry), options.client, () => live);
    live ??= loaded;
  } catch (error) {
    releaseHost();
    await vite.close();
    await new Promise<void>((done) => httpServer.close(() => done()));
    throw error;
  }
  const running: LiveServer = live;

  return {
    url: `http://${host}:${port}`,
    port,
    vite,
    get live() {
      return live ?? running;
    },
    httpServer,
    async close() {
      releaseHost();
      await (live ?? running).close();
      await vite.close();
      await new Promise<void>((done) => httpServer.close(() => done()));
    },
  };
}

/** The entry's live server, or one built from its routes. */
async function loadLiveServer(vite: ViteDevServer, entry: string, client: string | undefined, adopted: () => LiveServer | null): Promise<LiveServer> {
  let mod: Record<string, unknown>;
  try {
    mod = await vite.ssrLoadModule(entry);
  } catch (error) {
    if (error instanceof Error) vite.ssrFixStacktrace(error);
    throw new Error(`livehtml dev: could not load the entry ${entry}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const server = [mod.default, mod.server].find(isLiveServer) ?? adopted();
  if (server) return server;
  if (Array.isArray(mod.routes)) {
    const extra = (typeof mod.serverOptions === "object" && mod.serverOptions !== null ? mod.serverOptions : {}) as Partial<ServerOptions>;
    return createLiveServer({
      secret: DEV_SECRET,
      ...extra,
      routes: mod.routes as LiveRoute[],
      // Without a client module of its own, the app gets the client every live server serves.
      scripts: ["/@vite/client", ...(client ? [client] : extra.scripts ? [] : [CLIENT_PATH]), ...(extra.scripts ?? [])],
    });
  }
  throw new Error(
    `livehtml dev: ${entry} neither calls \`server.listen()\` nor exports a live server (\`export default createServer(…)\` or \`export const server\`) ` +
      `nor \`export const routes = [live(…)]\`; it exports: ${Object.keys(mod).join(", ") || "nothing"}`,
  );
}

function isLiveServer(value: unknown): value is LiveServer {
  return typeof value === "object" && value !== null && typeof (value as LiveServer).handler === "function" && typeof (value as LiveServer).upgrade === "function";
}

/** True when the app's own vite.config already adds livehtml() (it must not run twice). */
async function configHasLivehtml(root: string): Promise<boolean> {
  const loaded = await loadConfigFromFile({ command: "serve", mode: "development" }, undefined, root, "silent");
  const names: string[] = [];
  const collect = async (option: PluginOption | Promise<PluginOption>): Promise<void> => {
    const value = await option;
    if (Array.isArray(value)) for (const item of value) await collect(item);
    else if (value && typeof value === "object" && "name" in value) names.push(value.name);
  };
  await collect(loaded?.config.plugins ?? []);
  return names.some((name) => name.startsWith("livehtml:"));
}
