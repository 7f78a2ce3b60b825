// Where links may lead (Phoenix's `valid_live_navigation_destination!` and `valid_destination!`).
// A live navigation (`JS.navigate`, `JS.patch`, `<.link navigate>` / `patch`) stays inside the
// application: a path or an http(s) URL. A plain `<.link href>` may use the usual schemes
// (`mailto:`, `tel:`, …) but never a script one: `javascript:` and `data:` URLs are refused
// rather than rendered, whatever their case, leading spaces or embedded tabs.
import { describe } from "./escape.ts";
import { urlScheme } from "./url.ts";

const LINK_SCHEMES = new Set(["http", "https", "ftp", "ftps", "mailto", "news", "irc", "gopher", "nntp", "feed", "telnet", "mms", "rtsp", "svn", "tel", "fax", "xmpp"]);

/** Checks a live navigation destination; returns it unchanged. */
export function liveDestination(href: string, context: string): string {
  if (typeof href !== "string") throw new TypeError(`${context}: the destination must be a string, got ${describe(href)}`);
  const scheme = urlScheme(href);
  if (scheme !== null && scheme !== "http" && scheme !== "https") {
    throw new TypeError(
      `${context}: unsupported scheme ${JSON.stringify(scheme)} in ${JSON.stringify(href)}; navigate and patch ` +
        "destinations must be a path or an http(s) URL of this application (use a plain href for other links)",
    );
  }
  return href;
}

/** Checks a plain link's destination (`<.link href>`); returns it unchanged. */
export function linkDestination(href: string, context: string): string {
  if (typeof href !== "string") throw new TypeError(`${context}: the destination must be a string, got ${describe(href)}`);
  const scheme = urlScheme(href);
  if (scheme !== null && !LINK_SCHEMES.has(scheme)) {
    throw new TypeError(`${context}: unsupported scheme ${JSON.stringify(scheme)} in ${JSON.stringify(href)}; links may use ${[...LINK_SCHEMES].join(", ")} or a path`);
  }
  return href;
}
