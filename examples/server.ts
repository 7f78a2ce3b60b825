// Serves the examples at http://localhost:4000 (PORT overrides; PORT=0 picks a free port):
// `npm start`. Prints the URL once the server listens.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_PATH, createServer, live, MemoryPubSub, type LiveServer } from "livehtml/server";
import { ThermostatView } from "./thermostat/thermostat.ts";
import { ColocatedThermostatView } from "./thermostat/thermostat-colocated.ts";
import { TodoView } from "./todo/todo.ts";
import { AvatarView } from "./avatar/avatar.ts";
import { avatarOf } from "./avatar/avatars.ts";
import { dashboardView } from "./dashboard/dashboard.ts";
import { houseRoutes } from "./house/room.ts";
import { MetricsFeed } from "./dashboard/metrics.ts";
import { embeddedPage, indexPage, STYLESHEET_LINK } from "./pages.ts";

/** The examples' one stylesheet, linked from every page. */
const STYLESHEET = readFileSync(new URL("./public/app.css", import.meta.url), "utf8");

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
    ...houseRoutes,
    live("/avatar", AvatarView),
  ],
  pubsub,
  // Never a secret written here (anyone could read it and forge sessions). Unset, createServer
  // makes a random one for this process and says so; with NODE_ENV=production it refuses to start.
  secret: process.env.SECRET_KEY_BASE,
  session,
  head: STYLESHEET_LINK,
  fallback: (req, res) => void serveOther(req, res),
});

async function serveOther(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  try {
    if (req.url === "/app.css") res.writeHead(200, { "content-type": "text/css; charset=utf-8" }).end(STYLESHEET);
    else if (req.url === "/") html(indexPage());
    else if (req.url === "/embedded") html(await embeddedPage(server, session(), CLIENT_PATH));
    else if (req.url?.startsWith("/avatars/")) serveAvatar(req.url, res);
    else if (req.url === "/favicon.ico") res.writeHead(204).end(); // no icon, and no 404 in the console
    else res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  } catch (error) {
    console.error(error);
    res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error\n");
  }
}

/** A saved avatar (examples/avatar), by user id. */
function serveAvatar(url: string, res: ServerResponse): void {
  const userId = decodeURIComponent(new URL(url, "http://localhost").pathname.slice("/avatars/".length));
  const avatar = avatarOf(userId);
  if (!avatar) return void res.writeHead(404, { "content-type": "text/plain" }).end("No avatar\n");
  res.writeHead(200, { "content-type": avatar.type || "application/octet-stream", "cache-control": "no-cache", "x-content-type-options": "nosniff" }).end(avatar.bytes);
}

const { port } = await server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
console.log(`livehtml examples: http://localhost:${port}`);
