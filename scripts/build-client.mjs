// The browser client `createServer` serves by default at /livehtml/client.js: one ES module
// bundled with esbuild. `npm run build` writes it to dist/client/ (what an installed package
// serves); run from the sources, the server bundles it on first request through this file.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The entry bundled: livehtml's own client, connected to `/live` with the page's CSRF token.
 * Apps that prefer the official phoenix + phoenix_live_view pair bundle it themselves and pass it
 * through `scripts` (both speak to the same server).
 */
export const CLIENT_ENTRY = "runtime/client/auto.ts";
/** The upload support the client loads (served beside it) on pages with a file input of an upload. */
export const UPLOADS_ENTRY = "runtime/client/uploads/index.ts";

/**
 * `{ code, map }` of the client bundle and `uploads: { code, map }` of its upload module (the
 * maps' sources are relative to the bundles' URLs).
 */
export async function bundleClient() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { client: CLIENT_ENTRY, uploads: UPLOADS_ENTRY },
    outdir: ".",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    sourcemap: "external",
    write: false,
    logLevel: "silent",
  });
  const file = (name) => result.outputFiles.find((f) => f.path.endsWith(`/${name}`)).text;
  const bundle = (name) => ({ code: `${file(`${name}.js`)}//# sourceMappingURL=${name}.js.map\n`, map: file(`${name}.js.map`) });
  return { ...bundle("client"), uploads: bundle("uploads") };
}

/** Writes client.js, uploads.js and their maps into `dir`. */
export async function buildClient(dir) {
  const { code, map, uploads } = await bundleClient();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "client.js"), code);
  writeFileSync(join(dir, "client.js.map"), map);
  writeFileSync(join(dir, "uploads.js"), uploads.code);
  writeFileSync(join(dir, "uploads.js.map"), uploads.map);
}
