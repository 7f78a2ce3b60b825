// An esbuild plugin for the CLI bundles: `import ts from ".../typescript.cjs"` becomes a plain
// `require` of that file, found from the bundle's own location at run time, instead of the
// file bundled in. Bundled, esbuild's CommonJS interop copies every one of TypeScript's several
// thousand exports onto a namespace object with a getter each, on every start, before the
// first compile; required, the compiler gets TypeScript's exports object as it is.
import { dirname, relative } from "node:path";

/** `outfile`: the bundle written; `loader`: where compiler/utils/typescript.cjs sits beside it. */
export function typescriptByRequire(outfile, loader) {
  const path = relative(dirname(outfile), loader).split("\\").join("/");
  const specifier = path.startsWith("../") ? path : `./${path}`;
  return {
    name: "typescript-by-require",
    setup(build) {
      build.onResolve({ filter: /\/typescript\.cjs$/ }, () => ({ path: specifier, namespace: "typescript-by-require" }));
      build.onLoad({ filter: /.*/, namespace: "typescript-by-require" }, () => ({
        // createRequire(...)(...) rather than require(...): esbuild would bundle a bare require.
        contents: `import { createRequire } from "node:module";\nexport default createRequire(import.meta.url)(${JSON.stringify(specifier)});\n`,
        loader: "js",
      }));
    },
  };
}
