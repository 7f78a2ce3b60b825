// Development warnings from the shared runtime: printed once per kind, never in production
// (`NODE_ENV=production`), so a hot render path cannot flood the log.

const printed = new Set<string>();

/** The one global this module reads, typed without Node's declarations (templates type-check without them). */
type MaybeNode = { process?: { env?: Record<string, string | undefined> } };

function production(): boolean {
  // The shared runtime also runs in browsers, where `process` may not exist.
  return (globalThis as MaybeNode).process?.env?.NODE_ENV === "production";
}

/** Prints `message` once per `key` in development. */
export function devWarning(key: string, message: string): void {
  if (production() || printed.has(key)) return;
  printed.add(key);
  console.warn(`livehtml: ${message}`);
}
