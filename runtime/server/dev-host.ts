// The dev server's claim on `server.listen()`. `livehtml dev` loads the app's entry through Vite;
// an entry written for production creates its server and calls `listen(port)` itself. While a
// dev host is set, that call opens no port: the dev server adopts the live server (serving it on
// its own port, beside Vite) and `listen` resolves with the dev server's port. On `globalThis`,
// because the entry's copy of this module (through Vite's runner) is not the dev server's.
import type { Server } from "node:http";
import type { LiveServer } from "./server.ts";

export interface DevHost {
  adopt(server: LiveServer): { port: number; server: Server };
}

const KEY = Symbol.for("livehtml.devHost");
type WithHost = { [KEY]?: DevHost };

export function currentDevHost(): DevHost | undefined {
  return (globalThis as WithHost)[KEY];
}

/** Sets (or, with undefined, clears) the host; returns the one it replaced. */
export function setDevHost(host: DevHost | undefined): DevHost | undefined {
  const previous = (globalThis as WithHost)[KEY];
  if (host) (globalThis as WithHost)[KEY] = host;
  else delete (globalThis as WithHost)[KEY];
  return previous;
}
