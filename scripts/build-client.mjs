// The browser client `createServer` serves by default at /livehtml/client.js: one ES module
// bundled with esbuild. `npm run build` writes it to dist/client/ (what an installed package
// serves); run from the sources, the server bundles it on first request through this file.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
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
  mangleProps: new RegExp(`^(${mangled.join("|")})$`),
};

/**
 * The size budget of the served bundle, min+gzip (gzip -9), checked by a test: the bytes a page
 * pays before it goes live. Lowered as the client shrinks; raise it only knowingly.
 */
export const CLIENT_SIZE_BUDGET = 15_960;

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

/** `{ code, map }` of client.js, and `uploads: { code, map }` of the upload module. */
export async function bundleClient() {
  const files = await bundleFiles();
  return { code: files["client.js"], map: files["client.js.map"], uploads: { code: files["uploads.js"], map: files["uploads.js.map"] } };
}

/** Writes the client's files into `dir`. */
export async function buildClient(dir) {
  const files = await bundleFiles();
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
