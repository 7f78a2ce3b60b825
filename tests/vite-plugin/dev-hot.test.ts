// The dev server end to end: Vite in middleware mode and a live server on one node:http
// server, a view loaded through Vite, a real Phoenix-protocol WebSocket client, then edits of
// the template and of the view module on disk.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer as createViteServer, type ViteDevServer } from "vite";
import { createServer, live, MemoryLogger, type LiveServer } from "../../runtime/server/index.ts";
import { SOCKET_PATH } from "../../runtime/server/websocket.ts";
import { livehtml } from "../../vite-plugin/index.ts";
import { readPage, TestSocket, type Message } from "../server/helpers/client.ts";
import { copyFixtureApp, FROM_SOURCES } from "./helpers.ts";

interface Ctx {
  app: { dir: string; remove(): void };
  http: Server;
  vite: ViteDevServer;
  live: LiveServer;
  port: number;
  /** Everything the plugin sent to the browser over Vite's HMR channel. */
  hmr: Array<{ type: string; err?: Record<string, unknown> }>;
  sockets: TestSocket[];
}

const dev = suite<Ctx>("dev server hot swap");

dev.before(async (ctx) => {
  ctx.app = copyFixtureApp();
  ctx.sockets = [];
  ctx.http = createHttpServer();
  ctx.vite = await createViteServer({
    root: ctx.app.dir,
    configFile: false,
    logLevel: "silent",
    ...FROM_SOURCES,
    appType: "custom",
    server: { middlewareMode: true, hmr: { server: ctx.http }, watch: { usePolling: false } },
    plugins: [livehtml()],
  });
  ctx.hmr = [];
  const send = ctx.vite.ws.send.bind(ctx.vite.ws) as (payload: unknown) => void;
  (ctx.vite.ws as { send: (payload: unknown) => void }).send = (payload: unknown) => {
    ctx.hmr.push(payload as Ctx["hmr"][number]);
    send(payload);
  };
  const { CounterView } = (await ctx.vite.ssrLoadModule(join(ctx.app.dir, "counter.ts"))) as typeof import("./fixtures/app/counter.ts");
  ctx.live = createServer({ routes: [live("/counter", CounterView)], secret: "dev hot test secret", logger: new MemoryLogger() });
  // Live routes first: Vite would answer `/counter` with the module `counter.ts`.
  ctx.http.on("request", (req, res) => void ctx.live.handler(req, res, () => ctx.vite.middlewares(req, res)));
  ctx.http.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname === SOCKET_PATH) ctx.live.upgrade(req, socket, head);
  });
  await new Promise<void>((done) => ctx.http.listen(0, "127.0.0.1", done));
  ctx.port = (ctx.http.address() as AddressInfo).port;
});

dev.after(async (ctx) => {
  for (const s of ctx.sockets) s.close();
  await ctx.live.close();
  await ctx.vite.close();
  await new Promise<void>((done) => ctx.http.close(() => done()));
  ctx.app.remove();
});

async function join_(ctx: Ctx) {
  const html = await (await fetch(`http://127.0.0.1:${ctx.port}/counter`)).text();
  const page = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: page.csrf });
  ctx.sockets.push(socket);
  const topic = `lv:${page.id}`;
  const reply = await socket.push("1", topic, "phx_join", {
    url: `http://127.0.0.1:${ctx.port}/counter`,
    params: { _csrf_token: page.csrf, _mounts: 0 },
    session: page.session,
    static: page.static,
  });
  return { socket, topic, reply, html, page };
}

const payload = (m: Message) => m[4] as Record<string, unknown>;
const isPush = (topic: string, event: string) => (m: Message) => m[2] === topic && m[3] === event;
/** Statics and values of a wire diff, flattened into one string to search for text. */
const textOf = (diff: unknown) => JSON.stringify(diff);

/**
 * Rewrites a file of the app copy. The file watcher drops a change that follows the previous
 * one of the same file too closely, so edits are spaced out a little.
 */
async function edit(ctx: Ctx, name: string, change: (source: string) => string): Promise<void> {
  const file = join(ctx.app.dir, name);
  const source = readFileSync(file, "utf8");
  const next = change(source);
  if (next === source) throw new Error(`the edit of ${name} changed nothing`);
  await new Promise((r) => setTimeout(r, 150));
  writeFileSync(file, next);
}

dev("the page and the join render the template compiled through Vite", async (ctx) => {
  const { html, reply } = await join_(ctx);
  assert.ok(html.includes('Count is <b id="count">0</b>'), html);
  assert.is(payload(reply).status, "ok", JSON.stringify(reply));
});

dev("a template edit arrives as a diff; state is kept, no remount", async (ctx) => {
  const { socket, topic } = await join_(ctx);
  for (let i = 0; i < 3; i++) {
    const r = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
    assert.is(payload(r).status, "ok");
  }
  const pushesBefore = socket.messages.length;
  await edit(ctx, "counter.live.html", (s) => s.replace("Count is", "Clicks so far:").replace("Big: ", "Large: "));
  const pushed = await socket.waitFor((m) => isPush(topic, "diff")(m) && textOf(m[4]).includes("Clicks so far:"), 5000);
  const diff = JSON.stringify(pushed[4]);
  assert.ok(diff.includes('"3"'), `the count (state) is still 3: ${diff}`);
  assert.ok(diff.includes("Large: "), diff);
  const after = socket.messages.slice(pushesBefore);
  assert.not.ok(after.some((m) => m[3] === "phx_error" || m[3] === "phx_close"), "no remount");
  // The view still runs with its state: one more click counts on from 3.
  const r = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
  assert.ok(textOf(payload(r).response).includes('"4"'), JSON.stringify(r));
  assert.not.ok(ctx.hmr.some((p) => p.type === "full-reload"), "no page reload was sent");
});

dev("a broken template is reported with loc and frame; the view keeps its last template", async (ctx) => {
  const { socket, topic } = await join_(ctx);
  ctx.hmr.length = 0;
  await edit(ctx, "counter.live.html", (s) => s.replace("<b id=\"count\">{", "<b id=\"count\">{{"));
  const started = Date.now();
  while (!ctx.hmr.some((p) => p.type === "error") && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
  const error = ctx.hmr.find((p) => p.type === "error")?.err;
  assert.ok(error, `an error payload: ${JSON.stringify(ctx.hmr)}`);
  assert.is(error.plugin, "livehtml");
  const loc = error.loc as { file: string; line: number; column: number };
  assert.is(loc.file, join(ctx.app.dir, "counter.live.html"));
  assert.is(loc.line, 5);
  assert.ok(String(error.frame).includes("5 |"), String(error.frame));
  assert.ok(String(error.message).startsWith(`${loc.file}:5:`), String(error.message));
  assert.not.ok(ctx.hmr.some((p) => p.type === "full-reload"), "no page reload");
  const r = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
  assert.is(payload(r).status, "ok");
  assert.ok(textOf(payload(r).response).includes('"1"'), "the view still renders with the last good template");
  // Fixing the template clears the error and swaps again.
  ctx.hmr.length = 0;
  await edit(ctx, "counter.live.html", (s) => s.replace("{{", "{").replace("Clicks so far:", "Fixed:"));
  await socket.waitFor((m) => isPush(topic, "diff")(m) && textOf(m[4]).includes("Fixed:"), 5000);
  assert.ok(ctx.hmr.some((p) => p.type === "update"), "an update clears the overlay");
});

dev("a view module edit remounts its views with the new code", async (ctx) => {
  const { socket, topic } = await join_(ctx);
  await edit(ctx, "counter.ts", (s) => s.replace("count: 0,", "count: 40,"));
  await socket.waitFor(isPush(topic, "phx_error"), 5000);
  // The client rejoins (as the Phoenix client does after phx_error) and mounts the new code.
  const html = await (await fetch(`http://127.0.0.1:${ctx.port}/counter`)).text();
  assert.ok(html.includes('<b id="count">40</b>'), html);
});

dev.run();
