// `livehtml:hot-wrap` (dev server, server environments only): prepares modules for hot swap
// (runtime/server/hot.ts).
//
// - A compiled template exports `hotTemplate(id, render)` instead of `render`: views hold a
//   stable function that calls the newest render of that module id.
// - A module that defines views calls `registerViews(id, { …its exports })` last, so the
//   definitions routes hold receive the new callbacks when the module is evaluated again.
//
// It is its own plugin, after the compiling ones, so that its edit has its own source map that
// Vite chains after the template's (the template map is not re-done here).
import MagicString from "magic-string";
import { fileURLToPath } from "node:url";
import { normalizePath, type Plugin } from "vite";
import { UNCOMPILED_ID, fileOf, SCRIPT_ID, TEMPLATE_ID } from "./id.ts";
import { exportedBindings } from "./view-exports.ts";

/** This module's own extension: `.ts` run from the sources, `.js` built into dist/. */
const OWN_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** Imported by absolute path: `livehtml/server` does not export the dev-only registry. */
export const HOT_MODULE = normalizePath(fileURLToPath(new URL(`../runtime/server/hot${OWN_EXTENSION}`, import.meta.url)));

/** livehtml's own runtime, when Vite compiles it (a linked package): it defines no app views. */
const OWN_RUNTIME = normalizePath(fileURLToPath(new URL("../runtime/", import.meta.url)));

/** What compile() emits for a template's render function (see compiler/generate). */
const DEFAULT_RENDER = /^export default render;$/m;

export interface HotModules {
  /** Files whose views were registered, by file path: their edits remount views. */
  readonly viewModules: Set<string>;
}

export function hotWrapPlugin(modules: HotModules): Plugin {
  return {
    name: "livehtml:hot-wrap",
    enforce: "pre",
    apply: "serve",
    applyToEnvironment: (environment) => environment.config.consumer === "server",
    transform: {
      filter: { id: { include: [TEMPLATE_ID, SCRIPT_ID], exclude: UNCOMPILED_ID } },
      handler(code, id) {
        const file = fileOf(id);
        if (TEMPLATE_ID.test(id)) return wrapTemplate(code, file);
        if (!code.includes("defineView") || file.startsWith(OWN_RUNTIME)) return null;
        const result = registerViews(code, file);
        if (result) modules.viewModules.add(file);
        return result;
      },
    },
  };
}

/** The id under which a template registers: its file path (what hot updates receive). */
export function templateModuleId(file: string): string {
  return normalizePath(file);
}

function wrapTemplate(code: string, file: string) {
  const match = DEFAULT_RENDER.exec(code);
  if (!match) return null;
  const s = new MagicString(code);
  s.overwrite(match.index, match.index + match[0].length, `export default $hotTemplate(${JSON.stringify(templateModuleId(file))}, render);`);
  s.prepend(`import { hotTemplate as $hotTemplate } from ${JSON.stringify(HOT_MODULE)};\n`);
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: false }) };
}

function registerViews(code: string, file: string) {
  const bindings = exportedBindings(code, file);
  if (bindings.length === 0) return null;
  // `typeof` guards a name that turns out to be a type only (erased by the TS transform).
  const entries = bindings.map((b) => `${JSON.stringify(b.exported)}: typeof ${b.local} === "undefined" ? undefined : ${b.local}`);
  const s = new MagicString(code);
  s.prepend(`import { registerViews as $registerViews } from ${JSON.stringify(HOT_MODULE)};\n`);
  s.append(`\n$registerViews(${JSON.stringify(normalizePath(file))}, { ${entries.join(", ")} });\n`);
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: false }) };
}
