// The URL of a client's request. Its Host header and request target are untrusted text:
// `new URL` throws on `Host: [`, `Host: a:b:c` or a target like `//[` (which it would read as a
// host), so they are checked and parsed here, and a bad request gives null (answered 400).
import type { IncomingMessage } from "node:http";

/** A hostname or bracketed IPv6 address, with an optional port: nothing that could change the URL's shape. */
const HOST = /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `http(s)://host/path?query` of the request, or null when its Host or target is not valid. */
export function requestURL(req: IncomingMessage): URL | null {
  const host = req.headers.host ?? "localhost";
  if (!HOST.test(host)) return null;
  const scheme = (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? "https" : "http";
  let target = req.url ?? "/";
  if (!target.startsWith("/")) {
    // Absolute form (`GET http://host/path`, as sent to proxies): only its path and query are used.
    if (!/^https?:\/\//i.test(target)) return null;
    try {
      const absolute = new URL(target);
      target = absolute.pathname + absolute.search;
    } catch {
      return null;
    }
  }
  try {
    // Prefixed with scheme and host, a target starting `//` stays a path.
    return new URL(`${scheme}://${host}${target}`);
  } catch {
    return null;
  }
}
