// Compiler diagnostics → what Vite shows: an error object for the overlay and the terminal (a
// Rollup-style error with `id`, `loc`, `frame`, `plugin`, `code`), a warning for `this.warn`,
// and the `{ type: "error" }` HMR payload for errors found during a hot update.
import type { ErrorPayload } from "vite";
import { formatDiagnostic } from "../compiler/diagnostics/create.ts";
import type { Diagnostic } from "../compiler/diagnostics/types.ts";

export const PLUGIN = "livehtml";

/** Rollup's `loc`: `line` is 1-based and `column` 0-based, unlike the diagnostic's (1-based). */
export interface ErrorLocation {
  file: string;
  line: number;
  column: number;
}

export interface LivehtmlError extends Error {
  id: string;
  code: string;
  plugin: typeof PLUGIN;
  loc: ErrorLocation;
  frame: string;
  /** Every error diagnostic of the file, the first of which is described above. */
  diagnostics: Diagnostic[];
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

export function warningsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "warning");
}

/**
 * One error for all of a file's error diagnostics. The message starts with `file:line:column`
 * (1-based, clickable in terminals and editors) and lists every error; `loc` and `frame`
 * describe the first, which is what the overlay highlights.
 */
export function toViteError(id: string, diagnostics: readonly Diagnostic[]): LivehtmlError {
  const errors = errorsOf(diagnostics);
  const first = errors[0];
  if (!first) throw new TypeError("toViteError needs at least one error diagnostic");
  const more = errors.length > 1 ? `\n\n(${errors.length - 1} more)\n${errors.slice(1).map(formatDiagnostic).join("\n")}` : "";
  const error = new Error(`${first.filename}:${first.start.line}:${first.start.column}: ${first.code}: ${first.message}${more}`) as LivehtmlError;
  error.name = "LivehtmlCompileError";
  error.id = id;
  error.code = first.code;
  error.plugin = PLUGIN;
  error.loc = locationOf(first);
  error.frame = first.frame;
  error.diagnostics = errors;
  // The stack would point into the compiler, not at the template: the message says where.
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** A warning in the shape `this.warn` takes. */
export function toViteWarning(id: string, d: Diagnostic): { message: string; id: string; code: string; loc: ErrorLocation; frame: string; plugin: string } {
  return { message: `${d.filename}:${d.start.line}:${d.start.column}: ${d.code}: ${d.message}`, id, code: d.code, loc: locationOf(d), frame: d.frame, plugin: PLUGIN };
}

/** The HMR `error` payload Vite's client overlay shows (what Vite sends for a failed update). */
export function errorPayload(error: LivehtmlError): ErrorPayload {
  return {
    type: "error",
    err: {
      message: error.message,
      stack: "",
      id: error.id,
      frame: error.frame,
      plugin: error.plugin,
      pluginCode: error.code,
      loc: error.loc,
    },
  };
}

/** Any value thrown while loading a module, as an HMR error payload. */
export function unknownErrorPayload(error: unknown, id: string): ErrorPayload {
  if (isLivehtmlError(error)) return errorPayload(error);
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: "error", err: { message: e.message, stack: e.stack ?? "", id, plugin: PLUGIN } };
}

export function isLivehtmlError(error: unknown): error is LivehtmlError {
  return error instanceof Error && (error as Partial<LivehtmlError>).plugin === PLUGIN && Array.isArray((error as Partial<LivehtmlError>).diagnostics);
}

function locationOf(d: Diagnostic): ErrorLocation {
  return { file: d.filename, line: d.start.line, column: d.start.column - 1 };
}
