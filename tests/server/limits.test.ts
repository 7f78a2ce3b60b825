// What one client may cost the server is capped: events per second, views per connection,
// connections, bytes queued for a client that does not read, silence, log lines. Each test is a
// client that once got more than its share.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { resolveLimits, type LimitOptions } from "../../runtime/server/limits.ts";
import type { IncomingMessage } from "node:http";
import { TokenBucket } from "../../runtime/server/token-bucket.ts";
import { UpgradeThrottle } from "../../runtime/server/upgrade-throttle.ts";
import { TestSocket } from "./helpers/client.ts";
import { click, joinCounter, response, startApp, status, within, type App } from "./helpers/live-app.ts";

const units = suite("limits: units");

units("a token bucket allows its burst, then its rate", () => {
  const bucket = new TokenBucket(10, 3, 0);
  assert.equal([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)], [true, true, true, false]);
  assert.is(bucket.take(50), false, "half a token after 50 ms at 10/s");
  assert.is(bucket.take(100), true, "one token after 100 ms");
  assert.equal([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)], [true, true, true, false], "refills up to the burst only");
});

units("limits have defaults, take overrides, and refuse nonsense", () => {
  const limits = resolveLimits({ eventsPerSecond: 5, params: { depth: 4 } });
  assert.is(limits.eventsPerSecond, 5);
  assert.is(limits.params.depth, 4);
  assert.is(limits.params.keys, 4096);
  assert.is(limits.frameBytes, 1024 * 1024);
  assert.is(resolveLimits(undefined, 4096).frameBytes, 4096);
  assert.throws(() => resolveLimits({ connections: 0 }), /limits.connections must be a positive number/);
});

units.run();

const limits = suite("limits on a running server");

/** Runs `test` against a server of its own, with `options` as its limits (one limit per test, so another cannot interfere). */
async function withApp(options: LimitOptions, test: (app: App) => Promise<void>): Promise<void> {
  const app = await startApp({ limits: options });
  try {
    await test(app);
  } finally {
    await app.server.close();
  }
}

limits("a flood is refused past the rate with a clear reply, then cut off; another client is served meanwhile", () =>
  withApp({ eventsPerSecond: 50, eventBurst: 100 }, async (app) => {
  const a = await joinCounter(app);
  const b = await joinCounter(app);
  // Sent raw, not through `push`: 2,000 reply waiters would make this test's own client the slow part.
  for (let i = 0; i < 2000; i++) a.socket.sendRaw(JSON.stringify(["1", `f${i}`, a.topic, "event", { type: "click", event: "inc", value: {} }]));
  // B waits behind the frames A got in first (one event loop), with no timing asserted here: the
  // round trip under a flood is measured by `npm run soak`.
  b.socket.sendRaw(JSON.stringify(["1", "b1", b.topic, "event", { type: "click", event: "inc", value: {} }]));
  const other = await b.socket.waitFor((m) => m[1] === "b1", 20_000);
  assert.equal(response(other), { diff: { "0": "1" } });
  assert.is(await within(20_000, a.socket.closed(), "the flooding socket to close"), 1008);
  const all = a.socket.messages.filter((m) => m[3] === "phx_reply" && String(m[1]).startsWith("f"));
  const accepted = all.filter((m) => status(m) === "ok");
  const refused = all.filter((m) => status(m) === "error");
  assert.ok(accepted.length >= 100 && accepted.length < 400, `${accepted.length} accepted`);
  // A burst of refusals in a row is answered, one by one, before the cut.
  assert.ok(refused.length >= 100 && accepted.length + refused.length < 2000, `${refused.length} refused`);
  assert.equal(response(refused[0]!), { reason: "rate limited: more than 50 events per second" });
  assert.ok(app.logger.has("warn", /over 50 events\/s, \d+ frame\(s\) refused/));
  assert.ok(app.logger.has("warn", "closed a connection that kept sending past 50 events/s"));
  // Every accepted event was applied, exactly once and in order.
  assert.equal(accepted.map((m) => (response(m).diff as Record<string, string>)["0"]), accepted.map((_, i) => String(i + 1)));
  b.socket.close();
  }));

limits("views per connection are capped: the next join is refused, the others keep working", () =>
  withApp({ viewsPerConnection: 5 }, async (app) => {
  const first = await joinCounter(app);
  const { socket } = first;
  for (let i = 0; i < 4; i++) {
    const page = await joinCounter(app);
    page.socket.close();
    const join = await socket.push(String(10 + i), page.topic, "phx_join", {
      url: `${app.origin}/counter`,
      params: { _csrf_token: page.page.csrf, _mounts: 0 },
      session: page.page.session,
      static: page.page.static,
    });
    assert.is(status(join), "ok");
  }
  const sixth = await joinCounter(app);
  sixth.socket.close();
  const refused = await socket.push("20", sixth.topic, "phx_join", {
    url: `${app.origin}/counter`,
    params: { _csrf_token: sixth.page.csrf, _mounts: 0 },
    session: sixth.page.session,
    static: sixth.page.static,
  });
  assert.equal(refused[4], { status: "error", response: { reason: "too many views (limit 5 per connection)" } });
  assert.equal(response(await click(socket, first.topic)), { diff: { "0": "1" } });
  socket.close();
  }));

limits("a client that does not read is cut off once its queue passes the limit; readers are untouched", () =>
  withApp({ outgoingBufferBytes: 64 * 1024 }, async (app) => {
  const slow = await joinCounter(app, "/counter?feed=1");
  const reader = await joinCounter(app);
  slow.socket.ws.pause();
  const closed = slow.socket.closed();
  const chunk = "x".repeat(100_000);
  for (let i = 0; i < 400 && slow.socket.closeCode === null; i++) {
    app.server.context.pubsub.broadcast("feed", `${i}${chunk}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  slow.socket.ws.resume();
  await within(5000, closed, "the slow reader's socket to close");
  assert.ok(app.logger.has("warn", /closed a client that is not reading \(\d+ bytes waiting, limit 65536\)/));
  assert.equal(response(await click(reader.socket, reader.topic)), { diff: { "0": "1" } });
  reader.socket.close();
  }));

limits("a connection silent past the heartbeat timeout is closed; one that sends heartbeats stays", () =>
  withApp({ heartbeatTimeoutMs: 1000 }, async (app) => {
  const silent = await TestSocket.open(app.port);
  const talking = await TestSocket.open(app.port);
  const beat = setInterval(() => void talking.push(null, "phoenix", "heartbeat", {}), 50);
  try {
    assert.is(await within(5000, silent.closed(), "the silent socket to close"), 1001);
    assert.is(talking.closeCode, null);
    assert.ok(app.logger.has("info", "silent for more than 1000 ms (no heartbeat)"));
  } finally {
    clearInterval(beat);
    talking.close();
  }
  }));

limits("client text in log lines is escaped and cut: no forged lines, no megabyte lines", () =>
  withApp({}, async (app) => {
  const socket = await TestSocket.open(app.port);
  const topic = "lv:" + "t".repeat(1_000_000);
  await socket.push("1", topic, "bogus", {});
  await socket.push("1", "lv:x", 'bogus\n[livehtml] forged: all users logged out', {});
  const lines = app.logger.messages.map((m) => m.message);
  assert.ok(lines.every((line) => !line.includes("\n")), "no message spans lines");
  assert.ok(lines.every((line) => line.length < 2100), `longest line ${Math.max(...lines.map((l) => l.length))}`);
  assert.ok(lines.some((line) => line.includes("bogus\\n[livehtml] forged")));
  assert.ok(lines.some((line) => line.includes("more characters)")));
  socket.close();
  }));

limits.run();

const capacity = suite("limits: connections");

capacity("connections past the limit are refused with 503; the open ones keep working", async () => {
  const app = await startApp({ limits: { connections: 2 } });
  try {
    const a = await joinCounter(app);
    const b = await TestSocket.open(app.port);
    const third = await TestSocket.open(app.port).then(() => "accepted", (error: Error) => error.message);
    assert.match(third, /Unexpected server response: 503/);
    assert.ok(app.logger.has("warn", "refused a connection: 2 open, the limit"));
    assert.equal(response(await click(a.socket, a.topic)), { diff: { "0": "1" } });
    a.socket.close();
    b.close();
  } finally {
    await app.server.close();
  }
});

capacity("one page's session token joins a few views at once across connections, not thousands", async () => {
  const app = await startApp();
  try {
    const page = await joinCounter(app);
    const join = (socket: TestSocket, ref: string) =>
      socket.push(ref, page.topic, "phx_join", {
        url: `${app.origin}/counter`,
        params: { _csrf_token: page.page.csrf, _mounts: 0 },
        session: page.page.session,
        static: page.page.static,
      });
    const sockets = [page.socket];
    for (let i = 0; i < 3; i++) {
      const socket = await TestSocket.open(app.port, { _csrf_token: page.page.csrf });
      sockets.push(socket);
      assert.is(status(await join(socket, "1")), "ok", `copy ${i + 2} of the page's tokens`);
    }
    const fifth = await TestSocket.open(app.port, { _csrf_token: page.page.csrf });
    sockets.push(fifth);
    assert.equal(await join(fifth, "1").then((m) => m[4]), { status: "error", response: { reason: "too many views for this page (limit 4 per session token)" } });
    assert.ok(app.logger.has("error", /join of lv:phx-\S+ refused: 4 views already joined with this page's session token/));
    // The views already joined keep working, another page is not affected, and a view that leaves frees its slot.
    assert.equal(response(await click(page.socket, page.topic)), { diff: { "0": "1" } });
    const other = await joinCounter(app);
    assert.is(status(other.reply), "ok");
    await sockets[1]!.push("1", page.topic, "phx_leave", {});
    assert.is(status(await join(fifth, "2")), "ok", "a slot freed by a leave");
    for (const socket of [...sockets, other.socket]) socket.close();
  } finally {
    await app.server.close();
  }
});

capacity("upgrades per client address are throttled (the proxy's X-Forwarded-For with trustProxy); other addresses connect", async () => {
  const app = await startApp({ limits: { upgradesPerSecond: 1, upgradeBurst: 3 }, trustProxy: true });
  try {
    const from = (address: string) => TestSocket.open(app.port, {}, { "x-forwarded-for": `198.51.100.1, ${address}` }).then((s) => (s.close(), "accepted"), (error: Error) => error.message);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await from("203.0.113.7"));
    assert.equal(results.slice(0, 3), ["accepted", "accepted", "accepted"]);
    assert.match(results[3]!, /Unexpected server response: 429/);
    assert.match(results[4]!, /Unexpected server response: 429/);
    assert.is(await from("203.0.113.8"), "accepted", "another client behind the same proxy");
    assert.ok(app.logger.has("warn", /refused 1 upgrade\(s\) over 1 per second per address \(last from 203.0.113.7\)/));
  } finally {
    await app.server.close();
  }
});

capacity("without trustProxy, X-Forwarded-For is the client's own word and is ignored", async () => {
  const app = await startApp({ limits: { upgradesPerSecond: 1, upgradeBurst: 1 } });
  try {
    // Loopback peers are not limited (the host itself, or a proxy that does not say for whom);
    // a client cannot make itself limited, or unlimited, by writing the header.
    for (let i = 0; i < 4; i++) {
      const socket = await TestSocket.open(app.port, {}, { "x-forwarded-for": "203.0.113.9" });
      socket.close();
    }
    assert.not.ok(app.logger.has("warn", /refused \d+ upgrade/));
  } finally {
    await app.server.close();
  }
});

capacity.run();

const throttle = suite("limits: the upgrade throttle");

throttle("counts the peer address, or the last forwarded one behind a trusted proxy; loopback alone is not limited", () => {
  const request = (remoteAddress: string, forwarded?: string) => ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded } }) as unknown as IncomingMessage;
  const direct = new UpgradeThrottle(1, 2, false);
  assert.is(direct.addressOf(request("203.0.113.1", "198.51.100.1")), "203.0.113.1");
  assert.is(direct.addressOf(request("127.0.0.1")), null);
  assert.is(direct.addressOf(request("::ffff:127.0.0.1")), null);
  assert.equal([0, 0, 0].map(() => direct.allow(request("203.0.113.1"), 0)), [true, true, false]);
  assert.is(direct.allow(request("203.0.113.1"), 1000), true, "refilled at the rate");
  const proxied = new UpgradeThrottle(1, 2, true);
  assert.is(proxied.addressOf(request("127.0.0.1", "10.0.0.1, 198.51.100.7")), "198.51.100.7");
  assert.is(proxied.addressOf(request("127.0.0.1", "not an address")), null, "an unreadable header falls back to the peer");
});

throttle("keeps a bounded number of addresses", () => {
  const t = new UpgradeThrottle(1, 1, false);
  for (let i = 0; i < 20_000; i++) t.allow({ socket: { remoteAddress: `10.0.${i >> 8}.${i & 255}` }, headers: {} } as unknown as IncomingMessage, i * 10);
  assert.ok(t.tracked <= 10_000, `${t.tracked} tracked`);
});

throttle.run();
