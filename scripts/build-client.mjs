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
 * `runtime/browser/official-client.js` is the official phoenix + phoenix_live_view pair, for apps
 * that pass it through `scripts` (both speak to the same server).
 */
export const CLIENT_ENTRY = "runtime/client/auto.ts";

/**
 * The esbuild options every build of the client shares (this one, the benchmark's and the
 * browser tests'), so what is measured and tested is what is served. Class fields compile to
 * plain assignments (no `__publicField` helper per field).
 */
export const CLIENT_BUILD_OPTIONS = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
};

/**
 * The size budget of the served bundle, min+gzip (gzip -9), checked by a test: the bytes a page
 * pays before it goes live. Lowered as the client shrinks; raise it only knowingly.
 */
export const CLIENT_SIZE_BUDGET = 15_500;

/** `{ code, map }` of the client bundle (the map's sources are relative to the bundle's URL). */
export async function bundleClient() {
  const result = await build({
    ...CLIENT_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints: [CLIENT_ENTRY],
    outfile: "client.js",
    minify: true,
    sourcemap: "external",
    write: false,
    logLevel: "silent",
  });
  const file = (suffix) => result.outputFiles.find((f) => f.path.endsWith(suffix)).text;
  return { code: `${file("client.js")}//# sourceMappingURL=client.js.map\n`, map: file("client.js.map") };
}

/** Writes client.js and client.js.map into `dir`. */
export async function buildClient(dir) {
  const { code, map } = await bundleClient();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "client.js"), code);
  writeFileSync(join(dir, "client.js.map"), map);
}
