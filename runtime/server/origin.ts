// Which pages may open the live WebSocket. A browser sends `Origin` with every WebSocket
// handshake; a page on another site could otherwise open a socket with the visitor's cookies
// (cross-site WebSocket hijacking). By default only the server's own origin (scheme and Host of
// the upgrade request) is accepted, and the opaque origin `null` (sandboxed frames, file: pages)
// never is. A handshake without `Origin` does not come from a browser page and is let through,
// as Phoenix does.
import type { IncomingMessage } from "node:http";

export type OriginOption = readonly string[] | ((origin: string, request: IncomingMessage) => boolean);

export type OriginCheck = (origin: string | undefined, own: URL, request: IncomingMessage) => boolean;

export function originCheck(allowed: OriginOption | undefined): OriginCheck {
  if (typeof allowed === "function") return (origin, _own, request) => origin === undefined || (origin !== "null" && allowed(origin, request));
  const list = new Set((allowed ?? []).map((o) => o.replace(/\/+$/, "").toLowerCase()));
  return (origin, own) => {
    if (origin === undefined) return true;
    if (origin === "null") return false;
    const normal = origin.toLowerCase();
    return list.size ? list.has(normal) : normal === own.origin.toLowerCase();
  };
}
