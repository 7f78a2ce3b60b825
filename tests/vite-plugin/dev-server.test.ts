// startDevServer(): the `livehtml dev` entry point, on a copy of the fixture app.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { startDevServer, type DevServer } from "../../vite-plugin/dev-server.ts";
import { readPage, TestSocket } from "../server/helpers/client.ts";
import { copyFixtureApp, FROM_SOURCES } from "./helpers.ts";

interface Ctx {
  app: { dir: string; remove(): void };
  dev: DevServer;
}

const devServer = suite<Ctx>("startDevServer");

devServer.before(async (ctx) => {
  ctx.app = copyFixtureApp();
  writeFileSync(join(ctx.app.dir, "app.ts"), "export const started = true;\n");
  ctx.dev = await startDevServer({ root: ctx.app.dir, port: 0, entry: "entry.ts", client: "/app.ts", vite: { logLevel: "silent", ...FROM_SOURCES } });
});

devServer.after(async (ctx) => {
  await ctx.dev.close();
  ctx.app.remove();
});

devServer("serves the entry's live routes with Vite's client and the app's client module", async (ctx) => {
  const res = await fetch(`${ctx.dev.url}/counter`);
  assert.is(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes('Count is <b id="count">0</b>'), html);
  assert.ok(html.includes('src="/@vite/client"'), html);
  assert.ok(html.includes('src="/app.ts"'), html);
  const greeting = await (await fetch(`${ctx.dev.url}/greeting`)).text();
  assert.ok(greeting.includes('<h1 id="greeting">Hello world!</h1>'), greeting);
});

devServer("Vite serves modules and its client; unknown paths are 404", async (ctx) => {
  const client = await fetch(`${ctx.dev.url}/@vite/client`);
  assert.is(client.status, 200);
  const app = await (await fetch(`${ctx.dev.url}/app.ts`)).text();
  assert.ok(app.includes("started"), app);
  assert.is((await fetch(`${ctx.dev.url}/nowhere/at/all`)).status, 404);
});

devServer("the live socket joins on the same port", async (ctx) => {
  const page = readPage(await (await fetch(`${ctx.dev.url}/counter`)).text());
  const socket = await TestSocket.open(ctx.dev.port, { _csrf_token: page.csrf });
  try {
    const reply = await socket.push("1", `lv:${page.id}`, "phx_join", {
      url: `${ctx.dev.url}/counter`,
      params: { _csrf_token: page.csrf, _mounts: 0 },
      session: page.session,
      static: page.static,
    });
    assert.is((reply[4] as { status: string }).status, "ok", JSON.stringify(reply));
  } finally {
    socket.close();
  }
});

devServer("an entry without a server or routes is refused with what it exports", async (ctx) => {
  try {
    const other = await startDevServer({ root: ctx.app.dir, port: 0, entry: "not-an-entry.ts", vite: { logLevel: "silent", ...FROM_SOURCES } });
    await other.close();
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.match(String((error as Error).message), /not-an-entry\.ts neither calls `server\.listen\(\)` nor exports a live server .* it exports: answer/);
  }
});

devServer("an entry that calls server.listen() itself is adopted: served on the dev server's port, no port of its own", async (ctx) => {
  const other = await startDevServer({ root: ctx.app.dir, port: 0, entry: "listening-entry.ts", vite: { logLevel: "silent", ...FROM_SOURCES } });
  try {
    const html = await (await fetch(`${other.url}/listening`)).text();
    assert.ok(html.includes('Count is <b id="count">0</b>'), html);
    assert.ok(html.includes('src="/livehtml/client.js"'), "without a client module, the served client");
    const entry = (await other.vite.ssrLoadModule(join(ctx.app.dir, "listening-entry.ts"))) as { listened: { port: number } };
    assert.is(entry.listened.port, other.port, "listen resolved with the dev server's port");
    assert.is((await fetch(`${other.url}/livehtml/client.js`)).status, 200);
  } finally {
    await other.close();
  }
});

devServer.run();
