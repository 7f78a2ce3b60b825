// `livehtml:hooks`: `import { hooks } from "virtual:livehtml/hooks"` gives the client every
// colocated hook (`<script type="hook">` in a template, compiler/hooks.ts) of the application,
// by name, for `new LiveSocket(url, Socket, { hooks })`. The index module is built from the
// templates under Vite's root (found by a walk that skips dependencies, dot directories and the
// build output), so the client needs no server build first; each hook is its own module, whose
// id is its template's path with a query, so that its relative imports resolve from there.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";
import { hooksIndexModule, hooksOfFile, type HookSource } from "../compiler/hooks-of-file.ts";
import { mayHaveHooks } from "../compiler/hooks.ts";
import { errorsOf, toViteError } from "./errors.ts";
import { fileOf } from "./id.ts";

export const HOOKS_MODULE = "virtual:livehtml/hooks";
const RESOLVED_HOOKS_MODULE = `\0${HOOKS_MODULE}`;
/** The query that names one hook of a file: `/app/phone.live.html?livehtml-hook=phone.PhoneNumber`. */
export const HOOK_QUERY = "livehtml-hook";
export const HOOK_ID = /[?&]livehtml-hook=/;

const CANDIDATE = /\.live\.html$|\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "coverage"]);
/** A bound on the walk, so that a root pointed at a huge tree fails clearly instead of hanging. */
const MAX_FILES = 50_000;

export function hooksPlugin(): Plugin {
  let root = process.cwd();
  let outDir: string | null = null;
  return {
    name: "livehtml:hooks",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    resolveId: {
      filter: { id: /^virtual:livehtml\/hooks$/ },
      handler: () => RESOLVED_HOOKS_MODULE,
    },
    load: {
      filter: { id: [/^\0virtual:livehtml\/hooks$/, HOOK_ID] },
      handler(id) {
        if (id === RESOLVED_HOOKS_MODULE) {
          const sources: HookSource[] = [];
          for (const file of candidateFiles(root, outDir)) {
            const source = readFileSync(file, "utf8");
            if (!mayHaveHooks(source)) continue;
            this.addWatchFile(file);
            for (const hook of hooksIn(source, file)) sources.push({ name: hook.name, specifier: `${file}?${HOOK_QUERY}=${encodeURIComponent(hook.name)}`, file });
          }
          return { code: hooksIndexModule(sources), moduleType: "js" };
        }
        const file = fileOf(id);
        const name = new URLSearchParams(id.slice(id.indexOf("?") + 1)).get(HOOK_QUERY);
        this.addWatchFile(file);
        const hook = hooksIn(readFileSync(file, "utf8"), file).find((h) => h.name === name);
        if (!hook) throw new Error(`livehtml: ${file} no longer defines the colocated hook "${name}"`);
        return { code: hook.code, moduleType: "js" };
      },
    },
  };
}

function hooksIn(source: string, file: string) {
  const { hooks, diagnostics } = hooksOfFile(source, file);
  if (errorsOf(diagnostics).length > 0) throw toViteError(file, diagnostics);
  return hooks;
}

/** Templates and scripts under `root`, outside dependencies, dot directories and the build output. */
function candidateFiles(root: string, outDir: string | null): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) || path === outDir) continue;
        walk(path);
      } else if (entry.isFile() && CANDIDATE.test(entry.name)) {
        files.push(path);
        if (files.length > MAX_FILES) throw new Error(`livehtml: more than ${MAX_FILES} source files under ${root}; set Vite's root to the application's directory`);
      }
    }
  };
  walk(root);
  return files.sort();
}
