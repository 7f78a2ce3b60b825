// What one client may cost the server is capped: events per second, views per connection,
// connections, bytes queued for a client that does not read, silence, log lines. Each test is a
// client that once got more than its share.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { resolveLimits, type LimitOptions } from "../../runtime/server/limits.ts";
import { TokenBucket } from "../../runtime/server/token-bucket.ts";
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
  withApp({ heartbeatTimeoutMs: 400 }, async (app) => {
  const silent = await TestSocket.open(app.port);
  const talking = await TestSocket.open(app.port);
  const beat = setInterval(() => void talking.push(null, "phoenix", "heartbeat", {}), 50);
  try {
    assert.is(await within(5000, silent.closed(), "the silent socket to close"), 1001);
    assert.is(talking.closeCode, null);
    assert.ok(app.logger.has("info", "silent for more than 400 ms (no heartbeat)"));
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

capacity.run();
