// The browser client `createServer` serves by default at /livehtml/client.js: one ES module
// bundled with esbuild. `npm run build` writes it to dist/client/ (what an installed package
// serves); run from the sources, the server bundles it on first request through this file.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { privateNames } from "./client-private-names.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The entry bundled: livehtml's own client, connected to `/live` with the page's CSRF token.
 * Apps that prefer the official phoenix + phoenix_live_view pair bundle it themselves and pass it
 * through `scripts` (both speak to the same server).
 */
export const CLIENT_ENTRY = "runtime/client/auto.ts";
/** The upload support the client loads (served beside it) on pages with a file input of an upload. */
export const UPLOADS_ENTRY = "runtime/client/uploads/index.ts";

const mangled = privateNames([join(root, "runtime/client"), join(root, "runtime/shared")]);

/**
 * The esbuild options every build of the client shares (this one, the benchmark's and the
 * browser tests'), so what is measured and tested is what is served. Class fields compile to
 * plain assignments (no `__publicField` helper per field); private members get short names
 * (see client-private-names.mjs).
 */
export const CLIENT_BUILD_OPTIONS = {
  bundle: true,
  format: "esm",
  platform: "browser",
  // ES2022 keeps `#private` members native: lowered, their helpers would be code the lazily
  // loaded modules share with client.js.
  target: "es2022",
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  // The DOM's fixed numbers, written as the numbers they are (the minifier cannot know them).
  define: { "Node.ELEMENT_NODE": "1", "Node.TEXT_NODE": "3", "Node.COMMENT_NODE": "8", "WebSocket.OPEN": "1" },
  mangleProps: new RegExp(`^(${mangled.join("|")})$`),
};

/**
 * The size budgets, min+gzip (gzip -9), checked by a test. `total` is the whole client (client.js
 * and the modules it loads on demand: a page using every feature pays it); `entry` is client.js
 * alone, the bytes every page pays before it goes live. Lowered as the client shrinks; raise
 * them only knowingly.
 */
export const CLIENT_SIZE_BUDGET = { total: 15_500, entry: 14_070 };

/**
 * The client's files by name: `client.js` (what a page loads), its source map, the modules it
 * imports on demand (`client-<hash>.js`, fetched next to it only by pages that use what they
 * hold), and `uploads.js`, built on its own (the client loads it by URL on upload pages).
 * Source maps' sources are relative to the bundle's URL.
 */
export async function bundleFiles() {
  const [result, uploads] = await Promise.all([build({
    ...CLIENT_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints: { client: CLIENT_ENTRY },
    outdir: "out",
    splitting: true,
    chunkNames: "client-[hash]",
    minify: true,
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "silent",
  }), build({
    ...CLIENT_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints: { uploads: UPLOADS_ENTRY },
    outdir: "out",
    minify: true,
    sourcemap: "linked",
    write: false,
    logLevel: "silent",
  })]);
  // A static import from client.js would be one more request before the page goes live: the
  // lazily loaded modules must take what they need from their caller, not share modules.
  const entry = result.metafile.outputs["out/client.js"];
  const eager = entry.imports.filter((i) => i.kind !== "dynamic-import");
  if (eager.length) throw new Error(`client.js imports ${eager.map((i) => i.path).join(", ")} statically; a lazily loaded module shares code with the entry`);
  const files = [...result.outputFiles, ...uploads.outputFiles];
  return Object.fromEntries(files.map((f) => [f.path.slice(f.path.lastIndexOf("/") + 1), f.text]));
}

/**
 * The client's sizes as served (min, and min+gzip at gzip -9, source map comments left out):
 * client.js, each module it loads on demand, their total, and the upload module on its own.
 */
export async function clientSizes() {
  const files = await bundleFiles();
  const size = (name) => {
    const code = files[name].replace(/\/\/# sourceMappingURL=.*\n?$/, "");
    return { name, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  const entry = size("client.js");
  const chunks = Object.keys(files).filter((name) => /^client-.*\.js$/.test(name)).sort().map(size);
  const total = { name: "total", min: entry.min, gzip: entry.gzip };
  for (const chunk of chunks) {
    total.min += chunk.min;
    total.gzip += chunk.gzip;
  }
  return { entry, chunks, total, uploads: size("uploads.js") };
}

/** Writes the client's files into `dir`. */
export async function buildClient(dir) {
  const files = await bundleFiles();
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
