// Form serialization as LiveView servers expect it: URL-encoded fields in DOM order (so
// checkbox groups and multi-selects keep their order), files left out, the submitter's name and
// value included, and `_unused_<name>` for fields the user has not touched yet.
import { binding } from "./dom.ts";

/** Controls the user focused or typed in (their value is "used"). */
const used = new WeakSet<Element>();

export function markUsed(el: Element): void {
  used.add(el);
}

/** `user[name]` → `user[_unused_name]`, `name` → `_unused_name`. */
export function unusedKey(key: string): string {
  const open = key.lastIndexOf("[");
  if (open === -1) return `_unused_${key}`;
  return `${key.slice(0, open + 1)}_unused_${key.slice(open + 1)}`;
}

export function serializeForm(form: HTMLFormElement, submitter: HTMLElement | null = null, onlyNames: string[] = []): string {
  const data = new FormData(form, submitter && (submitter as HTMLButtonElement).name ? submitter : undefined);
  const unused = new Map<string, boolean>();
  const noUnused = binding("no-unused-field");
  for (const el of form.elements) {
    const name = (el as HTMLInputElement).name;
    if (!name) continue;
    const isUsed = used.has(el) || el.hasAttribute(noUnused) || (el as HTMLInputElement).type === "hidden";
    unused.set(name, (unused.get(name) ?? true) && !isUsed);
  }
  const skipUnused = form.hasAttribute(noUnused);
  const params = new URLSearchParams();
  for (const [key, value] of data.entries()) {
    if (typeof value !== "string") continue;
    if (onlyNames.length > 0 && !onlyNames.includes(key)) continue;
    if (!skipUnused && unused.get(key) && (submitter as HTMLButtonElement | null)?.name !== key) params.append(unusedKey(key), "");
    params.append(key, value);
  }
  return params.toString();
}
