// Two server processes behind a real nginx, sharing pubsub through a real redis-server: a
// broadcast from a view on one process updates the views connected to the other.
//
// nginx balances first requests round-robin and pins each browser to the process that served it
// with a cookie (the open-source way: `$upstream_addr` into a cookie, a `map` of the known
// addresses back to a backend, anything else to the pool), and proxies the WebSocket upgrade.
// The clients speak the Phoenix protocol over real sockets through nginx.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createClient } from "redis";
import { RedisServer } from "../helpers/redis-server.ts";
import { Nginx } from "../helpers/nginx.ts";
import { startProcess, type Started } from "../helpers/process.ts";
import { TestSocket, readPage, type Message } from "../server/helpers/client.ts";

interface Backend {
  name: string;
  port: number;
  process: Started;
}

interface Ctx {
  redis: RedisServer;
  backends: Backend[];
  nginx: Nginx;
}

const test = suite<Ctx>("two processes behind nginx, pubsub through Redis");
const COOKIE = "livehtml_backend";
/** Generous bounds for replies and pushes: test files run in parallel, and this one starts four processes. */
const REPLY_MS = 15_000;

test.before(async (ctx) => {
  try {
    ctx.redis = await RedisServer.start();
    ctx.backends = await Promise.all(["alpha", "beta"].map((name) => backend(name, ctx.redis.url)));
    ctx.nginx = await Nginx.start((port) => nginxHttp(port, ctx.backends.map((b) => `127.0.0.1:${b.port}`)));
  } catch (error) {
    console.error(error); // uvu does not report a failing before hook, only its suite's count
    throw error;
  }
});

test.after(async (ctx) => {
  await ctx.nginx?.stop();
  await Promise.all((ctx.backends ?? []).map((b) => b.process.stop()));
  await ctx.redis?.stop();
});

async function backend(name: string, redisUrl: string): Promise<Backend> {
  const started = await startProcess(
    process.execPath,
    ["--import", "tsx", "--import", "./runtime/register.ts", "tests/redis/helpers/server-process.ts"],
    { ready: /listening (\d+)/, env: { ...process.env, NODE_NAME: name, REDIS_URL: redisUrl, SECRET: "one secret shared by every process" }, what: `server process ${name}`, timeoutMs: 60_000 },
  );
  return { name, port: Number(started.match[1]), process: started };
}

function nginxHttp(port: number, backends: string[]): string {
  return `
  upstream livehtml {
${backends.map((b) => `    server ${b};`).join("\n")}
  }
  map $cookie_${COOKIE} $livehtml_backend {
${backends.map((b) => `    "${b}" ${b};`).join("\n")}
    default livehtml;
  }
  map $http_upgrade $connection_upgrade {
    default upgrade;
    "" close;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://$livehtml_backend;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      add_header Set-Cookie "${COOKIE}=$upstream_addr; Path=/; HttpOnly; SameSite=Lax";
    }
  }`;
}

/** One browser: its page (through nginx) and its joined socket (through nginx, with its cookie). */
interface Browser {
  node: string;
  cookie: string;
  socket: TestSocket;
  topic: string;
  joinNode: string;
}

async function openBrowser(nginxPort: number, cookie = ""): Promise<Browser> {
  const url = `http://127.0.0.1:${nginxPort}/room`;
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  assert.is(response.status, 200);
  const html = await response.text();
  const node = /served by (\w+)/.exec(html)?.[1] ?? "?";
  const setCookie = /livehtml_backend=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  assert.ok(setCookie, "nginx pins the browser with a cookie");
  const page = readPage(html);
  const socket = await TestSocket.open(nginxPort, { _csrf_token: page.csrf }, { cookie: setCookie });
  const topic = `lv:${page.id}`;
  const joined = await socket.push("1", topic, "phx_join", {
    url,
    params: { _csrf_token: page.csrf, _mounts: 0 },
    session: page.session,
    static: page.static,
  }, REPLY_MS);
  const payload = joined[4] as { status: string; response?: { rendered?: Record<string, unknown> } };
  assert.is(payload.status, "ok", JSON.stringify(joined));
  // Slot 0 of the room's template is the node name.
  const joinNode = String(payload.response?.rendered?.["0"]);
  return { node, cookie: setCookie!, socket, topic, joinNode };
}

/** Waits for a `diff` push on a browser's topic whose JSON contains `text`. */
function diffWith(browser: Browser, text: string): Promise<Message> {
  return browser.socket.waitFor((m) => m[2] === browser.topic && m[3] === "diff" && JSON.stringify(m[4]).includes(text), REPLY_MS);
}

test("a broadcast from a view on one process updates the views on the other", async (ctx) => {
  const browsers: Browser[] = [];
  try {
    // Round-robin sends successive new browsers to alternate processes; a few tries are plenty.
    for (let i = 0; i < 6 && new Set(browsers.map((b) => b.node)).size < 2; i++) browsers.push(await openBrowser(ctx.nginx.port));
    const alpha = browsers.find((b) => b.node === "alpha");
    const beta = browsers.find((b) => b.node === "beta");
    assert.ok(alpha && beta, `nginx spread browsers over both processes: ${browsers.map((b) => b.node)}`);
    for (const b of browsers) assert.is(b.joinNode, b.node, "the WebSocket reached the process that rendered the page (sticky)");

    const reply = await alpha.socket.push("1", alpha.topic, "event", { type: "click", event: "say", value: { text: "hello from alpha" } }, REPLY_MS);
    assert.is((reply[4] as { status: string }).status, "ok");
    await diffWith(beta, "alpha: hello from alpha");
    await diffWith(alpha, "alpha: hello from alpha");

    await beta.socket.push("1", beta.topic, "event", { type: "click", event: "say", value: { text: "and back" } }, REPLY_MS);
    await diffWith(alpha, "beta: and back");

    // A reload with the cookie lands on the same process again.
    const again = await fetch(`http://127.0.0.1:${ctx.nginx.port}/room`, { headers: { cookie: beta.cookie } });
    assert.match(await again.text(), /served by beta/);
  } finally {
    for (const b of browsers) b.socket.close();
  }
  // The views ended with their sockets, and each process dropped its Redis subscription.
  const inspect = createClient({ url: ctx.redis.url });
  await inspect.connect();
  try {
    const deadline = Date.now() + REPLY_MS;
    let subscribers = -1;
    while ((subscribers = Number(((await inspect.sendCommand(["PUBSUB", "NUMSUB", "livehtml:room:lobby"])) as [string, number])[1])) > 0) {
      if (Date.now() > deadline) assert.unreachable(`still ${subscribers} Redis subscriptions after every view ended`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    inspect.destroy();
  }
});

test("a forged backend cookie is not followed: the request goes to the pool", async (ctx) => {
  const response = await fetch(`http://127.0.0.1:${ctx.nginx.port}/room`, { headers: { cookie: `${COOKIE}=127.0.0.1:9` } });
  assert.is(response.status, 200);
  assert.match(await response.text(), /served by (alpha|beta)/);
});

test.run();
