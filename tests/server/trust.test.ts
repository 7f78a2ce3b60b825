// Who may connect and what a token proves: WebSocket origins, signing keys (rotation, strength,
// lifetime), tokens bound to their container, and safe headers and cookies.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createServer, MemoryLogger } from "../../runtime/server/index.ts";
import { SALT, type SessionToken } from "../../runtime/server/context.ts";
import { TokenSigner } from "../../runtime/server/token.ts";
import { TestSocket, readPage } from "./helpers/client.ts";
import { getPage, joinCounter, startApp, status, TEST_SECRET, within, type App } from "./helpers/live-app.ts";

/** Opens the live socket with an `Origin` header; resolves "open" or the refusal. */
function openWithOrigin(app: App, origin: string): Promise<string> {
  return TestSocket.open(app.port, {}, { origin }).then((socket) => (socket.close(), "open"), (error: Error) => error.message);
}

const origins = suite("trust: WebSocket origins");

origins("only the server's own origin may open the socket by default; foreign and null origins get 403", async () => {
  const app = await startApp();
  try {
    assert.is(await openWithOrigin(app, app.origin), "open");
    assert.is(await openWithOrigin(app, "https://evil.example"), "Unexpected server response: 403");
    assert.is(await openWithOrigin(app, "null"), "Unexpected server response: 403");
    assert.is(await openWithOrigin(app, `http://127.0.0.1:${app.port + 1}`), "Unexpected server response: 403");
    assert.ok(app.logger.has("warn", 'refused an upgrade from origin "https://evil.example"'));
    // Without Origin the client is not a browser page (nothing to hijack), as in Phoenix.
    const { reply } = await joinCounter(app);
    assert.is(status(reply), "ok");
  } finally {
    await app.server.close();
  }
});

origins("allowedOrigins lists the origins instead (for a public origin behind a proxy)", async () => {
  const app = await startApp({ allowedOrigins: ["https://app.example"] });
  try {
    assert.is(await openWithOrigin(app, "https://app.example"), "open");
    assert.is(await openWithOrigin(app, app.origin), "Unexpected server response: 403");
    assert.is(await openWithOrigin(app, "null"), "Unexpected server response: 403");
  } finally {
    await app.server.close();
  }
});

origins.run();

const keys = suite("trust: signing keys");

keys("a list of secrets rotates keys: sign with the first, verify with any", () => {
  const older = new TokenSigner("the older secret, 0123456789abcdefghij");
  const rotated = new TokenSigner(["the newer secret, 0123456789abcdefghij", "the older secret, 0123456789abcdefghij"]);
  const oldToken = older.sign("s", { a: 1 });
  assert.equal(rotated.verify("s", oldToken), { ok: true, data: { a: 1 } });
  const newToken = rotated.sign("s", { a: 2 });
  assert.equal(older.verify("s", newToken), { ok: false, reason: "invalid" }, "signed with the newest key");
  assert.equal(new TokenSigner("the newer secret, 0123456789abcdefghij").verify("s", newToken), { ok: true, data: { a: 2 } });
});

keys("a page signed before a rotation still joins after it", async () => {
  const before = await startApp({ secret: "the older secret, 0123456789abcdefghij" });
  const page = readPage((await getPage(before)).html);
  await before.server.close();
  const after = await startApp({ secret: ["the newer secret, 0123456789abcdefghij", "the older secret, 0123456789abcdefghij"] });
  try {
    const socket = await TestSocket.open(after.port);
    const join = await socket.push("1", `lv:${page.id}`, "phx_join", { url: `${after.origin}/counter`, params: { _csrf_token: page.csrf }, session: page.session, static: page.static });
    assert.is(status(join), "ok");
    socket.close();
  } finally {
    await after.server.close();
  }
});

keys("tokens live one day by default, or sessionMaxAgeMs; an expired page is answered stale", async () => {
  const envelope = (token: string) => JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { m: number };
  const app = await startApp();
  try {
    const page = readPage((await getPage(app)).html);
    assert.is(envelope(page.session).m, 24 * 60 * 60 * 1000);
    // The CSRF token is the nonce the session token binds, and lives as long as that token.
    assert.is((envelope(page.session) as unknown as { d: SessionToken }).d.csrf, page.csrf);
  } finally {
    await app.server.close();
  }
  const short = await startApp({ sessionMaxAgeMs: 1 });
  try {
    const page = readPage((await getPage(short)).html);
    assert.is(envelope(page.session).m, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const socket = await TestSocket.open(short.port);
    const join = await socket.push("1", `lv:${page.id}`, "phx_join", { url: `${short.origin}/counter`, params: { _csrf_token: page.csrf }, session: page.session, static: page.static });
    assert.equal(join[4], { status: "error", response: { reason: "stale" } });
    socket.close();
  } finally {
    await short.server.close();
  }
});

keys("NODE_ENV=production refuses a missing or weak secret; elsewhere it is warned about and a missing one is random", async () => {
  const previous = process.env.NODE_ENV;
  const make = (secret: string | string[] | undefined, logger = new MemoryLogger()) => createServer({ secret, logger, processGuard: false });
  try {
    process.env.NODE_ENV = "production";
    assert.throws(() => make(undefined), /needs a `secret` in production/);
    assert.throws(() => make("aaaaaaaaaaaaaaaa"), /too weak to sign sessions: it is 16 bytes long, shorter than 32/);
    assert.throws(() => make("a".repeat(64)), /too weak to sign sessions: it uses only 1 distinct characters/);
    assert.throws(() => make("ab".repeat(40)), /only 2 distinct characters/);
    assert.throws(() => make([TEST_SECRET, "short but sixteen"]), /secret #2 is too weak/);
    const strong = new MemoryLogger();
    make(TEST_SECRET, strong);
    assert.equal(strong.messages, []);
    process.env.NODE_ENV = "development";
    const weak = new MemoryLogger();
    make("aaaaaaaaaaaaaaaa", weak);
    assert.ok(weak.has("warn", /^WARNING: the secret is too weak to sign sessions \(it is 16 bytes long/));
    const missing = new MemoryLogger();
    const a = make(undefined, missing);
    assert.ok(missing.has("warn", /^WARNING: no `secret` given: a random one was generated for this process/));
    const token = a.context.signer.sign(SALT.csrf, "x");
    assert.equal(make(undefined).context.signer.verify(SALT.csrf, token), { ok: false, reason: "invalid" }, "a fresh random secret each time");
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
});

keys.run();

const examples = suite("trust: the examples' secret");

/** Starts the examples server with no SECRET_KEY_BASE; resolves its origin and what it printed. */
async function startExamples() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", NODE_ENV: "development" };
  delete env.SECRET_KEY_BASE;
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./runtime/register.ts", "examples/server.ts"], { cwd: root, env });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const origin = await within(60_000, new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const m = /livehtml examples: http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on("exit", (code) => reject(new Error(`examples server exited (${code}):\n${out}`)));
  }), "the examples server to start");
  return { origin, output: () => out, stop: () => child.kill() };
}

examples("without SECRET_KEY_BASE the examples sign with a random secret and say so; a session forged with the old public one is refused", async () => {
  const server = await startExamples();
  try {
    assert.match(server.output(), /WARNING: no `secret` given: a random one was generated for this process/);
    const html = await (await fetch(`${server.origin}/thermostat`)).text();
    const page = readPage(html);
    const publicSigner = new TokenSigner("development secret: set SECRET_KEY_BASE in production");
    assert.equal(publicSigner.verify(SALT.session, page.session), { ok: false, reason: "invalid" });
    // The attack: a session for another user, signed with the secret that used to be in the source.
    const forged: SessionToken = { id: page.id, view: "ThermostatView", main: true, session: { userId: "mallory" }, csrf: "n" };
    const socket = await TestSocket.open(Number(new URL(server.origin).port), { _csrf_token: publicSigner.sign(SALT.csrf, "n") });
    const join = await socket.push("1", `lv:${page.id}`, "phx_join", {
      url: `${server.origin}/thermostat`,
      params: { _csrf_token: publicSigner.sign(SALT.csrf, "n") },
      session: publicSigner.sign(SALT.session, forged),
    });
    assert.equal(join[4], { status: "error", response: { reason: "stale" } });
    socket.close();
  } finally {
    server.stop();
  }
});

examples.run();

const binding = suite<{ app: App }>("trust: tokens and headers");

binding.before(async (ctx) => {
  ctx.app = await startApp();
});
binding.after(async (ctx) => {
  await ctx.app.server.close();
});

binding("a page's session token joins only the container it was issued for", async (ctx) => {
  const mine = readPage((await getPage(ctx.app)).html);
  const other = readPage((await getPage(ctx.app)).html);
  const socket = await TestSocket.open(ctx.app.port);
  const join = await socket.push("1", `lv:${other.id}`, "phx_join", { url: `${ctx.app.origin}/counter`, params: { _csrf_token: mine.csrf }, session: mine.session, static: mine.static });
  assert.equal(join[4], { status: "error", response: { reason: "stale" } });
  assert.ok(ctx.app.logger.has("warn", "session token belongs to another container"));
  socket.close();
});

binding("a join needs its page's CSRF token: a missing, forged or other page's one is refused; a signed one from before still joins", async (ctx) => {
  const page = readPage((await getPage(ctx.app)).html);
  const other = readPage((await getPage(ctx.app)).html);
  const join = async (csrf: unknown) => {
    const socket = await TestSocket.open(ctx.app.port);
    const params = csrf === undefined ? {} : { _csrf_token: csrf };
    const reply = await socket.push("1", `lv:${page.id}`, "phx_join", { url: `${ctx.app.origin}/counter`, params, session: page.session, static: page.static });
    socket.close();
    return reply[4] as { status: string };
  };
  const stale = { status: "error", response: { reason: "stale" } };
  assert.match(page.csrf, /^[A-Za-z0-9_-]{16}$/);
  assert.is.not(page.csrf, other.csrf);
  assert.is((await join(page.csrf)).status, "ok");
  assert.equal(await join(undefined), stale);
  assert.ok(ctx.app.logger.has("warn", "CSRF token missing"));
  assert.equal(await join(other.csrf), stale);
  assert.equal(await join("A".repeat(16)), stale);
  assert.equal(await join(`${page.csrf}x`), stale);
  assert.equal(await join(42), stale);
  assert.ok(ctx.app.logger.has("warn", "CSRF token does not match the page"));
  // The token pages carried before: the nonce signed on its own. Still good, with this key only.
  const signer = ctx.app.server.context.signer;
  assert.is((await join(signer.sign(SALT.csrf, page.csrf))).status, "ok");
  assert.equal(await join(signer.sign(SALT.csrf, other.csrf)), stale);
  assert.equal(await join(new TokenSigner("another secret, 0123456789abcdefghij").sign(SALT.csrf, page.csrf)), stale);
  assert.equal(await join(signer.sign(SALT.flash, page.csrf)), stale, "another kind of token");
});

binding("a static token is signed only for a page with a flash; swapped or forged, it is refused", async (ctx) => {
  const join = async (page: ReturnType<typeof readPage>, staticToken: string | null) => {
    const socket = await TestSocket.open(ctx.app.port);
    const reply = await socket.push("1", `lv:${page.id}`, "phx_join", { url: `${ctx.app.origin}/counter`, params: { _csrf_token: page.csrf }, session: page.session, static: staticToken });
    socket.close();
    return reply[4] as { status: string };
  };
  const plain = readPage((await getPage(ctx.app)).html);
  assert.is(plain.static, "", "nothing to carry, nothing signed");
  // The official client sends null for an empty data-phx-static, ours "".
  assert.is((await join(plain, null)).status, "ok");
  assert.is((await join(plain, "")).status, "ok");

  const withFlash = async () => {
    const cookie = `__phoenix_flash__=${encodeURIComponent(ctx.app.server.context.signer.sign(SALT.flash, { info: "saved" }))}`;
    return readPage(await (await fetch(`${ctx.app.origin}/counter`, { headers: { cookie } })).text());
  };
  const flashed = await withFlash();
  assert.equal(ctx.app.server.context.signer.verify(SALT.static, flashed.static), { ok: true, data: { id: flashed.id, flash: { info: "saved" } } });
  assert.is((await join(flashed, flashed.static)).status, "ok");
  const stale = { status: "error", response: { reason: "stale" } };
  // Another container's static token (its flash) does not join this one.
  const other = await withFlash();
  assert.equal(await join(flashed, other.static), stale);
  // Nor one whose payload was changed: the signature covers it.
  const [payload, mac] = flashed.static.split(".") as [string, string];
  const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), d: { id: flashed.id, flash: { error: "forged" } } })).toString("base64url");
  assert.equal(await join(flashed, `${altered}.${mac}`), stale);
  // Nor a static token signed with another key.
  assert.equal(await join(flashed, new TokenSigner("another secret, 0123456789abcdefghij").sign(SALT.static, { id: flashed.id, flash: { error: "forged" } })), stale);
  assert.ok(ctx.app.logger.has("warn", "static token invalid"));
});

binding("live pages and livehtml's own errors carry safe headers", async (ctx) => {
  for (const path of ["/counter", "/counter?__proto__[x]=1", "/nothing-here"]) {
    const { headers } = await getPage(ctx.app, path);
    assert.is(headers.get("x-content-type-options"), "nosniff", path);
    assert.is(headers.get("x-frame-options"), "SAMEORIGIN", path);
    assert.is(headers.get("referrer-policy"), "strict-origin-when-cross-origin", path);
    assert.is(headers.get("content-security-policy"), "frame-ancestors 'self'", path);
  }
});

binding("the CSP is a hook, other headers can be replaced or dropped", async () => {
  const app = await startApp({
    contentSecurityPolicy: (req) => (req.url?.includes("strict") ? "default-src 'self'; frame-ancestors 'none'" : undefined),
    headers: { "x-frame-options": null, "permissions-policy": "camera=()" },
  });
  try {
    const strict = await getPage(app, "/counter?strict=1");
    assert.is(strict.headers.get("content-security-policy"), "default-src 'self'; frame-ancestors 'none'");
    assert.is(strict.headers.get("x-frame-options"), null);
    assert.is(strict.headers.get("permissions-policy"), "camera=()");
    assert.is((await getPage(app)).headers.get("content-security-policy"), null);
  } finally {
    await app.server.close();
  }
});

binding("the flash cookie is cleared with HttpOnly and SameSite=Lax", async (ctx) => {
  const flash = ctx.app.server.context.signer.sign(SALT.flash, { info: "saved" });
  const res = await fetch(`${ctx.app.origin}/counter`, { headers: { cookie: `__phoenix_flash__=${encodeURIComponent(flash)}` } });
  assert.is(res.status, 200);
  assert.is(res.headers.get("set-cookie"), "__phoenix_flash__=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
});

binding.run();
