// Serves the examples at http://localhost:4000 (PORT overrides): `npm start`.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { createServer, live } from "livehtml/server";
import { ThermostatView } from "./thermostat/thermostat.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

// The official Phoenix LiveView browser client, bundled once at start.
const client = await build({
  stdin: {
    contents: `
      import { Socket } from "phoenix";
      import { LiveSocket } from "phoenix_live_view";
      const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
      const liveSocket = new LiveSocket("/live", Socket, { params: { _csrf_token: csrfToken } });
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

const INDEX = `<!doctype html><html><head><meta charset="utf-8"><title>livehtml examples</title></head>
<body><h1>livehtml examples</h1><ul><li><a href="/thermostat">Thermostat</a></li></ul></body></html>`;

const server = createServer({
  routes: [live("/thermostat", ThermostatView)],
  secret: process.env.SECRET_KEY_BASE ?? "development secret: set SECRET_KEY_BASE in production",
  scripts: ["/assets/app.js"],
  session: () => ({ userId: "alice" }),
  fallback: (req, res) => {
    if (req.url === "/assets/app.js") res.writeHead(200, { "content-type": "text/javascript" }).end(clientJs);
    else if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(INDEX);
    else res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  },
});

const port = Number(process.env.PORT ?? 4000);
await server.listen(port, process.env.HOST ?? "127.0.0.1");
console.log(`livehtml examples: http://localhost:${port}`);
