// `livehtml check [--project tsconfig.json] [--watch] [files…]`: type-checks templates (and the
// TypeScript around them) and reports each error at its template line and column; with --watch,
// again after every change.
import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { booleanFlag, parseArgs, stringFlag, UsageError, type FlagSpecs } from "../args.ts";
import { displayPath, formatForTerminal, paint, plural, summary, type Output } from "../output.ts";

export const CHECK_FLAGS: FlagSpecs = {
  project: { type: "string", short: "p", placeholder: "<tsconfig.json>", description: "the TypeScript project to check (default ./tsconfig.json)" },
  watch: { type: "boolean", short: "w", description: "check again whenever a template, a TypeScript file or the tsconfig changes" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export async function runCheck(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs(argv, CHECK_FLAGS, "check");
  const startedAt = performance.now();
  const files = args.positionals.map((f) => {
    const path = resolve(f);
    if (!existsSync(path)) throw new UsageError(`no such file: ${f}`, "check");
    if (statSync(path).isDirectory()) throw new UsageError(`${f} is a directory: give files, or a project with --project`, "check");
    return path;
  });
  const project = projectPath(stringFlag(args, "project"), files.length > 0);
  // TypeScript's compiler is large: load it only when there is something to check.
  const { checkProject } = await import("../../check.ts");
  const check = (startedAt: number): number => {
    const result = checkProject({ ...(project ? { project } : {}), files });
    for (const d of result.diagnostics) output.err(formatForTerminal(output, d));
    const what = `checked ${plural(result.templates, "template")} and ${plural(result.files, "TypeScript file")}`;
    output.err(summary(output, what, result.diagnostics, startedAt));
    return result.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
  };
  const code = check(startedAt);
  if (!booleanFlag(args, "watch")) return code;
  return watchAndCheck(project ? [dirname(project)] : [...new Set(files.map((f) => dirname(f)))], check, output);
}

const WATCHED = /\.(live\.html|[mc]?ts|json)$/;

/** Checks again after each change under `dirs` (debounced: editors write in several steps) until interrupted. */
function watchAndCheck(dirs: readonly string[], check: (startedAt: number) => number, output: Output): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      const file = name?.toString() ?? "";
      if (!WATCHED.test(file) || /(^|[/\\])(node_modules|dist|\.git)[/\\]/.test(file) || /\.live\.html\.[mc]?[jt]s$/.test(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        output.err(paint(output, "cyan", `${file} changed: checking again`));
        check(performance.now());
      }, 80);
    }),
  );
  output.err(paint(output, "cyan", "watching for changes (Ctrl-C stops)"));
  return new Promise((done) => {
    const stop = () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** `--project` as given (a directory means its tsconfig.json), else ./tsconfig.json when there are no files. */
function projectPath(given: string | undefined, hasFiles: boolean): string | null {
  if (given !== undefined) {
    let path = resolve(given);
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "tsconfig.json");
    if (!existsSync(path)) throw new UsageError(`no such TypeScript project: ${displayPath(path)}`, "check");
    return path;
  }
  if (hasFiles) return null;
  const fallback = resolve("tsconfig.json");
  if (!existsSync(fallback)) throw new UsageError("no tsconfig.json in this directory: pass --project <tsconfig.json> or the files to check", "check");
  return fallback;
}
