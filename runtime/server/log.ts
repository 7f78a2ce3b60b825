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

/** Describes a thrown value for a log line, with the template location when a compiled template adds one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const location = (error as { templateLocation?: unknown; location?: unknown }).templateLocation ?? (error as { location?: unknown }).location;
    return typeof location === "string" ? `${error.message} (at ${location})` : error.message;
  }
  return String(error);
}
