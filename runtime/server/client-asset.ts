// The browser client every server serves at CLIENT_PATH (and the default layout loads when no
// `scripts` option is given), so a page goes live with no bundler set up. An installed package
// serves the bundle `npm run build` wrote to dist/client/; run from the sources, it is bundled
// on first request by scripts/build-client.mjs (which names the entry). Either way it is read or
// built once per process, then answered from memory with an ETag (`304` on a match).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_PATH = "/livehtml/client.js";
const MAP_PATH = `${CLIENT_PATH}.map`;

interface Asset {
  readonly body: string;
  readonly etag: string;
  readonly type: string;
}

let loading: Promise<{ code: Asset; map: Asset }> | null = null;

/** Answers GET/HEAD of the client bundle and its source map; false for every other request. */
export function serveClientAsset(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith(CLIENT_PATH)) return false;
  const pathname = req.url.split("?", 1)[0];
  if (pathname !== CLIENT_PATH && pathname !== MAP_PATH) return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  loading ??= loadClient();
  void loading.then(
    (assets) => send(req, res, pathname === CLIENT_PATH ? assets.code : assets.map),
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

async function loadClient(): Promise<{ code: Asset; map: Asset }> {
  const { code, map } = import.meta.url.endsWith(".ts") ? await bundleFromSources() : await readPrebuilt();
  return { code: asset(code, "text/javascript; charset=utf-8"), map: asset(map, "application/json; charset=utf-8") };
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** dist/runtime/server/client-asset.js → dist/client/. */
async function readPrebuilt(): Promise<{ code: string; map: string }> {
  const dir = new URL("../../client/", import.meta.url);
  try {
    return { code: await readFile(new URL("client.js", dir), "utf8"), map: await readFile(new URL("client.js.map", dir), "utf8") };
  } catch (error) {
    throw new Error(`the prebuilt client is missing (${(error as Error).message}); run \`npm run build\` in livehtml`, { cause: error });
  }
}

async function bundleFromSources(): Promise<{ code: string; map: string }> {
  // A computed specifier: the build script is plain JavaScript outside the compiled tree.
  const script = new URL("../../scripts/build-client.mjs", import.meta.url).href;
  const { bundleClient } = (await import(script)) as { bundleClient(): Promise<{ code: string; map: string }> };
  return bundleClient();
}
