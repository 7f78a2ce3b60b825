// `checkProject()`: type-checks `.live.html` templates and `.ts` files with colocated `live`
// templates through the TypeScript their compilation generates, then maps every TypeScript
// diagnostic back to the template's own line and column (through the compile source map).
//
// The TypeScript program sees each template `x.live.html` as a virtual module `x.live.html.ts`
// beside it, so `import card from "./card.live.html"` resolves to real generated types instead
// of an ambient `declare module "*.live.html"`. Colocated files are served already rewritten.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "./utils/typescript.cjs";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { compile } from "./compile.ts";
import { compileColocated } from "./colocated.ts";
import { codeFrame } from "./diagnostics/frame.ts";
import { formatMessage, type Code } from "./diagnostics/catalogue.ts";
import type { Diagnostic } from "./diagnostics/types.ts";
import { createLocator } from "./utils/locator.ts";

/** A TypeScript error found while type-checking; the message starts with `TSnnnn:`. */
export const TYPE_ERROR = "LH0304" satisfies Code;
/** The tsconfig could not be read or parsed. */
export const CONFIG_ERROR = "LH0305" satisfies Code;

export interface CheckOptions {
  /** Path of a tsconfig.json: its files plus every `.live.html` its include patterns match. */
  project?: string;
  /** Files to check instead of (or on top of) a project: `.ts` and `.live.html`. */
  files?: readonly string[];
  /** Compiler options set over the project's (or over the defaults when there is no project). */
  compilerOptions?: ts.CompilerOptions;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** How many templates (`.live.html` files plus `.ts` files holding `live` templates) were checked. */
  templates: number;
  /** How many TypeScript files (besides templates) the program checked. */
  files: number;
}

/** Used when no tsconfig is given: the strict settings a livehtml project runs with. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
};

const TEMPLATE_EXTENSION = ".live.html";

/** What was served to TypeScript in place of a file on disk, and how to map back. */
interface Served {
  /** The file the user wrote (template or colocated `.ts`). */
  original: string;
  originalText: string;
  code: string;
  map: SourceMapConsumer | null;
}

export function checkProject(options: CheckOptions): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const loaded = loadProject(options, diagnostics);
  const compilerOptions = { ...loaded.compilerOptions, ...options.compilerOptions };
  const rootFiles = loaded.rootFiles;
  if (diagnostics.length > 0) return { diagnostics, templates: 0, files: 0 };

  const served = new Map<string, Served>();
  const templates = rootFiles.filter((f) => f.endsWith(TEMPLATE_EXTENSION));
  const tsFiles = rootFiles.filter((f) => !f.endsWith(TEMPLATE_EXTENSION));
  const host = createHost(compilerOptions, served, diagnostics);
  const rootNames = [...tsFiles, ...templates.map((t) => t + ".ts")];
  const program = ts.createProgram({ rootNames, options: compilerOptions, host });

  const seen = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const mapped = mapDiagnostic(d, served, options.project);
    if (!mapped) continue;
    // The HTML and tree renderers evaluate the same expression: one report per source position.
    const key = `${mapped.filename}:${mapped.start.offset}:${mapped.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(mapped);
  }
  // Templates discovered through imports count too (a .ts root may import a template).
  const checkedTemplates = [...served.values()].length;
  return { diagnostics: sortDiagnostics(diagnostics), templates: checkedTemplates, files: tsFiles.length };
}

function loadProject(
  options: CheckOptions,
  diagnostics: Diagnostic[],
): { compilerOptions: ts.CompilerOptions; rootFiles: string[] } {
  const extra = (options.files ?? []).map((f) => resolve(f));
  if (!options.project) return { compilerOptions: { ...DEFAULT_OPTIONS }, rootFiles: unique(extra) };

  const configPath = resolve(options.project);
  const text = ts.sys.readFile(configPath);
  if (text === undefined) {
    diagnostics.push(configDiagnostic(configPath, "", 0, `cannot read the TypeScript project file ${configPath}`));
    return { compilerOptions: {}, rootFiles: [] };
  }
  const json = ts.parseConfigFileTextToJson(configPath, text);
  if (json.error) {
    diagnostics.push(fromConfigError(json.error, configPath, text));
    return { compilerOptions: {}, rootFiles: [] };
  }
  // Declaring `.live.html` as an extra extension makes the include/exclude patterns list templates too.
  const parsed = ts.parseJsonConfigFileContent(json.config, ts.sys, dirname(configPath), undefined, configPath, undefined, [
    { extension: TEMPLATE_EXTENSION, isMixedContent: true, scriptKind: ts.ScriptKind.Deferred },
  ]);
  // "No inputs were found" is not an error when the project only has templates we add ourselves.
  const errors = parsed.errors.filter((e) => e.code !== 18003 || extra.length === 0);
  for (const e of errors) diagnostics.push(fromConfigError(e, configPath, text));
  const compilerOptions = { ...parsed.options, noEmit: true };
  delete compilerOptions.emitDeclarationOnly;
  delete compilerOptions.declaration;
  return { compilerOptions, rootFiles: unique([...parsed.fileNames.map((f) => resolve(f)), ...extra]) };
}

function createHost(options: ts.CompilerOptions, served: Map<string, Served>, diagnostics: Diagnostic[]): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const isVirtualTemplate = (file: string) => file.endsWith(TEMPLATE_EXTENSION + ".ts") && !ts.sys.fileExists(file);

  /** The text TypeScript sees for `file`, compiling templates and colocated files on first use. */
  const serve = (file: string): string | undefined => {
    const known = served.get(file);
    if (known) return known.code;
    if (isVirtualTemplate(file)) {
      const original = file.slice(0, -3);
      const text = ts.sys.readFile(original);
      if (text === undefined) return undefined;
      const result = compile(text, { filename: original, lang: "ts", sourcemap: true });
      diagnostics.push(...result.diagnostics);
      const failed = result.diagnostics.some((d) => d.severity === "error");
      // A template with errors still gets a module, so its importers report nothing spurious.
      const code = failed ? "// this template has errors\ndeclare const template: any;\nexport default template;\n" : result.code;
      const map = failed || !result.map ? null : consumerOf(result.map);
      served.set(file, { original, originalText: text, code, map });
      return code;
    }
    const text = ts.sys.readFile(file);
    if (text === undefined || !/\.[mc]?tsx?$/.test(file) || file.includes("/node_modules/") || !text.includes("live`")) return text;
    const result = compileColocated(text, { filename: file, lang: "ts", sourcemap: true });
    diagnostics.push(...result.diagnostics);
    if (result.templates === 0 || !result.map) return text;
    served.set(file, { original: file, originalText: text, code: result.code, map: consumerOf(result.map) });
    return result.code;
  };

  host.fileExists = (file) => ts.sys.fileExists(file) || (isVirtualTemplate(file) && ts.sys.fileExists(file.slice(0, -3)));
  host.readFile = (file) => serve(file);
  host.getSourceFile = (file, languageVersion, onError) => {
    const text = serve(file);
    if (text === undefined) {
      onError?.(`cannot read ${file}`);
      return undefined;
    }
    return ts.createSourceFile(file, text, languageVersion, true);
  };
  // `./card.live.html` resolves to the virtual `card.live.html.ts`, whatever the project's
  // moduleResolution (NodeNext would otherwise look for `card.d.live.html.ts`).
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((literal) => {
      const specifier = literal.text;
      if (specifier.endsWith(TEMPLATE_EXTENSION) && specifier.startsWith(".")) {
        const target = resolve(dirname(containingFile), specifier);
        if (existsSync(target) && statSync(target).isFile()) {
          return {
            resolvedModule: { resolvedFileName: target + ".ts", extension: ts.Extension.Ts, isExternalLibraryImport: false },
          };
        }
      }
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
      return ts.resolveModuleName(specifier, containingFile, opts, host, cache, redirected, mode);
    });
  return host;
}

function consumerOf(map: unknown): SourceMapConsumer {
  return new SourceMapConsumer(map as RawSourceMap);
}

/** A TypeScript diagnostic as ours, at the template position it comes from. */
function mapDiagnostic(d: ts.Diagnostic, served: Map<string, Served>, project: string | undefined): Diagnostic | null {
  if (d.category === ts.DiagnosticCategory.Suggestion || d.category === ts.DiagnosticCategory.Message) return null;
  const message = formatMessage(TYPE_ERROR, { tsCode: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, "\n") });
  const severity = d.category === ts.DiagnosticCategory.Warning ? "warning" : "error";
  const file = d.file;
  if (!file || d.start === undefined) {
    const at = project ? resolve(project) : process.cwd();
    return { code: TYPE_ERROR, severity, message, filename: at, start: origin(), end: origin(), frame: "" };
  }
  const entry = served.get(file.fileName);
  if (!entry || !entry.map) {
    return located(file.fileName, file.text, d.start, d.start + (d.length ?? 0), message, severity);
  }
  const start = originalOffset(file, d.start, entry);
  const length = d.length ?? 0;
  let end = originalOffset(file, d.start + length, entry);
  if (start === null) {
    // Generated scaffolding with no mapping: the template as a whole is at fault.
    return located(entry.original, entry.originalText, 0, 0, `${message} (in code generated from this template)`, severity);
  }
  if (end === null || end < start) end = start + length;
  return located(entry.original, entry.originalText, start, end, message, severity);
}

function originalOffset(file: ts.SourceFile, position: number, entry: Served): number | null {
  const { line, character } = file.getLineAndCharacterOfPosition(position);
  for (const bias of [SourceMapConsumer.GREATEST_LOWER_BOUND, SourceMapConsumer.LEAST_UPPER_BOUND]) {
    const o = entry.map!.originalPositionFor({ line: line + 1, column: character, bias });
    if (o.source !== null && o.line !== null && o.column !== null) return offsetOf(entry.originalText, o.line, o.column);
  }
  return null;
}

/** 0-based offset of a 1-based line and 0-based column. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + column);
}

function located(
  filename: string,
  text: string,
  start: number,
  end: number,
  message: string,
  severity: "error" | "warning",
): Diagnostic {
  const locator = createLocator(text);
  // Spans stay on their first line: a frame of the whole rest of a template helps nobody.
  const lineEnd = text.indexOf("\n", start);
  const clampedEnd = Math.min(end, lineEnd === -1 ? text.length : lineEnd);
  return {
    code: TYPE_ERROR,
    severity,
    message,
    filename,
    start: locator.locate(start),
    end: locator.locate(Math.max(start, clampedEnd)),
    frame: codeFrame(locator, start, Math.max(start, clampedEnd)),
  };
}

function fromConfigError(e: ts.Diagnostic, configPath: string, text: string): Diagnostic {
  const message = formatMessage(CONFIG_ERROR, { path: configPath, text: `TS${e.code}: ${ts.flattenDiagnosticMessageText(e.messageText, "\n")}` });
  return configDiagnostic(e.file?.fileName ?? configPath, e.file ? e.file.text : text, e.start ?? 0, message);
}

function configDiagnostic(filename: string, text: string, offset: number, message: string): Diagnostic {
  const locator = createLocator(text);
  const at = locator.locate(offset);
  return { code: CONFIG_ERROR, severity: "error", message, filename, start: at, end: at, frame: text ? codeFrame(locator, offset, offset) : "" };
}

function origin() {
  return { line: 1, column: 1, offset: 0 };
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.filename.localeCompare(b.filename) || a.start.offset - b.start.offset);
}
