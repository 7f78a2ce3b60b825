// Expands the CLI's file arguments (files, directories, globs) into the templates to compile:
// `.live.html` files, and `.ts` files holding colocated `live\`…\`` templates.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { UsageError } from "./args.ts";

export interface Input {
  /** Absolute path. */
  file: string;
  /** The directory outputs are laid out from under `--out-dir` (the argument's directory). */
  base: string;
  kind: "template" | "colocated";
}

const SKIPPED_DIRS = new Set(["node_modules"]);

export function expandInputs(args: readonly string[], cwd: string = process.cwd()): Input[] {
  const found = new Map<string, Input>();
  const add = (input: Input) => {
    if (!found.has(input.file)) found.set(input.file, input);
  };
  for (const arg of args) {
    if (isGlob(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) throw new UsageError(`no file matches ${arg}`);
      for (const m of matches) add(m);
      continue;
    }
    const path = resolve(cwd, arg);
    const stat = statOrNull(path);
    if (!stat) throw new UsageError(`no such file or directory: ${arg}`);
    if (stat.isDirectory()) {
      const before = found.size;
      for (const file of walk(path, arg)) {
        const input = classify(file, path, false);
        if (input) add(input);
      }
      if (found.size === before) throw new UsageError(`no .live.html templates (or .ts files with live\`…\` templates) in ${arg}`);
    } else {
      const input = classify(path, resolve(path, ".."), true);
      if (!input) throw new UsageError(`cannot compile ${arg}: expected a .live.html template or a .ts file with live\`…\` templates`);
      add(input);
    }
  }
  return [...found.values()];
}

function classify(file: string, base: string, explicit: boolean): Input | null {
  if (file.endsWith(".live.html")) return { file, base, kind: "template" };
  if (!/\.[mc]?ts$/.test(file) || file.endsWith(".d.ts") || /\.live\.html\.[mc]?ts$/.test(file)) return null;
  // Inside a directory only files that really hold a template count; a file named explicitly always does.
  if (!explicit && !readFileSync(file, "utf8").includes("live`")) return null;
  return { file, base, kind: "colocated" };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Every candidate file under `dir`, depth first, sorted; `shown` is the directory as the user wrote it. */
function* walk(dir: string, shown: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code ?? String(error);
    throw new UsageError(`cannot read directory ${shown}: ${why}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, join(shown, entry.name));
    else if (entry.isFile() && (entry.name.endsWith(".live.html") || /\.[mc]?ts$/.test(entry.name))) yield path;
  }
}

export function isGlob(arg: string): boolean {
  return /[*?{]/.test(arg);
}

/** `src/**\/*.live.html`, `{a,b}/*.ts`: walks from the glob's literal prefix and filters by pattern. */
function expandGlob(pattern: string, cwd: string): Input[] {
  const absolute = resolve(cwd, pattern);
  const segments = absolute.split(sep);
  const firstGlob = segments.findIndex(isGlob);
  const root = segments.slice(0, firstGlob).join(sep) || sep;
  if (!statOrNull(root)?.isDirectory()) return [];
  const matcher = globToRegExp(absolute);
  const out: Input[] = [];
  for (const file of walk(root, root)) {
    if (!matcher.test(file)) continue;
    const input = classify(file, root, true);
    if (input) out.push(input);
  }
  return out;
}

export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` matches any number of directories, including none.
      const slash = glob[i + 2] === "/";
      re += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "{") {
      const close = glob.indexOf("}", i);
      if (close === -1) re += "\\{";
      else {
        re += `(?:${glob.slice(i + 1, close).split(",").map(escapeRegExp).join("|")})`;
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^$()|[\]\\]/g, "\\$&");
}
