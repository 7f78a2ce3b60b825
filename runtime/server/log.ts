// Logging goes through one small interface so servers can plug in their logger and tests can
// capture (or silence) what the runtime reports.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[livehtml] ${m}`),
  warn: (m) => console.warn(`[livehtml] ${m}`),
  error: (m, e) => (e === undefined ? console.error(`[livehtml] ${m}`) : console.error(`[livehtml] ${m}\n`, e)),
};

/** A logger that keeps messages in memory (tests, or embedding in a host with its own reporting). */
export class MemoryLogger implements Logger {
  readonly messages: { level: "info" | "warn" | "error"; message: string; error?: unknown }[] = [];
  info(message: string): void {
    this.messages.push({ level: "info", message });
  }
  warn(message: string): void {
    this.messages.push({ level: "warn", message });
  }
  error(message: string, error?: unknown): void {
    this.messages.push({ level: "error", message, error });
  }
  has(level: "info" | "warn" | "error", pattern: RegExp | string): boolean {
    return this.messages.some((m) => m.level === level && (typeof pattern === "string" ? m.message.includes(pattern) : pattern.test(m.message)));
  }
}

/**
 * Describes a thrown value for a log line, with the template location when the error came from
 * one: an explicit `templateLocation`, or the first stack frame in a `.live.html` file (compiled
 * templates carry source maps, so with source maps enabled their frames name the template's own
 * line and column).
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const explicit = (error as { templateLocation?: unknown; location?: unknown }).templateLocation ?? (error as { location?: unknown }).location;
    const location = typeof explicit === "string" ? explicit : templateFrame(error.stack);
    return location ? `${error.message} (at ${location})` : error.message;
  }
  return String(error);
}

const TEMPLATE_FRAME = /([^\s()]+\.live\.html):(\d+):(\d+)/;

function templateFrame(stack: string | undefined): string | null {
  const match = stack ? TEMPLATE_FRAME.exec(stack) : null;
  return match ? `${match[1]}:${match[2]}:${match[3]}` : null;
}

/**
 * A client-supplied string (topic, event name, ref…) made safe for one log line: quoted and
 * escaped, so a newline in it cannot forge a line, and cut to `max` characters, so a 1 MB topic
 * costs a line, not a megabyte.
 */
export function clientText(value: unknown, max = 200): string {
  const text = typeof value === "string" ? value : String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  // JSON escapes quotes, backslashes and C0 controls; the other line separators are escaped too.
  return JSON.stringify(cut).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const LINE_BREAKING = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/**
 * The logger the runtime writes through: every message becomes one line (control characters and
 * line separators escaped, so client text inside cannot forge lines) of at most `maxLength`
 * characters. The error object, when given, is passed on as it is.
 */
export function boundedLogger(logger: Logger, maxLength: number): Logger {
  const line = (message: string) => {
    const escaped = message.replace(LINE_BREAKING, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}…(${escaped.length - maxLength} more characters)` : escaped;
  };
  return {
    info: (m) => logger.info(line(m)),
    warn: (m) => logger.warn(line(m)),
    error: (m, e) => (e === undefined ? logger.error(line(m)) : logger.error(line(m), e)),
  };
}
