#!/usr/bin/env node
// `npm run build` (also `prepack`): the package as users install it, in dist/.
//
//   dist/**/*.js, *.d.ts, *.js.map tsc over compiler/, runtime/, vite-plugin/ (tsconfig.build.json):
//                                  ES modules, declarations and source maps (sources inlined:
//                                  the package ships no .ts) for every export
//   dist/compiler/utils/typescript.cjs   copied as is (plain CommonJS, see that file)
//   dist/live-html.d.ts            types/live-html.d.ts: `*.live.html` imports for TypeScript
//   dist/cli.mjs                   the `livehtml` bin: the CLI bundled into one file, so a
//                                  one-file compile starts without loading dozens of modules
//   dist/client/                   the browser client served by default (scripts/build-client.mjs)
//
// Inside this repository nothing needs dist/: tests, `npm start` and the bench run the sources
// (the `livehtml-source` export condition).
import { spawnSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildClient } from "./build-client.mjs";
import { typescriptByRequire } from "./typescript-by-require.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });

const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

for (const name of ["typescript.cjs", "typescript.d.cts"]) {
  copyFileSync(join(root, "compiler/utils", name), join(dist, "compiler/utils", name));
}
// The ambient `*.live.html` module declaration (`livehtml/live-html`).
copyFileSync(join(root, "types/live-html.d.ts"), join(dist, "live-html.d.ts"));

// tsc rewrites `./x.ts` specifiers in the JavaScript it emits, not in declarations; a user's
// tsc reads them without `allowImportingTsExtensions`, so they name the `.js` files too.
const RELATIVE_TS = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g;
function rewriteDeclarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDeclarations(path);
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      const rewritten = text.replace(RELATIVE_TS, "$1$2.js$3");
      if (rewritten !== text) writeFileSync(path, rewritten);
    }
  }
}
rewriteDeclarations(dist);

await build({
  absWorkingDir: root,
  stdin: {
    contents: 'import { main } from "./compiler/cli/index.ts";\nprocess.exitCode = await main(process.argv.slice(2));\n',
    resolveDir: root,
    sourcefile: "cli-entry.ts",
    loader: "ts",
  },
  outfile: join(dist, "cli.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // TypeScript stays a package, loaded by compiler/utils/typescript.cjs (V8's code cache), which
  // is required from dist/compiler/utils/ rather than bundled (see typescript-by-require.mjs).
  external: ["typescript", "vite", "livehtml/vite"],
  plugins: [typescriptByRequire(join(dist, "cli.mjs"), join(dist, "compiler/utils/typescript.cjs"))],
  // Bundled CommonJS calls require; an ES module has none of its own.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as $createRequire } from "node:module"; const require = $createRequire(import.meta.url);',
  },
  logLevel: "warning",
});

await buildClient(join(dist, "client"));
