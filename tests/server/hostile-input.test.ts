// Requests, frames and parameters built to break the server: each one is answered as bad input
// and the server keeps serving everyone else.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { TestSocket } from "./helpers/client.ts";
import { click, getPage, joinCounter, rawRequest, response, startApp, status, type App } from "./helpers/live-app.ts";

const hostile = suite<{ app: App }>("hostile input");

hostile.before(async (ctx) => {
  ctx.app = await startApp();
});
hostile.after(async (ctx) => {
  await ctx.app.server.close();
});

/** The server still renders pages and answers events. */
async function stillServing(app: App): Promise<void> {
  assert.is((await getPage(app)).status, 200);
  const { socket, topic, reply } = await joinCounter(app);
  assert.is(status(reply), "ok");
  assert.equal(response(await click(socket, topic)), { diff: { "0": "1" } });
  socket.close();
}

const polluted = () => Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).redirect !== undefined;

hostile("invalid Host headers and request targets are answered 400 (or 404), never thrown", async (ctx) => {
  const port = ctx.app.port;
  assert.is(await rawRequest(port, "GET / HTTP/1.1\r\nHost: ["), "HTTP/1.1 400 Bad Request");
  assert.is(await rawRequest(port, "GET /counter HTTP/1.1\r\nHost: a:b:c"), "HTTP/1.1 400 Bad Request");
  assert.is(await rawRequest(port, "GET /counter HTTP/1.1\r\nHost: evil.example/x@y"), "HTTP/1.1 400 Bad Request");
  assert.is(await rawRequest(port, "GET //[ HTTP/1.1\r\nHost: 127.0.0.1"), "HTTP/1.1 404 Not Found");
  assert.is(await rawRequest(port, "GET http://127.0.0.1/counter HTTP/1.1\r\nHost: 127.0.0.1"), "HTTP/1.1 200 OK");
  assert.is(await rawRequest(port, "GET /counter HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: __phoenix_flash__=%E0%A4%A"), "HTTP/1.1 200 OK");
  await stillServing(ctx.app);
});

hostile("WebSocket upgrades with an invalid Host or target are refused, never thrown", async (ctx) => {
  const upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
  const port = ctx.app.port;
  assert.is(await rawRequest(port, `GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\n${upgrade}`), "");
  assert.is(await rawRequest(port, `GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nHost: [\r\n${upgrade}`), "HTTP/1.1 400 Bad Request");
  assert.is(await rawRequest(port, `GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nHost: a:b:c\r\n${upgrade}`), "HTTP/1.1 400 Bad Request");
  await stillServing(ctx.app);
});

hostile("prototype keys in a GET query are refused with 400, and Object.prototype stays clean", async (ctx) => {
  for (const query of ["__proto__[redirect]=x", "__proto__[hasOwnProperty]=x", "a[__proto__][x]=1", "constructor[prototype][x]=1", "a[constructor]=1"]) {
    const res = await getPage(ctx.app, `/counter?${query}`);
    assert.is(res.status, 400, query);
    assert.match(res.html, /is not allowed/);
  }
  assert.not.ok(polluted());
  await stillServing(ctx.app);
});

hostile("prototype keys in join URLs, live_patch and form events are refused; the view keeps running", async (ctx) => {
  const origin = ctx.app.origin;
  const { socket, topic, page } = await joinCounter(ctx.app);
  const form = await socket.push("1", topic, "event", { type: "form", event: "save", value: "__proto__[redirect]=x&a=1" });
  assert.is(status(form), "error");
  assert.match(String(response(form).reason), /invalid params: parameter "__proto__\[redirect\]": the name "__proto__" is not allowed/);
  const meta = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {}, meta: { __proto__: { x: 1 } } });
  assert.equal(response(meta), { diff: { "0": "1" } }, "meta from JSON is an own key, copied without reaching a prototype");
  const patch = await socket.push("1", topic, "live_patch", { url: `${origin}/counter?__proto__[hasOwnProperty]=x` });
  assert.is(status(patch), "error");
  // A join whose URL carries a prototype key is refused: the page reloads and gets the 400.
  const rejoin = await socket.push("2", topic, "phx_join", {
    url: `${origin}/counter?__proto__[redirect]=x`,
    params: { _csrf_token: page.csrf, _mounts: 1 },
    session: page.session,
    static: page.static,
  });
  assert.equal(rejoin[4], { status: "error", response: { reason: "stale" } });
  assert.not.ok(polluted());
  socket.close();
  await stillServing(ctx.app);
});

hostile("a deeply nested form key is refused at once; the server stays responsive", async (ctx) => {
  const a = await joinCounter(ctx.app);
  const b = await joinCounter(ctx.app);
  // 20,000 and 100,000 levels (Plug-style `a[][x][][x]…`) once blocked the event loop and ran out of memory.
  for (const levels of [20_000, 100_000]) {
    const deep = await a.socket.push("1", a.topic, "event", { type: "form", event: "save", value: `a${"[][x]".repeat(levels)}=1` });
    assert.is(status(deep), "error");
    assert.match(String(response(deep).reason), /nested more than 32 levels deep/);
  }
  const many = await a.socket.push("1", a.topic, "event", { type: "form", event: "save", value: "k=1&".repeat(5000) });
  assert.match(String(response(many).reason), /more than 4096 parameters/);
  // Within the limits, nesting decodes as before, into maps without a prototype.
  const nested = await a.socket.push("1", a.topic, "event", { type: "form", event: "save", value: "u[a][b][][c]=1&u[a][b][][c]=2" });
  assert.is(status(nested), "ok");
  const shown = (response(nested).diff as Record<string, string>)["1"]!.replaceAll("&quot;", '"');
  assert.equal(JSON.parse(shown), { u: { a: { b: [{ c: "1" }, { c: "2" }] } } });
  assert.equal(response(await click(b.socket, b.topic)), { diff: { "0": "1" } });
  a.socket.close();
  b.socket.close();
});

hostile.run();
