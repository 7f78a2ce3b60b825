// `livehtml compile <files|dirs|globs> [--out-dir d] [--lang ts|js] [--sourcemap] [--watch]`:
// writes `x.live.html.ts` (or `.js`) for each template under --out-dir (never beside it, where it
// would shadow the template), and compiles `.ts` files with colocated `live` templates (beside
// them only with --lang js: `x.js` next to `x.ts`).
import { mkdirSync, readFileSync, rmSync, writeFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../../diagnostics/types.ts";
import { booleanFlag, parseArgs, stringFlag, UsageError, type FlagSpecs } from "../args.ts";
import { expandInputs, type Input } from "../inputs.ts";
import { displayPath, formatForTerminal, paint, plural, summary, type Output } from "../output.ts";

export const COMPILE_FLAGS: FlagSpecs = {
  "out-dir": { type: "string", placeholder: "<dir>", description: "write outputs under this directory, keeping the layout of the inputs" },
  lang: { type: "string", placeholder: "<ts|js>", choices: ["ts", "js"], description: "emit TypeScript (default) or JavaScript" },
  sourcemap: { type: "boolean", description: "write a .map file beside each output" },
  watch: { type: "boolean", short: "w", description: "compile again whenever an input changes" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export interface CompileSettings {
  outDir: string | null;
  lang: "ts" | "js";
  sourcemap: boolean;
}

export interface CompiledFile {
  input: Input;
  output: string | null;
  diagnostics: Diagnostic[];
  /** The colocated hooks it defines, each written to its own module. */
  hooks: ReadonlyArray<{ readonly name: string; readonly file: string }>;
}

/** The index of every compiled colocated hook, under --out-dir (`import { hooks } from "./livehtml-hooks.js"`). */
export const HOOKS_INDEX = "livehtml-hooks.js";

export async function runCompile(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs(argv, COMPILE_FLAGS, "compile");
  if (args.positionals.length === 0) throw new UsageError("no input: give files, directories or globs to compile", "compile");
  const startedAt = performance.now();
  const settings: CompileSettings = {
    outDir: stringFlag(args, "out-dir") ? resolve(stringFlag(args, "out-dir")!) : null,
    lang: stringFlag(args, "lang") === "js" ? "js" : "ts",
    sourcemap: booleanFlag(args, "sourcemap"),
  };
  const inputs = expandInputs(args.positionals);
  for (const input of inputs) {
    if (input.kind === "colocated" && settings.lang === "ts" && !settings.outDir) {
      throw new UsageError(`compiling ${displayPath(input.file)} to TypeScript next to itself would overwrite it: pass --out-dir <dir> or --lang js`, "compile");
    }
    // x.live.html.ts beside x.live.html is found first by resolvers that try extensions
    // (TypeScript's, Vite's, tsx's): the template's later edits would be silently ignored.
    if (input.kind !== "colocated" && !settings.outDir) {
      throw new UsageError(
        `compiling ${displayPath(input.file)} next to itself would shadow it: loaders that try .${settings.lang} first would load the stale output instead of the template. Pass --out-dir <dir>`,
        "compile",
      );
    }
  }
  const results = await compileAll(inputs, settings);
  const diagnostics = report(results, output);
  const hooksByFile = new Map(results.map((r) => [r.input.file, r.hooks]));
  const indexError = await writeHooksIndex(hooksByFile, settings);
  if (indexError) output.err(paint(output, "red", indexError));
  output.err(summary(output, `compiled ${plural(inputs.length, "file")}`, diagnostics, startedAt));
  const failed = diagnostics.some((d) => d.severity === "error") || indexError !== null;
  if (booleanFlag(args, "watch")) return watchInputs(args.positionals, inputs, settings, output, hooksByFile);
  return failed ? 1 : 0;
}

async function compileAll(inputs: readonly Input[], settings: CompileSettings): Promise<CompiledFile[]> {
  // Loaded on first use so that `--help` and usage errors answer without loading TypeScript.
  const { compileFile } = await import("./compile-file.ts");
  return inputs.map((input) => compileFile(input, settings));
}

function report(results: readonly CompiledFile[], output: Output): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      all.push(d);
      output.err(formatForTerminal(output, d));
    }
  }
  return all;
}

/** Keeps running until interrupted, compiling each changed input again. */
async function watchInputs(args: readonly string[], initial: readonly Input[], settings: CompileSettings, output: Output, hooksByFile: Map<string, CompiledFile["hooks"]>): Promise<number> {
  const { compileFile } = await import("./compile-file.ts");
  const known = new Map(initial.map((i) => [i.file, i]));
  const dirs = new Set<string>();
  for (const input of initial) dirs.add(dirname(input.file));
  const pending = new Map<string, NodeJS.Timeout>();
  const rebuild = (file: string) => {
    pending.delete(file);
    let input = known.get(file);
    if (!input) {
      // A new file inside a watched directory argument.
      try {
        input = expandInputs([file]).find((i) => i.file === file);
      } catch {
        return;
      }
      if (!input || !args.some((a) => file.startsWith(resolve(a) + "/"))) return;
      known.set(file, input);
    }
    const startedAt = performance.now();
    let result: CompiledFile;
    try {
      readFileSync(file);
      result = compileFile(input, settings);
    } catch {
      return; // deleted or unreadable between the event and now
    }
    for (const d of result.diagnostics) output.err(formatForTerminal(output, d));
    const before = JSON.stringify(hooksByFile.get(file) ?? []);
    if (JSON.stringify(result.hooks) !== before) {
      hooksByFile.set(file, result.hooks);
      void writeHooksIndex(hooksByFile, settings).then((error) => error && output.err(paint(output, "red", error)));
    }
    const to = result.output ? ` → ${displayPath(result.output)}` : "";
    output.err(summary(output, `compiled ${displayPath(file)}${to}`, result.diagnostics, startedAt));
  };
  const watchers: FSWatcher[] = [...dirs].map((dir) =>
    watch(dir, (_event, name) => {
      if (!name) return;
      const file = join(dir, name.toString());
      if (!/\.live\.html$|\.[mc]?ts$/.test(file) || /\.live\.html\.[mc]?[jt]s$/.test(file)) return;
      clearTimeout(pending.get(file));
      // Editors write a file in several steps; wait for the last one.
      pending.set(file, setTimeout(() => rebuild(file), 30));
    }),
  );
  output.err(paint(output, "cyan", `watching ${plural(known.size, "file")} for changes (Ctrl-C stops)`));
  return new Promise((done) => {
    const stop = () => {
      for (const w of watchers) w.close();
      for (const t of pending.values()) clearTimeout(t);
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/**
 * Writes (or removes) the hooks index under --out-dir. Returns an error message when two files
 * define one hook name; nothing is written without --out-dir or when no hook was ever compiled.
 */
async function writeHooksIndex(hooksByFile: ReadonlyMap<string, CompiledFile["hooks"]>, settings: CompileSettings): Promise<string | null> {
  if (!settings.outDir) return null;
  const { hooksIndexModule } = await import("../../hooks-of-file.ts");
  const sources = [...hooksByFile].flatMap(([file, hooks]) => hooks.map((h) => ({ name: h.name, file, specifier: `./${relative(settings.outDir!, h.file).split(sep).join("/")}` })));
  const index = join(settings.outDir, HOOKS_INDEX);
  if (sources.length === 0) {
    rmSync(index, { force: true });
    return null;
  }
  try {
    writeOutput(index, hooksIndexModule(sources), null);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Where the output of `input` goes. */
export function outputPath(input: Input, settings: CompileSettings): string {
  const target = settings.outDir ? join(settings.outDir, relative(input.base, input.file)) : input.file;
  if (input.kind === "template") return `${target}.${settings.lang}`;
  if (settings.lang === "ts") return target;
  return target.replace(/\.ts$/, ".js").replace(/\.mts$/, ".mjs").replace(/\.cts$/, ".cjs");
}

/** Writes a compiled file (and its map), creating directories as needed. */
export function writeOutput(file: string, code: string, map: string | null): void {
  mkdirSync(dirname(file), { recursive: true });
  if (map === null) {
    writeFileSync(file, code);
    return;
  }
  writeFileSync(`${file}.map`, map);
  writeFileSync(file, `${code.replace(/\n?$/, "\n")}//# sourceMappingURL=${basename(file)}.map\n`);
}
