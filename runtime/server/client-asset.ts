// The browser client every server serves at CLIENT_PATH (and the default layout loads when no
// `scripts` option is given), so a page goes live with no bundler set up. An installed package
// serves the bundle `npm run build` wrote to dist/client/; run from the sources, it is bundled
// on first request by scripts/build-client.mjs (which names the entry). Either way it is read or
// built once per process, then answered from memory with an ETag (`304` on a match). Beside it,
// UPLOADS_PATH is the upload support the client imports on pages that have a file input.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_PATH = "/livehtml/client.js";
export const UPLOADS_PATH = "/livehtml/uploads.js";
const PATHS = new Set([CLIENT_PATH, `${CLIENT_PATH}.map`, UPLOADS_PATH, `${UPLOADS_PATH}.map`]);

interface Asset {
  readonly body: string;
  readonly etag: string;
  readonly type: string;
}

interface Bundle {
  code: string;
  map: string;
}

/** The served files by path. */
let loading: Promise<Map<string, Asset>> | null = null;

/** Answers GET/HEAD of the client bundle, its upload module and their source maps; false for every other request. */
export function serveClientAsset(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith("/livehtml/")) return false;
  const pathname = req.url.split("?", 1)[0]!;
  if (!PATHS.has(pathname)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  loading ??= loadClient();
  void loading.then(
    (assets) => send(req, res, assets.get(pathname)!),
    (error: unknown) => {
      // Not cached: the next request tries again (say, once the missing build has been run).
      loading = null;
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`livehtml: the browser client is unavailable: ${message}\n`);
    },
  );
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  // `no-cache` revalidates every load: a new deployment's client is picked up at once, and an
  // unchanged one costs a 304.
  const headers = { etag: asset.etag, "cache-control": "public, no-cache" };
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-type": asset.type, "content-length": Buffer.byteLength(asset.body) });
  res.end(req.method === "HEAD" ? undefined : asset.body);
}

async function loadClient(): Promise<Map<string, Asset>> {
  const { code, map, uploads } = import.meta.url.endsWith(".ts") ? await bundleFromSources() : await readPrebuilt();
  const js = "text/javascript; charset=utf-8";
  const json = "application/json; charset=utf-8";
  return new Map([
    [CLIENT_PATH, asset(code, js)],
    [`${CLIENT_PATH}.map`, asset(map, json)],
    [UPLOADS_PATH, asset(uploads.code, js)],
    [`${UPLOADS_PATH}.map`, asset(uploads.map, json)],
  ]);
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** dist/runtime/server/client-asset.js → dist/client/. */
async function readPrebuilt(): Promise<Bundle & { uploads: Bundle }> {
  const dir = new URL("../../client/", import.meta.url);
  const read = (name: string) => readFile(new URL(name, dir), "utf8");
  try {
    return { code: await read("client.js"), map: await read("client.js.map"), uploads: { code: await read("uploads.js"), map: await read("uploads.js.map") } };
  } catch (error) {
    throw new Error(`the prebuilt client is missing (${(error as Error).message}); run \`npm run build\` in livehtml`, { cause: error });
  }
}

async function bundleFromSources(): Promise<Bundle & { uploads: Bundle }> {
  // A computed specifier: the build script is plain JavaScript outside the compiled tree.
  const script = new URL("../../scripts/build-client.mjs", import.meta.url).href;
  const { bundleClient } = (await import(script)) as { bundleClient(): Promise<Bundle & { uploads: Bundle }> };
  return bundleClient();
}
