// Node module hooks behind `livehtml/register` (see register.ts).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/compile.ts";
import { compileColocated } from "../compiler/colocated.ts";
import { readImportFromDisk } from "../compiler/component-imports.ts";
import { formatDiagnostic } from "../compiler/diagnostics/create.ts";
import type { Diagnostic } from "../compiler/diagnostics/types.ts";

interface LoadResult {
  format?: string;
  source?: string | ArrayBuffer | Uint8Array;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context?: unknown) => Promise<LoadResult>;

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  if (url.startsWith("file:") && url.endsWith(".live.html")) {
    const filename = fileURLToPath(url);
    const result = compile(await readFile(filename, "utf8"), { filename, lang: "js", sourcemap: true, readImport: readImportFromDisk });
    fail(result.diagnostics);
    return { format: "module", source: withInlineMap(result.code, result.map), shortCircuit: true };
  }
  const loaded = await nextLoad(url, context);
  if (!url.startsWith("file:") || !/\.[mc]?[jt]sx?$/.test(url) || url.includes("/node_modules/")) return loaded;
  // Transforms keep tagged templates as they are, so the loaded code tells whether the file has
  // any; only then is the file read again.
  const code = typeof loaded.source === "string" ? loaded.source : loaded.source ? new TextDecoder().decode(loaded.source) : "";
  if (!code.includes("live`")) return loaded;
  // Colocated templates are compiled from the file as written, not from the transformed code:
  // a TypeScript transform drops imports that only a template uses (to it the template is just
  // a string). compileColocated with lang "js" compiles the rest of the file as well.
  const filename = fileURLToPath(url);
  const result = compileColocated(await readFile(filename, "utf8"), { filename, lang: "js", sourcemap: true, readImport: readImportFromDisk });
  fail(result.diagnostics);
  return result.templates > 0 ? { format: "module", source: withInlineMap(result.code, result.map), shortCircuit: true } : loaded;
}

/** Template errors stop the import with every diagnostic, formatted with its frame. */
function fail(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) if (d.severity === "warning") console.warn(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new SyntaxError(errors.map(formatDiagnostic).join("\n"));
}

function withInlineMap(code: string, map: { toUrl(): string } | null): string {
  return map ? `${code}\n//# sourceMappingURL=${map.toUrl()}\n` : code;
}
