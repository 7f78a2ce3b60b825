// LiveView assign semantics (PROTOCOL.md §3.1/§3.2): recording what changed, and asking whether
// an expression's dependency (`@x` or a nested path `@user.name`) changed since the last render.
import type { Changed } from "./rendered.ts";
import { deepEqual } from "./equal.ts";

/** A `Changed` map being filled during a callback (`null` = everything changed). */
export type MutableChanged = Record<string, unknown> | null;

/**
 * Values worth keeping as the "previous value" of a change, so that nested paths can be
 * compared field by field later (Elixir keeps maps, lists and tuples).
 */
function isComposite(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || value instanceof Map;
}

/**
 * Assigns `assigns[key] = value` with LiveView semantics. A value deepEqual to the current one
 * records nothing and leaves `assigns` untouched. Otherwise `changed[key]` becomes the previous
 * value when that was an array/plain object/Map (so nested paths can be compared), else `true`;
 * the first write since the last render wins. With `changed === null` (everything already
 * counts as changed) only the value is stored.
 * Returns whether the value changed.
 */
export function assignValue(
  assigns: Record<string, unknown>,
  changed: MutableChanged,
  key: string,
  value: unknown,
): boolean {
  const had = Object.prototype.hasOwnProperty.call(assigns, key);
  const previous = assigns[key];
  if (had && deepEqual(previous, value)) return false;
  assigns[key] = value;
  if (changed !== null && !Object.prototype.hasOwnProperty.call(changed, key)) {
    changed[key] = had && isComposite(previous) ? previous : true;
  }
  return true;
}

/**
 * The `vars_changed` map of a comprehension entry: compares each variable in `next` with the
 * value the entry with the same key had (`previous`), with `assignValue` semantics.
 */
export function varsChanged(
  previous: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...previous };
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next)) assignValue(copy, changed, key, next[key]);
  return changed;
}

/** Whether `key` changed: always with `changed === null`, else iff it is recorded. */
export function isChanged(changed: Changed, key: string): boolean {
  return changed === null || Object.prototype.hasOwnProperty.call(changed, key);
}

function hasField(container: unknown, field: string): boolean {
  if (container instanceof Map) return container.has(field);
  if (typeof container !== "object" || container === null) return false;
  return field in container;
}

function getField(container: unknown, field: string): unknown {
  if (container instanceof Map) return container.get(field);
  return (container as Record<string, unknown>)[field];
}

/**
 * Whether the dependency `path` (e.g. `["user", "name"]` for `@user.name`) changed
 * (Elixir's `nested_changed_assign?`): `changed === null` → true; root key not recorded →
 * false; recorded as `true` → true; recorded with its previous value → walk the path in the
 * previous and the current value side by side: a field absent from both → unchanged, present
 * in only one (or reached through a non-object) → changed, else compare the values at the end
 * with `deepEqual`.
 */
export function pathChanged(
  changed: Changed,
  // `object`, not a Record: a template's `Assigns` is usually an interface, which has no index signature.
  assigns: object,
  path: readonly string[],
): boolean {
  if (changed === null) return true;
  const root = path[0];
  if (root === undefined) throw new Error("pathChanged: the dependency path is empty");
  if (!Object.prototype.hasOwnProperty.call(changed, root)) return false;
  let before: unknown = changed[root];
  if (before === true || path.length === 1) return true;
  let after: unknown = (assigns as Readonly<Record<string, unknown>>)[root];
  for (let i = 1; i < path.length; i++) {
    if (before === after) return false;
    const field = path[i]!;
    const inBefore = hasField(before, field);
    const inAfter = hasField(after, field);
    if (!inBefore && !inAfter) {
      // Absent in both is "unchanged" only when both sides are still containers.
      return !(isObject(before) && isObject(after));
    }
    if (inBefore !== inAfter) return true;
    before = getField(before, field);
    after = getField(after, field);
  }
  return !deepEqual(before, after);
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}
