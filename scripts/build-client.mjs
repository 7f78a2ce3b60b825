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

/** `{ code, map }` of the client bundle (the map's sources are relative to the bundle's URL). */
export async function bundleClient() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [CLIENT_ENTRY],
    outfile: "client.js",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
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
