// livehtml inside an application's own node:http server, Express style: live routes through
// `server.handler(req, res, next)`, everything else through the application's `next`, and the
// WebSocket through `server.upgrade`; a client joins and clicks over that socket.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer, live, MemoryLogger, type LiveServer } from "../../runtime/server/index.ts";
import { TestSocket, readPage, type Message } from "./helpers/client.ts";

await import("../../runtime/register.ts");
const { ThermostatView, setPoints } = await import("./fixtures/thermostat.ts");

interface Ctx {
  live: LiveServer;
  http: Server;
  port: number;
}

const embedding = suite<Ctx>("embedding in a node:http server");

embedding.before(async (ctx) => {
  setPoints.set("alice", 70);
  ctx.live = createServer({
    routes: [live("/thermostat", ThermostatView)],
    secret: "a secret for the embedding test",
    session: () => ({ userId: "alice", tickMs: 60_000 }),
    logger: new MemoryLogger(),
  });
  ctx.http = createHttpServer((req, res) => {
    // The application's own routes come after livehtml's, as with `app.use(live.handler)`.
    void ctx.live.handler(req, res, () => {
      if (req.url === "/health") res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      else res.writeHead(404).end("not mine either");
    });
  });
  ctx.http.on("upgrade", ctx.live.upgrade);
  await new Promise<void>((resolve) => ctx.http.listen(0, "127.0.0.1", resolve));
  ctx.port = (ctx.http.address() as AddressInfo).port;
});

embedding.after(async (ctx) => {
  await ctx.live.close();
  await new Promise((resolve) => ctx.http.close(resolve));
});

embedding("live routes are served; other requests reach the application", async (ctx) => {
  const page = await fetch(`http://127.0.0.1:${ctx.port}/thermostat`);
  assert.is(page.status, 200);
  assert.match(await page.text(), /<span id="set-point">70<\/span>/);
  const health = await fetch(`http://127.0.0.1:${ctx.port}/health`);
  assert.is(await health.text(), "ok");
  assert.is((await fetch(`http://127.0.0.1:${ctx.port}/elsewhere`)).status, 404);
});

embedding("the WebSocket upgrade reaches livehtml: join, click, diff", async (ctx) => {
  const html = await (await fetch(`http://127.0.0.1:${ctx.port}/thermostat`)).text();
  const p = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: p.csrf });
  try {
    const topic = `lv:${p.id}`;
    const joined = await socket.push("1", topic, "phx_join", {
      url: `http://127.0.0.1:${ctx.port}/thermostat`,
      params: { _csrf_token: p.csrf, _mounts: 0 },
      session: p.session,
      static: p.static,
    });
    assert.is((joined[4] as { status: string }).status, "ok", JSON.stringify(joined));
    const clicked: Message = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
    assert.match(JSON.stringify(clicked[4]), /"71"/);
  } finally {
    socket.close();
  }
});

embedding.run();
