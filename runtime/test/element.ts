// Finds an element's start tag in rendered HTML by a small selector (`#id`, `tag`, `.class`,
// `[attr]`, `[attr=value]`, combined without spaces, e.g. `button[phx-click=inc]`), and reads
// its attributes. Enough to drive events the way a browser would, without a DOM.

export interface FoundElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface SimpleSelector {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: { name: string; value: string | null }[];
}

function parseSelector(selector: string): SimpleSelector {
  const out: SimpleSelector = { tag: null, id: null, classes: [], attrs: [] };
  const re = /([a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[([\w:-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\]]*)))?\]/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(selector))) {
    end = re.lastIndex;
    if (m[1]) out.tag = m[1].toLowerCase();
    else if (m[2]) out.id = m[2];
    else if (m[3]) out.classes.push(m[3]);
    else if (m[4]) out.attrs.push({ name: m[4].toLowerCase(), value: m[5] ?? m[6] ?? m[7] ?? null });
  }
  if (end !== selector.length || selector.length === 0) {
    throw new Error(`livehtml/test: unsupported selector "${selector}" (use tag, #id, .class, [attr] or [attr=value], without spaces)`);
  }
  return out;
}

const START_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function findElements(html: string, selector: string): FoundElement[] {
  const sel = parseSelector(selector);
  const found: FoundElement[] = [];
  for (const m of html.matchAll(START_TAG)) {
    const tag = m[1]!.toLowerCase();
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? "").matchAll(ATTRIBUTE)) attributes[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    if (sel.tag && sel.tag !== tag) continue;
    if (sel.id && attributes.id !== sel.id) continue;
    const classes = (attributes.class ?? "").split(/\s+/);
    if (!sel.classes.every((c) => classes.includes(c))) continue;
    if (!sel.attrs.every((a) => a.name in attributes && (a.value === null || attributes[a.name] === a.value))) continue;
    found.push({ tag, attributes });
  }
  return found;
}
