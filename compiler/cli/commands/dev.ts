// `livehtml dev [--port n] [entry]`: the app's live server behind the Vite dev server with the
// livehtml plugin, which compiles templates on request and hot-swaps them when they change.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, stringFlag, UsageError, type FlagSpecs } from "../args.ts";
import { paint, type Output } from "../output.ts";

export const DEV_FLAGS: FlagSpecs = {
  port: { type: "string", placeholder: "<n>", description: "port to listen on (default 4000, or $PORT)" },
  root: { type: "string", placeholder: "<dir>", description: "project root (default: the current directory)" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

/**
 * Looked up in the root, in order, when no entry is named. An entry either calls
 * `server.listen()` (the dev server adopts that server), exports a live server (`export default`
 * or `export const server`), or exports `routes` (see vite-plugin/dev-server.ts).
 */
const DEFAULT_ENTRIES = ["src/server.ts", "src/app.ts", "server.ts", "app.ts", "src/server.js", "src/app.js", "server.js", "app.js"];

/** The contract of vite-plugin/dev-server.ts. */
export interface DevServerOptions {
  root: string;
  port: number;
  entry: string;
}
type StartDevServer = (options: DevServerOptions) => Promise<unknown>;

export async function runDev(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs(argv, DEV_FLAGS, "dev");
  if (args.positionals.length > 1) throw new UsageError(`expected at most one entry file, got ${args.positionals.length}`, "dev");
  const port = parsePort(stringFlag(args, "port") ?? process.env.PORT ?? "4000");
  const root = resolve(stringFlag(args, "root") ?? ".");
  if (!existsSync(root)) throw new UsageError(`no such directory: ${stringFlag(args, "root")}`, "dev");
  const entry = args.positionals[0] ?? DEFAULT_ENTRIES.find((file) => existsSync(resolve(root, file)));
  if (entry === undefined) throw new UsageError(`no entry given, and none of ${DEFAULT_ENTRIES.join(", ")} exists: name the server entry (livehtml dev src/server.ts)`, "dev");
  if (!existsSync(resolve(root, entry))) throw new UsageError(`no such entry file: ${entry}`, "dev");

  const start = await loadDevServer();
  if (!start) {
    output.err(`${paint(output, "red", "error:")} the dev server is not available in this installation (livehtml/vite could not be loaded: is vite installed?)`);
    return 1;
  }
  const server = await start({ root, port, entry });
  const url = typeof server === "object" && server !== null && "url" in server ? String(server.url) : `http://localhost:${port}`;
  output.out(`livehtml dev server: ${url}`);
  return new Promise((done) => {
    const stop = async () => {
      const close = (server as { close?: () => unknown } | null)?.close;
      if (typeof close === "function") await close.call(server);
      done(0);
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`invalid port "${text}": expected a number from 0 to 65535`, "dev");
  return port;
}

async function loadDevServer(): Promise<StartDevServer | null> {
  // Written in the Vite plugin; computed specifiers keep this file independent of it at
  // type-check time. From the sources (`.ts`) or tsc's output in dist/ (`.js`) it is a sibling
  // directory; from the CLI bundle (one file) the package's own `livehtml/vite` export.
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const sibling = new URL(`../../../vite-plugin/dev-server${extension}`, import.meta.url);
  const specifier = existsSync(sibling) ? sibling.href : "livehtml/vite";
  let module: { startDevServer?: StartDevServer };
  try {
    module = (await import(specifier)) as { startDevServer?: StartDevServer };
  } catch (error) {
    // Vite is a peer the app installs; any other failure is a real error and says so itself.
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
  return typeof module.startDevServer === "function" ? module.startDevServer : null;
}
