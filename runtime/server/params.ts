// Decodes form payloads (`type: "form"` events) with Plug's nested-parameter rules, so
// `user[name]=a&user[tags][]=x&user[tags][]=y` becomes `{ user: { name: "a", tags: ["x", "y"] } }`
// (PROTOCOL.md §4.5), and turns `_target` ("user[name]") into a path list.

export type Params = { [key: string]: ParamValue };
export type ParamValue = string | ParamValue[] | Params;

/** Splits `a[b][]` into `["a", "b", ""]`; an empty part means "append to a list". */
export function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/gy;
  re.lastIndex = open;
  let match: RegExpExecArray | null;
  let end = open;
  while ((match = re.exec(key))) {
    parts.push(match[1]!);
    end = re.lastIndex;
  }
  // Anything left over (`a[b]c`) is not valid nesting: keep the key whole, as Plug does with junk.
  return end === key.length ? parts : [key];
}

function isParams(v: ParamValue | undefined): v is Params {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function putNested(target: Params, path: readonly string[], value: string): void {
  let node: Params = target;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    const next = path[i + 1];
    if (last) {
      node[key] = value;
      return;
    }
    if (next === "") {
      // `key[]` (optionally followed by `[field]`, a list of maps)
      const list = Array.isArray(node[key]) ? (node[key] as ParamValue[]) : (node[key] = []);
      if (i + 1 === path.length - 1) {
        list.push(value);
        return;
      }
      const field = path[i + 2]!;
      let entry = list[list.length - 1];
      // Start a new map entry when the field is already set on the last one (Plug behaviour).
      if (!isParams(entry) || field in entry) {
        entry = {};
        list.push(entry);
      }
      putNested(entry, path.slice(i + 2), value);
      return;
    }
    if (!isParams(node[key])) node[key] = {};
    node = node[key] as Params;
  }
}

/** Decodes an `application/x-www-form-urlencoded` string into nested params. */
export function decodeForm(query: string): Params {
  const out: Params = {};
  if (!query) return out;
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === "") continue;
    putNested(out, splitKey(key), value);
  }
  return out;
}

/** `"user[name]"` → `["user", "name"]`, for `_target` in form events. */
export function targetPath(target: string): string[] {
  return splitKey(target).filter((p) => p !== "");
}
