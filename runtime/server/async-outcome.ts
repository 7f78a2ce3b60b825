// What finished async work does to the socket that started it, a view's or a stateful
// component's: `assignAsync` fills its keys, `streamAsync` inserts the items into its stream and
// marks its key ok, `startAsync` calls the owner's `handleAsync`. Failures become `failed`
// states with the reason (and a warning), never a crash: the work is the view's, not its code.
import { AsyncResult, isAsyncResult, type AsyncOutcome, type AsyncTask } from "./async.ts";
import { describeError, type Logger } from "./log.ts";
import type { LiveSocket } from "./socket.ts";
import type { StreamConfig, StreamOptions } from "./stream.ts";

/** The owner of the work: its name for messages, and its `handleAsync`. */
export interface AsyncOutcomeOwner {
  readonly name: string;
  readonly logger: Logger;
  // The socket type differs between views and components; both are LiveSockets underneath.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly handleAsync?: ((name: string, outcome: AsyncOutcome, socket: any) => unknown) | undefined;
}

export async function applyAsyncOutcome(socket: LiveSocket<Record<string, unknown>, unknown>, task: AsyncTask, outcome: AsyncOutcome, owner: AsyncOutcomeOwner): Promise<void> {
  if (task.kind === "assign") return fillAssigns(socket, task.keys, outcome, owner);
  if (task.kind === "stream") return fillStream(socket, task, outcome, owner);
  if (!owner.handleAsync) throw new Error(`startAsync("${task.keys[0]}") finished but ${owner.name} has no handleAsync`);
  await owner.handleAsync(task.keys[0]!, outcome, socket);
}

function previousOf(socket: LiveSocket<Record<string, unknown>, unknown>, key: string): AsyncResult<unknown> | null {
  const current = socket.assigns[key];
  return isAsyncResult(current) ? current : null;
}

function fillAssigns(socket: LiveSocket<Record<string, unknown>, unknown>, keys: readonly string[], outcome: AsyncOutcome, owner: AsyncOutcomeOwner): void {
  if (outcome.status === "exit") owner.logger.warn(`${owner.name}: assignAsync(${keys.join(", ")}) failed: ${describeError(outcome.reason)}`);
  for (const key of keys) {
    const previous = previousOf(socket, key);
    if (outcome.status === "exit") {
      socket.assign(key, AsyncResult.failed(previous, outcome.reason));
      continue;
    }
    const values = outcome.result;
    if (typeof values === "object" && values !== null && Object.prototype.hasOwnProperty.call(values, key)) {
      socket.assign(key, AsyncResult.ok((values as Record<string, unknown>)[key]));
    } else {
      const reason = new Error(`assignAsync(${keys.map((k) => JSON.stringify(k)).join(", ")}): the function's result has no "${key}"`);
      owner.logger.warn(`${owner.name}: ${reason.message}`);
      socket.assign(key, AsyncResult.failed(previous, reason));
    }
  }
}

/** `streamAsync(name, fn, opts)`: the items fill stream `name`; assign `name` turns ok (its result `true`). */
function fillStream(socket: LiveSocket<Record<string, unknown>, unknown>, task: AsyncTask, outcome: AsyncOutcome, owner: AsyncOutcomeOwner): void {
  const name = task.keys[0]!;
  const previous = previousOf(socket, name);
  let reason: unknown = outcome.status === "exit" ? outcome.reason : null;
  if (outcome.status === "ok" && !isIterable(outcome.result)) {
    reason = new Error(`streamAsync(${JSON.stringify(name)}): expected the function to resolve to an iterable of items, got ${describeValue(outcome.result)}`);
  }
  if (reason !== null || outcome.status !== "ok") {
    owner.logger.warn(`${owner.name}: streamAsync(${name}) failed: ${describeError(reason)}`);
    socket.assign(name, AsyncResult.failed(previous, reason));
    return;
  }
  socket.stream(name, outcome.result as Iterable<unknown>, (task.streamOptions ?? {}) as StreamOptions & StreamConfig<unknown>);
  socket.assign(name, AsyncResult.ok(true));
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
