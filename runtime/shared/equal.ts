// Structural equality for assign values: LiveView's `assign/3` is a no-op when the new value
// equals the old one structurally (PROTOCOL.md §3.1). With JS reference equality every freshly
// built array or object would count as a change and be re-sent.
import { SafeHTML } from "./escape.ts";

/**
 * Deep equality for plain data. Primitives compare as JS numbers do (`0 === -0`, and
 * `NaN` equals `NaN`); arrays and plain objects (prototype `Object.prototype` or `null`)
 * compare element by element, object keys in any order; Dates by time; Maps by key (keys
 * compared by identity) and deep value; Sets by membership (identity); `raw()` values by
 * their HTML. Any other object (class instances, functions) compares by identity.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // NaN is the only value not equal to itself.
    return a !== a && b !== b;
  }
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], other[i])) return false;
    return true;
  }
  if (proto === Object.prototype || proto === null) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(y, key) || !deepEqual(x[key], y[key])) return false;
    }
    return true;
  }
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof SafeHTML) return a.html === (b as SafeHTML).html;
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) {
      if (!other.has(key) || !deepEqual(value, other.get(key))) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (a.size !== other.size) return false;
    for (const item of a) if (!other.has(item)) return false;
    return true;
  }
  return false;
}

/**
 * Whether `value` has no enumerable key (own or inherited, as `for…in` lists them), asked
 * without building the array `Object.keys` would: on every diff and every page.
 */
export function isEmptyObject(value: object): boolean {
  for (const _ in value) return false;
  return true;
}
