// Decodes form payloads (`type: "form"` events) and query strings with Plug's nested-parameter
// rules, so `user[name]=a&user[tags][]=x&user[tags][]=y` becomes
// `{ user: { name: "a", tags: ["x", "y"] } }` (PROTOCOL.md §4.5), and turns `_target`
// ("user[name]") into a path list.
//
// Every input here comes from the client (join URLs, `live_patch`, form events, GET queries), so
// decoding is defensive: maps have no prototype (a key can never reach `Object.prototype`), the
// names `__proto__`, `constructor` and `prototype` are refused, the walk is a loop (no recursion,
// no copied paths), and depth, key count and size are capped. A refusal is a `ParamsError` whose
// message says which key and which limit; callers answer it as bad input, never as a crash.

export type Params = { [key: string]: ParamValue };
export type ParamValue = string | ParamValue[] | Params;

export interface ParamLimits {
  /** Most nesting levels in one key (`a[b][c]` is 3). */
  readonly depth: number;
  /** Most `name=value` pairs in one payload. */
  readonly keys: number;
  /** Longest encoded payload, in characters. */
  readonly length: number;
}

export const DEFAULT_PARAM_LIMITS: ParamLimits = { depth: 32, keys: 4096, length: 1024 * 1024 };

/** Bad client input in a query string or form payload. */
export class ParamsError extends Error {
  override readonly name = "ParamsError";
}

const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** A map with no prototype: `params.__proto__` is an ordinary key, and refused anyway. */
export function emptyParams(): Params {
  return Object.create(null) as Params;
}

/** How a key is shown in an error: client keys can be long, so only the start is quoted. */
function shown(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
}

function checkName(name: string, key: string): void {
  if (FORBIDDEN_NAMES.has(name)) throw new ParamsError(`parameter ${shown(key)}: the name "${name}" is not allowed`);
}

/**
 * Splits `a[b][]` into `["a", "b", ""]`; an empty part means "append to a list". Throws a
 * `ParamsError` for a forbidden name or more than `maxDepth` parts.
 */
export function splitKey(key: string, maxDepth = DEFAULT_PARAM_LIMITS.depth): string[] {
  const open = key.indexOf("[");
  if (open <= 0) {
    checkName(key, key);
    return [key];
  }
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/gy;
  re.lastIndex = open;
  let match: RegExpExecArray | null;
  let end = open;
  while ((match = re.exec(key))) {
    if (parts.length >= maxDepth) throw new ParamsError(`parameter ${shown(key)} is nested more than ${maxDepth} levels deep`);
    parts.push(match[1]!);
    end = re.lastIndex;
  }
  // Anything left over (`a[b]c`) is not valid nesting: keep the key whole, as Plug does with junk.
  if (end !== key.length) {
    checkName(key, key);
    return [key];
  }
  for (const part of parts) checkName(part, key);
  return parts;
}

function isParams(v: ParamValue | undefined): v is Params {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Sets `value` at `path` in `target`, creating maps and lists on the way (a loop: no recursion). */
export function putNested(target: Params, path: readonly string[], value: string): void {
  let node: Params = target;
  let i = 0;
  for (;;) {
    const key = path[i]!;
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    if (path[i + 1] === "") {
      // `key[]` (optionally followed by `[field]`, a list of maps)
      const existing = node[key];
      const list = Array.isArray(existing) ? existing : (node[key] = []);
      if (i + 1 === path.length - 1) {
        list.push(value);
        return;
      }
      const field = path[i + 2]!;
      let entry = list[list.length - 1];
      // Start a new map entry when the field is already set on the last one (Plug behaviour).
      if (!isParams(entry) || field in entry) {
        entry = emptyParams();
        list.push(entry);
      }
      node = entry;
      i += 2;
      continue;
    }
    const child = node[key];
    node = isParams(child) ? child : (node[key] = emptyParams());
    i++;
  }
}

/**
 * Decodes an `application/x-www-form-urlencoded` string into nested params (null-prototype
 * maps). Throws a `ParamsError` when the payload breaks `limits` or uses a forbidden name.
 */
export function decodeForm(query: string, limits: ParamLimits = DEFAULT_PARAM_LIMITS): Params {
  const out = emptyParams();
  if (!query) return out;
  if (query.length > limits.length) throw new ParamsError(`parameters are ${query.length} characters long, more than the limit of ${limits.length}`);
  let keys = 0;
  for (const [key, value] of new URLSearchParams(query)) {
    if (++keys > limits.keys) throw new ParamsError(`more than ${limits.keys} parameters`);
    if (key === "") continue;
    putNested(out, splitKey(key, limits.depth), value);
  }
  return out;
}

/** A shallow copy of a client map into a null-prototype one, refusing forbidden names. */
export function copyParams(source: Readonly<Record<string, unknown>>, into: Params = emptyParams()): Params {
  for (const key of Object.keys(source)) {
    checkName(key, key);
    into[key] = source[key] as ParamValue;
  }
  return into;
}

/** `"user[name]"` → `["user", "name"]`, for `_target` in form events. */
export function targetPath(target: string, maxDepth = DEFAULT_PARAM_LIMITS.depth): string[] {
  return splitKey(target, maxDepth).filter((p) => p !== "");
}
