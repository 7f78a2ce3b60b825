// Compiles one input file and writes its output: the part of `livehtml compile` that needs the
// compiler (and so TypeScript), loaded only once there is something to compile.
import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import ts from "../../utils/typescript.cjs";
import { compile } from "../../compile.ts";
import { compileColocated } from "../../colocated.ts";
import { readImportFromDisk } from "../../component-imports.ts";
import type { Diagnostic } from "../../diagnostics/types.ts";
import { formatMessage } from "../../diagnostics/catalogue.ts";
import type { Input } from "../inputs.ts";
import { displayPath } from "../output.ts";
import { outputPath, writeOutput, type CompiledFile, type CompileSettings } from "./compile.ts";

export function compileFile(input: Input, settings: CompileSettings): CompiledFile {
  const shown = displayPath(input.file);
  let source: string;
  try {
    source = readFileSync(input.file, "utf8");
  } catch (error) {
    return { input, output: null, diagnostics: [ioDiagnostic(input.file, "read", shown, reason(error))], hooks: [] };
  }
  const out = outputPath(input, settings);
  const result =
    input.kind === "template"
      ? compile(source, { filename: shown, lang: settings.lang, sourcemap: settings.sourcemap, readImport: (path) => readImportFromDisk(resolve(path)) })
      : colocated(source, shown, settings);
  if (result.diagnostics.some((d) => d.severity === "error")) return { input, output: null, diagnostics: result.diagnostics, hooks: [] };

  const code = rewriteSpecifiers(result.code, settings.lang);
  let map: string | null = null;
  if (settings.sourcemap && result.map) {
    const raw = JSON.parse(result.map.toString()) as { sources: string[]; file: string };
    // Sources are relative to the map's own directory, as source-map consumers expect.
    raw.sources = raw.sources.map(() => relative(dirname(out), input.file));
    raw.file = basename(out);
    map = JSON.stringify(raw);
  }
  const hooks = result.hooks.map((hook) => ({ name: hook.name, file: hookPath(out, hook.name), code: rewriteSpecifiers(hook.code, settings.lang) }));
  try {
    writeOutput(out, code, map);
    for (const hook of hooks) writeOutput(hook.file, hook.code, null);
  } catch (error) {
    return { input, output: null, diagnostics: [...result.diagnostics, ioDiagnostic(input.file, "write", displayPath(out), reason(error))], hooks: [] };
  }
  return { input, output: out, diagnostics: result.diagnostics, hooks: hooks.map(({ name, file }) => ({ name, file })) };
}

/** A colocated hook's module, beside its template's output: `phone.live.html.ts` → `phone.PhoneNumber.hook.js`. */
function hookPath(out: string, name: string): string {
  return join(dirname(out), `${name.replace(/[^\w.$-]/g, "_")}.hook.js`);
}

/** A colocated file; as JavaScript, the rest of the file loses its types too. */
function colocated(source: string, filename: string, settings: CompileSettings) {
  const result = compileColocated(source, { filename, lang: settings.lang, sourcemap: settings.sourcemap && settings.lang === "ts", readImport: (path) => readImportFromDisk(resolve(path)) });
  if (settings.lang === "ts" || result.diagnostics.some((d) => d.severity === "error")) return result;
  const js = ts.transpileModule(result.code, {
    fileName: filename,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  return { ...result, code: js.outputText, map: null };
}

/**
 * Relative imports of templates point at their compiled modules (`./card.live.html` →
 * `./card.live.html.ts`), and in JavaScript output `.ts` imports become `.js`, so the outputs
 * run without a bundler.
 */
export function rewriteSpecifiers(code: string, lang: "ts" | "js"): string {
  const imports = ts.preProcessFile(code, true, true).importedFiles;
  let out = "";
  let last = 0;
  for (const ref of imports) {
    const spec = ref.fileName;
    if (!spec.startsWith(".")) continue;
    let next = spec;
    if (spec.endsWith(".live.html")) next = `${spec}.${lang}`;
    else if (lang === "js") next = spec.replace(/\.ts$/, ".js").replace(/\.mts$/, ".mjs").replace(/\.cts$/, ".cjs");
    if (next === spec) continue;
    // `pos` may point at the opening quote; the specifier text itself starts at or just after it.
    const at = code.indexOf(spec, ref.pos);
    out += code.slice(last, at) + next;
    last = at + spec.length;
  }
  return out + code.slice(last);
}

function ioDiagnostic(file: string, action: "read" | "write", path: string, why: string): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  return { code: "LH0001", severity: "error", message: formatMessage("LH0001", { action, path, reason: why }), filename: file, start: at, end: at, frame: "" };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "EACCES" || e.code === "EPERM") return "permission denied";
  if (e.code === "ENOENT") return "no such file or directory";
  if (e.code === "ENOTDIR") return "a parent path is a file, not a directory";
  // mkdir of the output's directory where a file of that name exists.
  if (e.code === "EEXIST") return "a parent path is a file, not a directory";
  return e.message ?? String(error);
}
