// Serves the examples at http://localhost:4000 (PORT overrides; PORT=0 picks a free port):
// `npm start`. Prints the URL once the server listens.
import { build } from "esbuild";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { createServer, live, MemoryPubSub, type LiveServer } from "livehtml/server";
import { ThermostatView } from "./thermostat/thermostat.ts";
import { ColocatedThermostatView } from "./thermostat/thermostat-colocated.ts";
import { TodoView } from "./todo/todo.ts";
import { dashboardView } from "./dashboard/dashboard.ts";
import { MetricsFeed } from "./dashboard/metrics.ts";
import { embeddedPage, indexPage } from "./pages.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = "/assets/app.js";

// livehtml's browser client (`livehtml/client`), bundled once at start. The official client
// works too: import { Socket } from "phoenix" and { LiveSocket } from "phoenix_live_view", and
// pass Socket as the second argument.
const client = await build({
  stdin: {
    contents: `
      import { LiveSocket } from "livehtml/client";
      const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
      const liveSocket = new LiveSocket("/live", { params: { _csrf_token: csrfToken } });
      liveSocket.connect();
      window.liveSocket = liveSocket;`,
    resolveDir: root,
    loader: "js",
  },
  bundle: true,
  format: "esm",
  write: false,
  logLevel: "silent",
});
const clientJs = client.outputFiles[0]!.text;

const pubsub = new MemoryPubSub();
const feed = new MetricsFeed(pubsub);
feed.start(1000);

/** Every visitor is "alice": a real app would read its session cookie here. */
const session = () => ({ userId: "alice" });

const server: LiveServer = createServer({
  routes: [
    live("/thermostat", ThermostatView),
    live("/thermostat/colocated", ColocatedThermostatView),
    live("/todos", TodoView),
    live("/dashboard", dashboardView(feed)),
  ],
  pubsub,
  secret: process.env.SECRET_KEY_BASE ?? "development secret: set SECRET_KEY_BASE in production",
  scripts: [SCRIPT],
  session,
  fallback: (req, res) => void serveOther(req, res),
});

async function serveOther(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  try {
    if (req.url === SCRIPT) res.writeHead(200, { "content-type": "text/javascript" }).end(clientJs);
    else if (req.url === "/") html(indexPage());
    else if (req.url === "/embedded") html(await embeddedPage(server, session(), SCRIPT));
    else if (req.url === "/favicon.ico") res.writeHead(204).end(); // no icon, and no 404 in the console
    else res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  } catch (error) {
    console.error(error);
    res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error\n");
  }
}

const { port } = await server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
console.log(`livehtml examples: http://localhost:${port}`);
