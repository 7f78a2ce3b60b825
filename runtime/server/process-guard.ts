// Keeps one view's stray error from ending the process. A view's callbacks run inside an
// AsyncLocalStorage context that names the view, and Node carries that context into everything
// the callback starts: timers, promise continuations, I/O callbacks. So when an error escapes
// through `uncaughtException` (a throw in the view's own `setTimeout` callback) or
// `unhandledRejection` (a promise the view forgot to await), the context tells whose it was:
// that view crashes (logged, `phx_error`, the client rejoins) and every other view keeps running.
//
// Errors that no view owns keep Node's default: printed, and the process exits with code 1,
// unless the application listens to these events itself, in which case they are left to it.
// `createServer({ processGuard: false })` installs nothing, for applications that want all of it.
import { AsyncLocalStorage } from "node:async_hooks";

/** What the guard needs from a running view. */
export interface GuardedView {
  /** Ends the view as a crash in a callback would. `where` says what failed, for the log. */
  crashFromOutside(where: string, error: unknown): void;
}

const owner = new AsyncLocalStorage<GuardedView>();

/** Runs `fn` (and everything it starts) on behalf of `view`. */
export function runOnBehalfOf<T>(view: GuardedView, fn: () => T): T {
  return owner.run(view, fn);
}

let installed = false;

/** Installs the process-level listeners once per process (every server shares them). */
export function installProcessGuard(): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", onUncaughtException);
  process.on("unhandledRejection", onUnhandledRejection);
}

/** Removes the listeners (tests; a host that wants its own from now on). */
export function uninstallProcessGuard(): void {
  if (!installed) return;
  installed = false;
  process.off("uncaughtException", onUncaughtException);
  process.off("unhandledRejection", onUnhandledRejection);
}

function onUncaughtException(error: unknown): void {
  const view = owner.getStore();
  if (view) return view.crashFromOutside("a callback it scheduled (uncaught exception)", error);
  unowned(error);
}

function onUnhandledRejection(reason: unknown): void {
  // Node runs this listener in the async context of the promise that was rejected.
  const view = owner.getStore();
  if (view) return view.crashFromOutside("a promise it did not await (unhandled rejection)", reason);
  if (process.listenerCount("unhandledRejection") > 1) return;
  // Node's default raises an unhandled rejection as an uncaught exception.
  if (process.listenerCount("uncaughtException") > 1) {
    for (const listener of process.listeners("uncaughtException")) {
      if (listener !== onUncaughtException) listener(reason as Error, "unhandledRejection");
    }
    return;
  }
  fatal(reason);
}

/** Not a view's: the application's own listeners decide; without any, Node's default (exit 1). */
function unowned(error: unknown): void {
  if (process.listenerCount("uncaughtException") > 1) return;
  fatal(error);
}

function fatal(error: unknown): never {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
