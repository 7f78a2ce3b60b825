// Turns a catalogue code plus a source span into the public Diagnostic shape.
import { CATALOGUE, formatMessage, type Args, type Code } from "./catalogue.ts";
import { codeFrame } from "./frame.ts";
import type { Diagnostic } from "./types.ts";
import type { Locator } from "../utils/locator.ts";

export function createDiagnostic(
  code: Code,
  args: Args,
  start: number,
  end: number,
  filename: string,
  locator: Locator,
): Diagnostic {
  const s = locator.locate(start);
  const e = locator.locate(Math.max(start, end));
  return {
    code,
    severity: CATALOGUE[code].severity,
    message: formatMessage(code, args),
    filename,
    start: s,
    end: e,
    frame: codeFrame(locator, s.offset, e.offset),
  };
}

/** `file:line:column: message` followed by the frame, as a terminal prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.filename}:${d.start.line}:${d.start.column}: ${d.severity} ${d.code}: ${d.message}\n${d.frame}`;
}
