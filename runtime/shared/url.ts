// URL sanitising: the one home of the rule that keeps script out of URL attributes.
//
// A value is judged as the browser will read it. The HTML tokenizer decodes our escaping back to
// the original string, then the URL parser strips leading and trailing C0 controls and spaces,
// removes every tab and newline, and reads the scheme case-insensitively. So
// " \x01JaVa\tScRiPt:…" is `javascript:` to the browser, and must be to us. `javascript:` and
// `vbscript:` run code; `data:` can carry a document (HTML, SVG) that does. Only raster images
// in `data:` are let through, and only where an image is expected (`<img src>` and the like).
// A refused value renders as `about:invalid`: an inert URL that loads and navigates nowhere.
//
// Besides the attributes that hold a URL by name, two hold one by what the element does: an SVG
// animation (`<set attributeName="href" to="…">`, `<animate … values="…">`) sets another
// attribute, possibly a link's `href`, to its `to`/`from`/`by`/`values`; and `<meta content>`
// is a refresh's URL when the page says `http-equiv="refresh"`. Both are judged whatever the
// other attribute says (it may be dynamic too): an animation value or a meta content that is
// not a URL has no scheme and passes. CSS `url(javascript:…)` in `style` runs nowhere today
// (no current engine fetches or runs a script URL from CSS), so style values are escaped only.

/** What a refused URL renders as. */
export const REFUSED_URL = "about:invalid";

/** How an attribute's value is read as URLs; `null` for attributes that hold no URL. */
export type UrlKind = "url" | "image" | "srcset" | "list" | "values" | "refresh";

// Attributes holding one URL, on any element (HTML, SVG, MathML).
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "xlink:href", "cite", "manifest", "codebase",
  "longdesc", "profile", "classid", "icon", "usemap", "archive", "lowsrc", "dynsrc",
]);

// Elements whose `src` (or `href`, for SVG's <image>) is fetched as an image, never a document.
const IMAGE_SOURCES = new Set(["img", "source", "input", "image"]);

// SVG animation elements (lower case) and their value attributes: `values` is a `;` list.
const ANIMATIONS = new Set(["animate", "set", "animatemotion", "animatetransform"]);
const ANIMATION_VALUES = new Set(["to", "from", "by"]);

/**
 * The URL kind of attribute `name` on element `tag` (lower case; `null` when the element is not
 * known, as for a spread passed on through a component: then no image exception applies).
 */
export function urlKind(tag: string | null, name: string): UrlKind | null {
  const n = name.toLowerCase();
  if (n === "srcset" || n === "imagesrcset") return "srcset";
  if (n === "ping") return "list";
  if (n === "poster" || n === "background") return "image";
  if (n === "data") return tag === "object" ? "url" : null;
  if (tag !== null && ANIMATIONS.has(tag)) {
    if (ANIMATION_VALUES.has(n)) return "url";
    if (n === "values") return "values";
  }
  if (n === "content") return tag === "meta" ? "refresh" : null;
  if (!URL_ATTRIBUTES.has(n)) return null;
  if (tag !== null && IMAGE_SOURCES.has(tag) && (n === "src" || n === "href" || n === "xlink:href")) return "image";
  return "url";
}

// What the URL parser strips at both ends, and what it removes anywhere.
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_NEWLINE = /[\t\n\r]/g;
const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|jpg|pjpeg|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/i;

/** The value as the browser's URL parser sees it before reading the scheme. */
export function normalizeUrl(value: string): string {
  return value.replace(EDGES, "").replace(TAB_NEWLINE, "");
}

const NO_SCHEME = -1;
const NEEDS_NORMALIZING = -2;

/**
 * Where the scheme of `url` ends (the index of its colon), `NO_SCHEME` for a relative URL, or
 * `NEEDS_NORMALIZING` when a control character, space, tab or newline comes before any other
 * character that settles it (those the browser strips or removes). A scheme is a letter, then
 * letters, digits, `+`, `-` or `.`.
 */
function schemeEnd(url: string, normalized: boolean): number {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i) | 0x20; // ASCII letters to lower case
    if (c >= 97 && c <= 122) continue;
    const raw = url.charCodeAt(i);
    if (i > 0 && ((raw >= 48 && raw <= 57) || raw === 43 || raw === 45 || raw === 46)) continue;
    if (raw === 58) return i > 0 ? i : NO_SCHEME;
    return raw <= 0x20 && !normalized ? NEEDS_NORMALIZING : NO_SCHEME;
  }
  return NO_SCHEME;
}

/** The lower-cased scheme of `url` as the browser reads it, or `null` for a relative URL. */
export function urlScheme(url: string): string | null {
  let end = schemeEnd(url, false);
  if (end === NEEDS_NORMALIZING) end = schemeEnd((url = normalizeUrl(url)), true);
  return end === NO_SCHEME ? null : url.slice(0, end).toLowerCase();
}

/** Whether the browser would read `value` as a URL that cannot run script. */
export function isSafeUrl(value: string, kind: UrlKind = "url"): boolean {
  // Most values settle on the value as written (`/path`, `https://…`), without a copy.
  const first = value.charCodeAt(0);
  if (first === 47 /* / */ || first === 35 /* # */ || first === 63 /* ? */) return true;
  let url = value;
  let end = schemeEnd(url, false);
  if (end === NEEDS_NORMALIZING) end = schemeEnd((url = normalizeUrl(value)), true);
  if (end === NO_SCHEME) return true; // relative: resolved against the page's own URL
  switch (end) {
    case 10:
      return url.slice(0, 10).toLowerCase() !== "javascript";
    case 8:
      return url.slice(0, 8).toLowerCase() !== "vbscript";
    case 4:
      if (url.slice(0, 4).toLowerCase() !== "data") return true;
      return (kind === "image" || kind === "srcset") && IMAGE_DATA.test(normalizeUrl(url));
    default:
      return true;
  }
}

/**
 * `value` when it is safe for an attribute of `kind`, else `REFUSED_URL`. `value` may be
 * HTML-escaped (as attribute helpers pass it): escaping changes no scheme, and where quotes and
 * semicolons matter (a refresh, an animation's values) the escapes are read back first.
 */
export function safeUrl(value: string, kind: UrlKind = "url"): string {
  switch (kind) {
    case "values":
      return unescapeHTML(value).split(";").every((url) => isSafeUrl(url)) ? value : REFUSED_URL;
    case "refresh": {
      const url = refreshUrl(unescapeHTML(value));
      return url === null || isSafeUrl(url) ? value : REFUSED_URL;
    }
    case "url":
    case "image":
      return isSafeUrl(value, kind) ? value : REFUSED_URL;
    case "srcset":
      return srcsetUrls(value).every((url) => isSafeUrl(url, "srcset")) ? value : REFUSED_URL;
    case "list":
      return value.split(/[\t\n\f\r ]+/).every((url) => url === "" || isSafeUrl(url)) ? value : REFUSED_URL;
  }
}

/**
 * Whether a static beginning of an attribute value already settles that the whole value is a
 * safe URL, whatever is appended to it: it contains a character that cannot be in a scheme
 * before any colon (a relative URL), or a whole scheme that is not refused. `href={`/u/${@id}`}`
 * is settled at compile time; `href={`${@url}`}` and `href={`java${@x}`}` are not.
 */
export function settlesSafeUrl(prefix: string, kind: UrlKind): boolean {
  // Several URLs, or a URL after a prefix of its own: a later piece may hold anything.
  if (kind === "srcset" || kind === "list" || kind === "values" || kind === "refresh") return false;
  const url = normalizeUrl(prefix);
  if (url === "") return false;
  const match = /^[a-z][a-z0-9+.-]*/i.exec(url);
  if (match === null) return true; // starts with a non-letter: relative
  const rest = url.slice(match[0].length);
  if (rest === "") return false; // `java`…: the scheme may still be completed by a substitution
  if (rest[0] !== ":") return true; // a non-scheme character before any colon: relative
  const scheme = match[0].toLowerCase();
  return scheme !== "javascript" && scheme !== "vbscript" && scheme !== "data";
}

/**
 * The URLs of a `srcset` as the browser splits it (HTML's "parse a srcset attribute"): each
 * candidate is a run of non-whitespace (trailing commas end it), then descriptors up to a comma
 * outside parentheses.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  const space = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (space(value[i]!) || value[i] === ",")) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !space(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      let depth = 0;
      while (i < value.length && (depth > 0 || value[i] !== ",")) {
        if (value[i] === "(") depth++;
        else if (value[i] === ")") depth = Math.max(0, depth - 1);
        i++;
      }
    }
    urls.push(url);
  }
  return urls;
}

/**
 * The URL a `<meta http-equiv="refresh">` content would go to, read as HTML's "shared declarative
 * refresh steps" read it (`5; url='…'`, `0,URL=…`, `0 …`), or `null` when the content is not a
 * refresh with a URL (`30`, `width=device-width`).
 */
export function refreshUrl(content: string): string | null {
  const space = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
  let i = 0;
  while (space(content[i])) i++;
  const digits = /^[0-9]*/.exec(content.slice(i))![0];
  if (digits === "" && content[i] !== ".") return null;
  i += digits.length;
  while (i < content.length && /[0-9.]/.test(content[i]!)) i++;
  if (i >= content.length) return null;
  if (content[i] !== ";" && content[i] !== "," && !space(content[i])) return null;
  while (space(content[i])) i++;
  if (content[i] === ";" || content[i] === ",") i++;
  while (space(content[i])) i++;
  if (i >= content.length) return null;
  let rest = content.slice(i);
  const named = /^url[\t\n\f\r ]*=[\t\n\f\r ]*/i.exec(rest);
  if (named) rest = rest.slice(named[0].length);
  const quote = rest[0] === "'" || rest[0] === '"' ? rest[0] : null;
  if (quote) {
    rest = rest.slice(1);
    const close = rest.indexOf(quote);
    if (close !== -1) rest = rest.slice(0, close);
  }
  return rest;
}

/** The text `escapeHTML` wrote, read back (only its five entities). */
function unescapeHTML(text: string): string {
  if (text.indexOf("&") === -1) return text;
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
