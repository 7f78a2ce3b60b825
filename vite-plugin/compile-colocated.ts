// `livehtml:colocated`: `live\`…\`` templates inside `.ts`/`.js` modules, compiled in place by
// compileColocated(). Runs before Vite's TypeScript transform (`enforce: "pre"`): the file is
// still TypeScript here, which compileColocated parses, and the rewritten file stays
// TypeScript for Vite to strip, like any other `.ts` module. The code filter (`live` + a
// backtick) keeps every other module from reaching this plugin at all.
import type { Plugin } from "vite";
import { compileColocated } from "../compiler/colocated.ts";
import { readImportFromDisk } from "../compiler/component-imports.ts";
import { errorsOf, toViteError, toViteWarning, warningsOf } from "./errors.ts";
import { COLOCATED_CODE, UNCOMPILED_ID, fileOf, SCRIPT_ID, scriptLang } from "./id.ts";

export function colocatedPlugin(): Plugin {
  return {
    name: "livehtml:colocated",
    enforce: "pre",
    transform: {
      filter: { id: { include: SCRIPT_ID, exclude: UNCOMPILED_ID }, code: COLOCATED_CODE },
      handler(source, id) {
        const result = compileColocated(source, { filename: fileOf(id), lang: scriptLang(id), sourcemap: true, readImport: readImportFromDisk });
        if (errorsOf(result.diagnostics).length > 0) throw toViteError(id, result.diagnostics);
        for (const d of warningsOf(result.diagnostics)) this.warn(toViteWarning(id, d));
        if (result.templates === 0) return null;
        return { code: result.code, map: result.map };
      },
    },
  };
}
