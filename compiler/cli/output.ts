// Terminal output of the CLI: colours (off for NO_COLOR and non-TTY streams), diagnostics as
// `file:line:col: LHxxxx message` plus their frame, and the closing summary line.
import { relative, isAbsolute } from "node:path";
import type { Diagnostic } from "../diagnostics/types.ts";

export interface Output {
  out(line: string): void;
  err(line: string): void;
  readonly colour: boolean;
}

/** Colour follows the usual conventions: NO_COLOR disables it, FORCE_COLOR forces it, else a TTY enables it. */
export function wantsColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.FORCE_COLOR === "0") return false;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

export function consoleOutput(): Output {
  return {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
    colour: wantsColour(process.stderr),
  };
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

export function paint(output: Output, style: Style, text: string): string {
  return output.colour ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

export function formatForTerminal(output: Output, d: Diagnostic): string {
  const where = paint(output, "bold", `${displayPath(d.filename)}:${d.start.line}:${d.start.column}:`);
  const code = paint(output, d.severity === "error" ? "red" : "yellow", d.code);
  const label = d.severity === "warning" ? ` ${paint(output, "yellow", "warning")}` : "";
  const frame = d.frame ? "\n" + paint(output, "dim", d.frame) : "";
  return `${where} ${code}${label} ${d.message}${frame}`;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) d.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function elapsed(startedAt: number): string {
  const ms = performance.now() - startedAt;
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`;
}

/** `✓ compiled 3 files in 80ms` / `✗ checked 2 templates: 1 error, 0 warnings in 1.2s`. */
export function summary(output: Output, what: string, diagnostics: readonly Diagnostic[], startedAt: number): string {
  const { errors, warnings } = countSeverities(diagnostics);
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  const mark = errors > 0 ? paint(output, "red", "✗") : paint(output, "green", "✓");
  return `${mark} ${what}: ${counts} in ${elapsed(startedAt)}`;
}
