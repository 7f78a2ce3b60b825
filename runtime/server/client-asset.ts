// The browser client every server serves at CLIENT_PATH (and the default layout loads when no
// `scripts` option is given), so a page goes live with no bundler set up; next to it, its source
// map and the modules it imports on demand (`client-<hash>.js`). An installed package serves the
// files `npm run build` wrote to dist/client/; run from the sources, they are bundled on first
// request by scripts/build-client.mjs (which names the entry). Either way they are read or built
// once per process, then answered from memory with an ETag (`304` on a match). Beside it,
// UPLOADS_PATH is the upload support the client imports on pages that have a file input.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_PATH = "/livehtml/client.js";
export const UPLOADS_PATH = "/livehtml/uploads.js";
const CLIENT_DIR = CLIENT_PATH.slice(0, CLIENT_PATH.lastIndexOf("/") + 1);

interface Asset {
  readonly body: string;
  readonly etag: string;
  readonly type: string;
}

/** The client's files by name (`client.js`, `client.js.map`, `client-<hash>.js`, …). */
let loading: Promise<Map<string, Asset>> | null = null;

/** The file name a request asks for when it names one of the client's files (by their naming). */
function clientFile(url: string | undefined): string | null {
  if (!url?.startsWith(CLIENT_DIR)) return null;
  const name = url.split("?", 1)[0]!.slice(CLIENT_DIR.length);
  return /^(client(-[\w-]+)?|uploads)\.js(\.map)?$/.test(name) ? name : null;
}

/** Answers GET/HEAD of the client's files; false for every other request. */
export function serveClientAsset(req: IncomingMessage, res: ServerResponse): boolean {
  const name = clientFile(req.url);
  if (name === null) return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  loading ??= loadClient();
  void loading.then(
    (assets) => {
      const asset = assets.get(name);
      if (asset) send(req, res, asset);
      else res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`livehtml: the browser client has no file ${name}\n`);
    },
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
  const files = import.meta.url.endsWith(".ts") ? await bundleFromSources() : await readPrebuilt();
  const assets = new Map<string, Asset>();
  for (const [name, text] of Object.entries(files)) {
    assets.set(name, asset(text, name.endsWith(".map") ? "application/json; charset=utf-8" : "text/javascript; charset=utf-8"));
  }
  return assets;
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** dist/runtime/server/client-asset.js → dist/client/. */
async function readPrebuilt(): Promise<Record<string, string>> {
  const dir = new URL("../../client/", import.meta.url);
  try {
    const files: Record<string, string> = { "client.js": await readFile(new URL("client.js", dir), "utf8") };
    for (const name of await readdir(dir)) if (name !== "client.js") files[name] = await readFile(new URL(name, dir), "utf8");
    return files;
  } catch (error) {
    throw new Error(`the prebuilt client is missing (${(error as Error).message}); run \`npm run build\` in livehtml`, { cause: error });
  }
}

async function bundleFromSources(): Promise<Record<string, string>> {
  // A computed specifier: the build script is plain JavaScript outside the compiled tree.
  const script = new URL("../../scripts/build-client.mjs", import.meta.url).href;
  const { bundleFiles } = (await import(script)) as { bundleFiles(): Promise<Record<string, string>> };
  return bundleFiles();
}
