// The Redis pubsub adapter against a real redis-server: two adapter instances stand for two
// server processes. Absence of a delivery is shown with a barrier: messages from one publisher
// reach a subscriber in publish order, so once a later message on another topic has arrived, an
// earlier one that did not arrive never will.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createClient } from "redis";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryLogger } from "../../runtime/server/index.ts";
import { createRedisPubSub, RedisPubSub } from "../../runtime/redis/index.ts";
import { RedisServer } from "../helpers/redis-server.ts";
import { freePort } from "../helpers/free-port.ts";

interface Ctx {
  redis: RedisServer;
  /** A plain client for looking at what Redis itself sees. */
  inspect: ReturnType<typeof createClient>;
  open: RedisPubSub[];
}

const test = suite<Ctx>("redis pubsub adapter");

test.before(async (ctx) => {
  ctx.redis = await RedisServer.start().catch((error: unknown) => {
    console.error(error); // uvu does not report a failing before hook, only its suite's count
    throw error;
  });
  ctx.inspect = createClient({ url: ctx.redis.url });
  ctx.inspect.on("error", () => {}); // the restart test takes Redis away on purpose
  await ctx.inspect.connect();
  ctx.open = [];
});

test.after.each(async (ctx) => {
  await Promise.all(ctx.open.map((p) => p.close()));
  ctx.open = [];
});

test.after(async (ctx) => {
  ctx.inspect.destroy();
  await ctx.redis.stop();
});

async function adapter(ctx: Ctx, options: { prefix?: string; logger?: MemoryLogger } = {}): Promise<RedisPubSub> {
  const pubsub = await createRedisPubSub({ url: ctx.redis.url, logger: options.logger ?? new MemoryLogger(), prefix: options.prefix });
  ctx.open.push(pubsub);
  return pubsub;
}

/** Records what a topic's listener received, and resolves when it has `n` messages. */
function inbox(pubsub: RedisPubSub, topic: string) {
  const received: unknown[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const unsubscribe = pubsub.subscribe(topic, (message) => {
    received.push(message);
    for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
  });
  return {
    received,
    unsubscribe,
    count(n: number, timeoutMs = 15_000): Promise<void> {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${topic}" got ${received.length} of ${n} messages: ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

/** Polls until `check` holds (bounded); for states reached through reconnection. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function numsub(ctx: Ctx, channel: string): Promise<number> {
  const reply = (await ctx.inspect.sendCommand(["PUBSUB", "NUMSUB", channel])) as [string, number];
  return Number(reply[1]);
}

test("a broadcast reaches the subscribers of another instance, as the same JSON value", async (ctx) => {
  const logger = new MemoryLogger();
  const [a, b] = [await adapter(ctx, { logger }), await adapter(ctx)];
  assert.ok(logger.has("info", `redis pubsub: connected to ${ctx.redis.url}, channels prefixed "livehtml:"`), JSON.stringify(logger.messages));
  const atA = inbox(a, "room:1");
  await a.ready();
  const message = { type: "said", text: "hé <b>", n: 3, tags: ["x"], nested: { ok: true, none: null } };
  b.broadcast("room:1", message);
  await atA.count(1);
  assert.equal(atA.received, [message]);
});

test("the sender's own subscribers get its broadcast at once, and once (Redis's echo is skipped)", async (ctx) => {
  const [a, b] = [await adapter(ctx), await adapter(ctx)];
  const atA = inbox(a, "room:2");
  const atB = inbox(b, "room:2");
  await Promise.all([a.ready(), b.ready()]);
  a.broadcast("room:2", { n: 1 });
  assert.equal(atA.received, [{ n: 1 }], "delivered synchronously in the sending process");
  await atB.count(1);
  // A's subscriber connection has received the echo too: the same publisher's later message
  // on a barrier topic arrives after it.
  const barrier = inbox(a, "barrier:2");
  await a.ready();
  b.broadcast("barrier:2", "done");
  await barrier.count(1);
  a.broadcast("barrier:2", "mine");
  assert.equal(atA.received, [{ n: 1 }]);
});

test("a Redis channel is subscribed while the topic has local subscribers, and unsubscribed after the last", async (ctx) => {
  const [a, b] = [await adapter(ctx, { prefix: "app:" }), await adapter(ctx, { prefix: "app:" })];
  const first = inbox(a, "news");
  const second = inbox(a, "news");
  await a.ready();
  assert.is(await numsub(ctx, "app:news"), 1, "one Redis subscription for two local subscribers");
  first.unsubscribe();
  first.unsubscribe(); // twice is harmless
  await a.ready();
  assert.is(await numsub(ctx, "app:news"), 1);
  assert.is(a.subscriberCount("news"), 1);

  b.broadcast("news", "one");
  await second.count(1);
  second.unsubscribe();
  await a.ready();
  assert.is(await numsub(ctx, "app:news"), 0);

  const barrier = inbox(a, "barrier:3");
  await a.ready();
  b.broadcast("news", "two");
  b.broadcast("barrier:3", "done");
  await barrier.count(1);
  assert.equal(first.received, []);
  assert.equal(second.received, ["one"]);
});

test("the prefix names the channel and keeps applications sharing one Redis apart", async (ctx) => {
  const shop = await adapter(ctx, { prefix: "shop:" });
  const blog = await adapter(ctx, { prefix: "blog:" });
  const blogReader = await adapter(ctx, { prefix: "blog:" });
  const atShop = inbox(shop, "feed");
  const atBlog = inbox(blogReader, "feed");
  await Promise.all([shop.ready(), blogReader.ready()]);
  const channels = ((await ctx.inspect.sendCommand(["PUBSUB", "CHANNELS", "*feed"])) as string[]).sort();
  assert.equal(channels, ["blog:feed", "shop:feed"]);

  blog.broadcast("feed", "post");
  await atBlog.count(1);
  shop.broadcast("feed", "sale");
  await atShop.count(1);
  // blogReader's next message proves "sale" (other prefix) was not delivered to it.
  blog.broadcast("feed", "post 2");
  await atBlog.count(2);
  assert.equal(atBlog.received, ["post", "post 2"]);
  assert.equal(atShop.received, ["sale"]);
});

test("a message that cannot travel as JSON is refused with the topic named, and delivered nowhere", async (ctx) => {
  const a = await adapter(ctx);
  const atA = inbox(a, "big");
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => a.broadcast("big", { n: 10n }), /broadcast on "big" cannot be sent to other processes as JSON.*BigInt/);
  assert.throws(() => a.broadcast("big", cyclic), /"big".*JSON/);
  assert.equal(atA.received, []);
});

test("a foreign message on a channel is logged and dropped; delivery goes on", async (ctx) => {
  const logger = new MemoryLogger();
  const a = await adapter(ctx, { logger });
  const b = await adapter(ctx);
  const atA = inbox(a, "mixed");
  await a.ready();
  await ctx.inspect.publish("livehtml:mixed", "not json\nforged line");
  await ctx.inspect.publish("livehtml:mixed", JSON.stringify({ v: 99, from: "x", message: 1 }));
  b.broadcast("mixed", "real");
  await atA.count(1);
  assert.equal(atA.received, ["real"]);
  const warnings = logger.messages.filter((m) => m.level === "warn" && m.message.includes("not a livehtml broadcast"));
  assert.is(warnings.length, 2);
  assert.ok(warnings.every((w) => !w.message.includes("\n")), "client strings are escaped in log lines");
});

test("close() ends both connections; later broadcasts reach local subscribers only", async (ctx) => {
  const name = async () => ((await ctx.inspect.sendCommand(["CLIENT", "LIST"])) as string).split("\n").filter((l) => /name=livehtml-/.test(l)).length;
  const before = await name();
  const a = await createRedisPubSub({ url: ctx.redis.url, logger: new MemoryLogger() });
  assert.is(await name(), before + 2, "one publisher and one subscriber connection");
  const atA = inbox(a, "after");
  await a.ready();
  await a.close();
  await eventually("Redis sees the connections closed", async () => (await name()) === before);
  a.broadcast("after", "local");
  assert.equal(atA.received, ["local"]);
  await a.close(); // twice is harmless
});

test("an unreachable Redis fails the start with the address and the reason", async () => {
  const port = await freePort();
  // Rejecting at all is the point: without the start timeout, node-redis would retry forever.
  try {
    await createRedisPubSub({ url: `redis://:hunter2@127.0.0.1:${port}`, startTimeoutMs: 300, logger: new MemoryLogger() });
    assert.unreachable("should have rejected");
  } catch (error) {
    const message = (error as Error).message;
    assert.match(message, new RegExp(`could not connect to redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} within 300 ms: .*ECONNREFUSED`));
    assert.not.match(message, /hunter2/, "the password is not logged");
  }
});

test("after Redis restarts both instances reconnect, re-subscribe, and say what was missed", async (ctx) => {
  const logA = new MemoryLogger();
  const logB = new MemoryLogger();
  const a = await adapter(ctx, { logger: logA });
  const b = await adapter(ctx, { logger: logB });
  const atA = inbox(a, "live");
  const atB = inbox(b, "live");
  await a.ready();
  b.broadcast("live", "before");
  await atA.count(1);

  await ctx.redis.stop();
  await eventually("both notice", () => logA.has("warn", "subscriber lost its connection") && logB.has("warn", "publisher lost its connection"));
  b.broadcast("live", "during");
  assert.equal(atB.received, ["before", "during"], "the sender's own views keep working without Redis");

  await ctx.redis.restart();
  await eventually("both reconnect", () => logA.has("info", "subscriber reconnected") && logB.has("info", "publisher reconnected"));
  assert.ok(logB.has("info", "1 broadcast made meanwhile reached this process only"), JSON.stringify(logB.messages));
  await eventually("A is subscribed again", async () => (await numsub(ctx, "livehtml:live")) === 2);
  b.broadcast("live", "after");
  await atA.count(2);
  assert.equal(atA.received, ["before", "after"]);
});

test("without the redis package installed, createRedisPubSub says how to install it", () => {
  // The runtime copied where no node_modules is above it.
  const dir = mkdtempSync(join(tmpdir(), "livehtml-no-redis-"));
  try {
    cpSync("runtime", join(dir, "runtime"), { recursive: true });
    writeFileSync(
      join(dir, "main.ts"),
      `import { createRedisPubSub } from "./runtime/redis/index.ts";\n` +
        `createRedisPubSub().then(() => console.log("connected?"), (e) => console.log("rejected: " + e.message));\n`,
    );
    const out = execFileSync(process.execPath, ["--import", "tsx", join(dir, "main.ts")], { encoding: "utf8", timeout: 60_000 });
    assert.match(out, /rejected: livehtml\/redis needs the "redis" package, which is not installed: run `npm install redis@6`/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
