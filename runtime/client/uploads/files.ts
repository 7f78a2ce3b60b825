// The files chosen in each upload's input, as LiveView's client tracks them: each file gets a
// ref once, stays chosen while the server lists its ref as active (`data-phx-active-refs`), and
// is described to the server by its name, size, type and ref.
const refs = new WeakMap<Blob, string>();
const chosen = new WeakMap<HTMLInputElement, File[]>();
let nextRef = 0;

export function refOf(file: Blob): string {
  let ref = refs.get(file);
  if (ref === undefined) refs.set(file, (ref = String(nextRef++)));
  return ref;
}

function refList(input: Element, attr: string): string[] {
  return (input.getAttribute(attr) ?? "").split(",").filter(Boolean);
}

export const activeRefs = (input: Element) => refList(input, "data-phx-active-refs");
export const preflightedRefs = (input: Element) => refList(input, "data-phx-preflighted-refs");
export const errorRefs = (input: Element) => refList(input, "data-phx-error-refs");

/** Adds files to an input of several, or replaces the file of an input of one. */
export function track(input: HTMLInputElement, files: File[]): void {
  if (input.multiple) {
    const current = chosen.get(input) ?? [];
    chosen.set(input, [...current, ...files.filter((f) => !current.includes(f))]);
    input.value = "";
  } else {
    chosen.set(input, files);
  }
}

/** Files not yet described to the server, or described and still listed as active. */
export function activeFiles(input: HTMLInputElement): File[] {
  const active = activeRefs(input);
  return (chosen.get(input) ?? []).filter((f) => f.size > 0 && (!refs.has(f) || active.includes(refs.get(f)!)));
}

/** The `uploads` of a form event: `{ uploadRef: [entry, …] }`. */
export function describe(input: HTMLInputElement): Record<string, unknown[]> {
  const files = activeFiles(input);
  if (files.length === 0) return {};
  return { [input.getAttribute("data-phx-upload-ref")!]: files.map((file) => entryOf(input, file)) };
}

export function entryOf(input: HTMLInputElement, file: File): Record<string, unknown> {
  return {
    path: input.name,
    ref: refOf(file),
    last_modified: file.lastModified,
    name: file.name || refOf(file),
    relative_path: file.webkitRelativePath,
    type: file.type,
    size: file.size,
  };
}

/** The file of `ref` chosen in `input`, if any. */
export function fileOf(input: HTMLInputElement, ref: string): File | undefined {
  return (chosen.get(input) ?? []).find((f) => refs.get(f) === ref);
}
