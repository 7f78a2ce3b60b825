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
const unusedKey = (key: string) => key.replace(/[^[]*$/, "_unused_$&");

export function serializeForm(form: HTMLFormElement, submitter: HTMLElement | null = null, onlyNames: string[] = []): string {
  const name = (submitter as HTMLButtonElement | null)?.name;
  const data = new FormData(form, name ? submitter : undefined);
  const noUnused = binding("no-unused-field");
  // Names some control of which the user used (or that never count as unused); the rest go
  // with an `_unused_` twin, unless the form opts out. A submitter's name is used.
  const usedNames = new Set(form.hasAttribute(noUnused) ? data.keys() : [name]);
  for (const el of form.elements) {
    if (used.has(el) || el.hasAttribute(noUnused) || (el as HTMLInputElement).type === "hidden") usedNames.add((el as HTMLInputElement).name);
  }
  const params = new URLSearchParams();
  for (const [key, value] of data) {
    if (typeof value !== "string" || (onlyNames.length && !onlyNames.includes(key))) continue;
    if (!usedNames.has(key)) params.append(unusedKey(key), "");
    params.append(key, value);
  }
  return params.toString();
}
