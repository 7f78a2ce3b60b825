// Callbacks may return a promise or a plain value (a view's mount, a schema's validate). The
// HTTP render awaits only what is a promise: every await and every promise is a trip through
// the microtask queue (and, under the process guard's async context, a promise hook), paid by
// each GET for views that mount synchronously, which most do.

/** A value, or a promise of it: what a step returns when it finishes at once unless it waited. */
export type MaybePromise<T> = T | Promise<T>;

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
