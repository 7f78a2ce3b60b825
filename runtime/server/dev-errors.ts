// In development, a view's crash is shown in the page as well as logged: the server pushes the
// event `livehtml:error` with a report (message, the template line:column and a code frame when
// the error came from a template, the stack) just before the client is told the view failed.
// The default layout's small script shows it over the page (layout-assets.ts); any client that
// dispatches pushed events as `phx:<name>` window events gets it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { codeFrame } from "../../compiler/diagnostics/frame.ts";
import { createLocator } from "../../compiler/utils/locator.ts";
import { hotEnabled } from "./hot.ts";

export const ERROR_EVENT = "livehtml:error";

export interface ErrorReport {
  view: string;
  /** The callback: `mount`, `handleEvent("inc")`, `render`… */
  where: string;
  message: string;
  /** `file.live.html:line:column`, when a template frame is on the stack. */
  location?: string;
  frame?: string;
  stack?: string;
}

/** On under a dev server (which turns hot swap on) or with NODE_ENV=development; never in production. */
export function developmentErrors(): boolean {
  return hotEnabled() || process.env.NODE_ENV === "development";
}

const TEMPLATE_FRAME = /((?:file:\/\/)?[^\s()]+\.live\.html):(\d+):(\d+)/;

export function errorReport(view: string, where: string, error: unknown): ErrorReport {
  const report: ErrorReport = { view, where, message: error instanceof Error ? error.message : String(error) };
  if (!(error instanceof Error)) return report;
  if (error.stack) report.stack = error.stack;
  const match = error.stack ? TEMPLATE_FRAME.exec(error.stack) : null;
  if (!match) return report;
  const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
  const line = Number(match[2]);
  const column = Number(match[3]);
  report.location = `${file}:${line}:${column}`;
  try {
    const locator = createLocator(readFileSync(file, "utf8"));
    const start = locator.lineSpan(line).start + column - 1;
    report.frame = codeFrame(locator, start, start + 1);
  } catch {
    // The template is not on this disk (a build moved elsewhere): the location still says where.
  }
  return report;
}
