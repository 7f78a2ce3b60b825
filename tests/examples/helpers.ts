// Reads the text of the first element matching a simple `#id`, `.class` or `tag.class`
// selector in a view's HTML (the test harness finds elements but not their content).
export function textOf(html: string, selector: string): string | null {
  const m = /^(\w*)([#.])([\w-]+)$/.exec(selector);
  if (!m) throw new Error(`textOf: unsupported selector ${selector}`);
  const [, tag, kind, name] = m;
  const attr = kind === "#" ? `id="${name}"` : `class="(?:[^"]*\\s)?${name}(?:\\s[^"]*)?"`;
  const re = new RegExp(`<(${tag || "[a-z][\\w-]*"})\\b[^>]*\\b${attr}[^>]*>([\\s\\S]*?)</\\1>`);
  const found = re.exec(html);
  return found ? found[2]!.replace(/<[^>]*>/g, "").trim() : null;
}

/** Every stream patch (`[ref, inserts, deletes, reset?]`) inside a wire diff, wherever it sits. */
export function streamPatches(diff: unknown): unknown[][] {
  const found: unknown[][] = [];
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "stream" && Array.isArray(inner)) found.push(inner);
      else walk(inner);
    }
  };
  walk(diff);
  return found;
}
