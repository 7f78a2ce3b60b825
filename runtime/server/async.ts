// Async work of a view (LiveView's `assign_async`, `start_async` / `handle_async`,
// `cancel_async`). The work runs beside the view's mailbox: the view keeps handling events
// while it runs, and its result comes back as one more callback in the mailbox, rendered and
// pushed like a handleInfo. Work starts only when connected (the HTTP render shows the loading
// state). A result is dropped when its view has ended, when the work was cancelled, or when
// newer work for the same keys or name replaced it; every such work's signal is aborted.

/**
 * The state of an `assignAsync` key, as templates read it: `loading` while the work runs,
 * `ok` with `result` once it succeeded, `failed` with the reason once it failed. A reload keeps
 * the previous `result` (and `ok`) while `loading`.
 */
export interface AsyncResult<T> {
  readonly ok: boolean;
  readonly loading: boolean;
  readonly failed: unknown;
  readonly result: T | undefined;
}

/** Plain frozen data, so that assigning an equal state records no change. */
export const AsyncResult = {
  loading<T>(previous?: AsyncResult<T> | null): AsyncResult<T> {
    return Object.freeze({ ok: previous?.ok ?? false, loading: true, failed: null, result: previous?.result });
  },
  ok<T>(result: T): AsyncResult<T> {
    return Object.freeze({ ok: true, loading: false, failed: null, result });
  },
  failed<T>(previous: AsyncResult<T> | null | undefined, reason: unknown): AsyncResult<T> {
    return Object.freeze({ ok: previous?.ok ?? false, loading: false, failed: reason ?? "failed", result: previous?.result });
  },
};

export function isAsyncResult(value: unknown): value is AsyncResult<unknown> {
  return typeof value === "object" && value !== null && "loading" in value && "failed" in value && "ok" in value;
}

/** What `handleAsync` receives for `startAsync(name, fn)`. */
export type AsyncOutcome<T = unknown> = { readonly status: "ok"; readonly result: T } | { readonly status: "exit"; readonly reason: unknown };

/** The unwrapped type of an AsyncResult assign (what `assignAsync`'s function returns for it). */
export type AsyncValue<V> = V extends AsyncResult<infer T> ? T : never;

export type AsyncWork<T> = (signal: AbortSignal) => T | Promise<T>;

export interface AsyncTask {
  /** `assign`: fills assign keys; `stream`: fills a stream and its AsyncResult key; `start`: goes to handleAsync. */
  readonly kind: "assign" | "stream" | "start";
  /** The assign keys (`assign`), the stream's name (`stream`) or the one name (`start`). */
  readonly keys: readonly string[];
  readonly controller: AbortController;
  /** The stream options of a `stream` task (applied to the items when they arrive). */
  readonly streamOptions?: Readonly<Record<string, unknown>>;
}

/** Where finished work goes: the view runtime queues it in its mailbox. */
export interface AsyncOwner {
  readonly connected: boolean;
  asyncDone(task: AsyncTask, outcome: AsyncOutcome): void;
}

/** One view's running work, by assign key and by start name. */
export class AsyncTasks {
  readonly #byKey = new Map<string, AsyncTask>();
  readonly #byName = new Map<string, AsyncTask>();
  #running = new Set<Promise<unknown>>();

  constructor(private readonly owner: AsyncOwner) {}

  /** Starts work whose result fills `keys`; work already running for any of them is replaced. */
  assign(keys: readonly string[], work: AsyncWork<unknown>, streamOptions?: Readonly<Record<string, unknown>>): void {
    for (const key of keys) this.#abort(this.#byKey.get(key), "replaced");
    const task: AsyncTask = streamOptions
      ? { kind: "stream", keys, controller: new AbortController(), streamOptions }
      : { kind: "assign", keys, controller: new AbortController() };
    for (const key of keys) this.#byKey.set(key, task);
    this.#run(task, work);
  }

  start(name: string, work: AsyncWork<unknown>): void {
    this.#abort(this.#byName.get(name), "replaced");
    const task: AsyncTask = { kind: "start", keys: [name], controller: new AbortController() };
    this.#byName.set(name, task);
    this.#run(task, work);
  }

  /** Whether `task` is still the current work for what it fills (it was not cancelled or replaced). */
  isCurrent(task: AsyncTask): boolean {
    const table = task.kind === "start" ? this.#byName : this.#byKey;
    return task.keys.every((k) => table.get(k) === task);
  }

  /** Marks `task` done (it no longer counts as running for its keys). */
  finish(task: AsyncTask): void {
    const table = task.kind === "start" ? this.#byName : this.#byKey;
    for (const key of task.keys) if (table.get(key) === task) table.delete(key);
  }

  /** Cancels the work filling `key` (an assign key or a start name); returns it, or null. */
  cancel(key: string, reason: unknown): AsyncTask | null {
    const task = this.#byKey.get(key) ?? this.#byName.get(key) ?? null;
    if (!task) return null;
    this.finish(task);
    this.#abort(task, reason);
    return task;
  }

  /** The view ended: abort everything; results that still arrive are dropped. */
  clear(): void {
    for (const task of new Set([...this.#byKey.values(), ...this.#byName.values()])) this.#abort(task, "view ended");
    this.#byKey.clear();
    this.#byName.clear();
  }

  /** Whether any work is running (or its result is still on its way to the owner). */
  get running(): boolean {
    return this.#running.size > 0;
  }

  /** Resolves once the work running now (and work it started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  #run(task: AsyncTask, work: AsyncWork<unknown>): void {
    const signal = task.controller.signal;
    // Aborted work counts as settled at once (its result will be dropped), so that waiting for
    // the view's work does not wait for work nobody wants any more.
    const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
    aborted.catch(() => {});
    const done = Promise.race([Promise.resolve().then(() => work(signal)), aborted])
      .then(
        (result) => this.owner.asyncDone(task, { status: "ok", result }),
        (reason: unknown) => this.owner.asyncDone(task, { status: "exit", reason }),
      );
    this.#running.add(done);
    // Caught: a failure here was already the view's (its mailbox logs and contains it).
    done.finally(() => this.#running.delete(done)).catch(() => {});
  }

  #abort(task: AsyncTask | undefined, reason: unknown): void {
    if (task && !task.controller.signal.aborted) task.controller.abort(reason);
  }
}
