// A loopback TCP port nobody listens on right now, for servers that cannot be told to pick one
// themselves (redis-server, nginx). The OS hands out a fresh ephemeral port per call, so two
// calls in a row do not collide.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port from the OS"))));
    });
  });
}
