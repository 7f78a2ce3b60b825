// Serves the Thermostat with the official phoenix + phoenix_live_view clients, bundled with
// esbuild at test start, for browser tests.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { createServer, live, MemoryLogger, type LiveServer } from "../../../runtime/server/index.ts";
import { ThermostatView } from "../../server/fixtures/thermostat.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const CLIENT_ENTRY = `
import { Socket } from "phoenix";
import { LiveSocket } from "phoenix_live_view";
const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
const liveSocket = new LiveSocket("/live", Socket, { params: { _csrf_token: csrfToken } });
liveSocket.connect();
window.liveSocket = liveSocket;
`;

export async function bundleClient(): Promise<string> {
  const result = await build({
    stdin: { contents: CLIENT_ENTRY, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export async function startApp(tickMs: number): Promise<{ server: LiveServer; port: number; logger: MemoryLogger }> {
  const js = await bundleClient();
  const logger = new MemoryLogger();
  const server = createServer({
    routes: [live("/thermostat", ThermostatView)],
    secret: "e2e secret that is long enough",
    scripts: ["/assets/app.js"],
    logger,
    session: () => ({ userId: "alice", tickMs }),
    fallback: (req, res) => {
      if (req.url === "/assets/app.js") res.writeHead(200, { "content-type": "text/javascript" }).end(js);
      else res.writeHead(404).end();
    },
  });
  const { port } = await server.listen(0);
  return { server, port, logger };
}
