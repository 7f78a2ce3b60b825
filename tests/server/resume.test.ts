// Resume instead of remount: the retention buffer on its own, then a real server where a client
// drops its socket, misses pushed diffs, and rejoins to get them replayed with the view's state kept.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DiffLog, ResumeStore, resolveResume, type Resumable } from "../../runtime/server/resume.ts";
import { defineView, live, MemoryLogger } from "../../runtime/server/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { TestSocket, type Message } from "./helpers/client.ts";
import { click, getPage, response, startApp, status, within, type App } from "./helpers/live-app.ts";
import { readPage } from "./helpers/client.ts";

const units = suite("resume: the retention buffer");

units("a log numbers diffs from 1 and gives back those after a sequence number", () => {
  const log = new DiffLog(1024);
  assert.equal([log.record('{"0":"a"}'), log.record('{"0":"b"}'), log.record('{"0":"c"}')], [1, 2, 3]);
  assert.equal(log.after(3), []);
  assert.equal(log.after(1), ['{"0":"b"}', '{"0":"c"}']);
  assert.equal(log.after(0), ['{"0":"a"}', '{"0":"b"}', '{"0":"c"}']);
  assert.is(log.after(4), null, "a sequence number the log never gave");
  assert.is(log.after(-1), null);
  assert.is(log.after("1"), null, "not a number");
  assert.is(log.after(1.5), null);
});

units("connected, a log keeps only its latest diffs; waiting, it keeps them all", () => {
  const log = new DiffLog(1000);
  for (let i = 0; i < 40; i++) log.record(`"${i}"`);
  assert.is(log.after(0), null, "the first diffs are gone");
  assert.is(log.after(7), null, "only the last 32 are held");
  assert.is(log.after(8)!.length, 32);
  const big = new DiffLog(10);
  big.record('"0123456789"');
  big.record('"abc"');
  assert.is(big.after(0), null, "over its bytes, the oldest goes");
  assert.equal(big.after(1), ['"abc"']);
  big.keepAll();
  for (let i = 0; i < 100; i++) big.record(`"${i}"`);
  assert.is(big.after(1)!.length, 101, "diff 2 and the 100 after it");
  assert.ok(big.bytes > 10);
});

units("a broken log replays nothing", () => {
  const log = new DiffLog(100);
  log.record("{}");
  log.break();
  assert.is(log.after(1), null);
  assert.is(log.after(0), null);
});

function resumable(id: string, token: string, log = new DiffLog(1024)): Resumable & { ended: string[] } {
  const ended: string[] = [];
  return { id, resumeToken: token, log, ended, end: (reason) => void ended.push(reason), detach() {} };
}

units("the store hands a waiting view back only for its id and token, once", () => {
  const store = new ResumeStore(resolveResume({ windowMs: 60_000 }), new MemoryLogger());
  const view = resumable("phx-a", "secret-a");
  view.log!.record('{"0":"1"}');
  assert.ok(store.keep(view));
  view.log!.record('{"0":"2"}');
  store.grew(view);
  assert.is(store.take("phx-b", "secret-a", 0), null, "another container's id");
  assert.is(store.take("phx-a", "secret-b", 0), null, "the page tokens alone (a wrong resume token)");
  assert.is(store.take("phx-a", undefined, 0), null);
  const taken = store.take("phx-a", "secret-a", 1);
  assert.ok(taken);
  assert.equal(taken!.replay, ['{"0":"2"}']);
  assert.is(store.take("phx-a", "secret-a", 1), null, "taken once");
  assert.equal(view.ended, []);
  store.shutdown();
});

units("the store ends what it cannot replay, and stays within its bounds", () => {
  const store = new ResumeStore(resolveResume({ windowMs: 60_000, maxViews: 2, maxBytes: 50, viewBytes: 30 }), new MemoryLogger());
  const a = resumable("a", "ta");
  const b = resumable("b", "tb");
  const c = resumable("c", "tc");
  store.keep(a);
  store.keep(b);
  store.keep(c);
  assert.equal(a.ended, ["closed"], "past maxViews the one waiting longest ends");
  assert.is(store.size, 2);
  for (let i = 0; i < 4; i++) (b.log!.record('"123456"'), store.grew(b));
  assert.equal(b.ended, ["closed"], "a view over viewBytes while waiting ends");
  assert.is(store.size, 1);
  c.log!.record('"0123456789012345678901234"');
  store.grew(c);
  const d = resumable("d", "td");
  d.log!.record('"0123456789012345678901234"');
  store.keep(d);
  assert.equal(c.ended, ["closed"], "past maxBytes the one waiting longest ends");
  assert.is(store.bytes, d.log!.bytes);
  assert.is(store.take("d", "td", 5), null, "a sequence number it cannot serve");
  assert.equal(d.ended, ["closed"], "…ends the view: its client mounts again");
  assert.is(store.size, 0);
  assert.is(store.bytes, 0);
});

units("resume options are checked; false turns resume off", () => {
  assert.is(resolveResume(false).windowMs, 0);
  assert.is(resolveResume(undefined).windowMs, 30_000);
  assert.throws(() => resolveResume({ maxViews: 0 }), /resume.maxViews must be a positive number/);
  const off = new ResumeStore(resolveResume(false), new MemoryLogger());
  assert.is(off.keep(resumable("a", "t")), false);
});

units.run();

const server = suite("resume over a real WebSocket");

async function joinFeed(app: App, resume: unknown) {
  const { html } = await getPage(app, "/counter?feed=1");
  const page = readPage(html);
  const socket = await TestSocket.open(app.port, { _csrf_token: page.csrf });
  const topic = `lv:${page.id}`;
  const payload = (extra: Record<string, unknown>) => ({
    url: `${app.origin}/counter?feed=1`,
    params: { _csrf_token: page.csrf, _mounts: 0 },
    session: page.session,
    static: page.static,
    ...extra,
  });
  const reply = await socket.push("1", topic, "phx_join", payload(resume === undefined ? {} : { resume }));
  return { socket, topic, reply, page, payload };
}

/** Waits until the server has noticed the socket closed. */
async function untilClosed(app: App): Promise<void> {
  for (let i = 0; i < 200 && app.server.connectionCount > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

const diffs = (socket: TestSocket, topic: string) => socket.messages.filter((m) => m[2] === topic && m[3] === "diff").map((m) => m[4]);

server("a client that rejoins in the window gets the diffs it missed, and the view keeps its state", async () => {
  const app = await startApp();
  try {
    const first = await joinFeed(app, true);
    assert.is(status(first.reply), "ok");
    const granted = response(first.reply).resume as { token: string; seq: number };
    assert.is(typeof granted.token, "string");
    assert.ok(granted.token.length >= 20);
    assert.is(granted.seq, 0);
    // Two clicks (replies carrying diffs) and a push: the client applied diffs 1–3.
    await click(first.socket, first.topic);
    await click(first.socket, first.topic);
    app.server.context.pubsub.broadcast("feed", "one");
    await first.socket.waitFor((m) => m[3] === "diff");
    first.socket.close();
    await untilClosed(app);
    // Three updates while the client is away; the view keeps running.
    for (const message of ["two", "three", "four"]) app.server.context.pubsub.broadcast("feed", message);
    const second = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const again = await second.push("5", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 3 } }));
    assert.is(status(again), "ok");
    const body = response(again);
    assert.is(body.rendered, undefined, "no mount: no full render");
    assert.equal(body.replay, [{ "1": "two" }, { "1": "three" }, { "1": "four" }]);
    assert.equal(body.resume, { token: granted.token, seq: 6 });
    // The count made before the drop is still there: the next click makes it 3, not 1.
    const next = await second.push("5", first.topic, "event", { type: "click", event: "inc", value: {} });
    assert.equal(response(next), { diff: { "0": "3" } });
    // And diffs keep their numbers on the new socket.
    app.server.context.pubsub.broadcast("feed", "five");
    await second.waitFor((m) => m[3] === "diff" && m[0] === "5");
    assert.equal(diffs(second, first.topic), [{ "1": "five" }]);
    second.close();
  } finally {
    await app.server.close();
  }
});

server("the page tokens alone, an old sequence number, or the official client's join mount again", async () => {
  const app = await startApp();
  try {
    const first = await joinFeed(app, true);
    const granted = response(first.reply).resume as { token: string };
    await click(first.socket, first.topic);
    first.socket.close();
    await untilClosed(app);
    const attacker = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const forged = await attacker.push("1", first.topic, "phx_join", first.payload({ resume: { token: "A".repeat(24), seq: 1 } }));
    assert.is(status(forged), "ok");
    assert.ok(response(forged).rendered, "a wrong resume token mounts a new view");
    assert.equal((response(forged).rendered as Record<string, unknown>)["0"], "0", "…which does not see the first view's state");
    attacker.close();
    await untilClosed(app);
    // The real client still resumes its own view: the attacker's join did not take it.
    const back = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const resumed = await back.push("1", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 1 } }));
    assert.equal(response(resumed).replay, []);
    back.close();
    await untilClosed(app);
    // A sequence number the view cannot serve: mounted again.
    const late = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const stale = await late.push("1", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 99 } }));
    assert.ok(response(stale).rendered);
    late.close();
    await untilClosed(app);
    const waiting = app.server.context.resume.size;
    // The official client sends no `resume`: it is granted none, and its view ends with its socket.
    const official = await joinFeed(app, undefined);
    assert.is(response(official.reply).resume, undefined);
    official.socket.close();
    await untilClosed(app);
    assert.is(app.server.context.resume.size, waiting, "nothing waits for a client that cannot resume");
  } finally {
    await app.server.close();
  }
});

server("a client back on a new socket before the server saw its old one die takes its view over", async () => {
  const app = await startApp();
  try {
    const first = await joinFeed(app, true);
    const granted = response(first.reply).resume as { token: string };
    await click(first.socket, first.topic);
    app.server.context.pubsub.broadcast("feed", "one");
    await first.socket.waitFor((m) => m[3] === "diff");
    // The old socket is still open as far as the server knows (a network change leaves it half-open).
    const second = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const again = await second.push("4", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 1 } }));
    assert.equal(response(again).replay, [{ "1": "one" }], "the diff the client had not applied");
    assert.equal(response(again).resume, { token: granted.token, seq: 2 });
    app.server.context.pubsub.broadcast("feed", "two");
    await second.waitFor((m) => m[3] === "diff");
    assert.equal(diffs(first.socket, first.topic), [{ "1": "one" }], "the old socket is sent nothing more");
    assert.equal(response(await second.push("4", first.topic, "event", { type: "click", event: "inc", value: {} })), { diff: { "0": "2" } });
    first.socket.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(response(await second.push("4", first.topic, "event", { type: "click", event: "inc", value: {} })), { diff: { "0": "3" } }, "the old socket closing does not end the view");
    second.close();
  } finally {
    await app.server.close();
  }
});

server("past the window the view ends, and the rejoin mounts", async () => {
  const app = await startApp({ resume: { windowMs: 50 } });
  try {
    const first = await joinFeed(app, true);
    const granted = response(first.reply).resume as { token: string };
    first.socket.close();
    await untilClosed(app);
    assert.is(app.server.context.resume.size, 1);
    for (let i = 0; i < 100 && app.server.context.resume.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.is(app.server.context.resume.size, 0);
    const second = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const reply: Message = await within(2000, second.push("1", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 0 } })), "the join reply");
    assert.ok(response(reply).rendered);
    second.close();
  } finally {
    await app.server.close();
  }
});

server("an event's reply lost with the socket is replayed", async () => {
  const app = await startApp();
  try {
    const first = await joinFeed(app, true);
    const granted = response(first.reply).resume as { token: string };
    // Sent, and the socket closed at once: the client is not there to read the reply.
    first.socket.sendRaw(JSON.stringify(["1", "9", first.topic, "event", { type: "click", event: "inc", value: {} }]));
    first.socket.close();
    await untilClosed(app);
    const second = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const again = await second.push("1", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 0 } }));
    assert.equal(response(again).replay, [{ "0": "1" }]);
    second.close();
  } finally {
    await app.server.close();
  }
});

server("a reply still being computed when the socket drops reaches the client on its new socket, as a numbered push", async () => {
  let release: (() => void) | null = null;
  const SlowView = defineView<{ n: number }>({
    name: "SlowView",
    mount: (_params, _session, socket) => void socket.assign({ n: 0 }),
    async handleEvent(_event, _value, socket) {
      await new Promise<void>((resolve) => (release = resolve));
      socket.update("n", (n) => n + 1);
      return { reply: { done: true } };
    },
    template: await loadTemplate("<p>{@n}</p>"),
  });
  const app = await startApp({ routes: [live("/counter", SlowView)] });
  try {
    const first = await joinFeed(app, true);
    const granted = response(first.reply).resume as { token: string };
    first.socket.sendRaw(JSON.stringify(["1", "7", first.topic, "event", { type: "click", event: "slow", value: {} }]));
    // The handler is running (waiting on the test) before the socket goes.
    for (let i = 0; i < 200 && release === null; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(release, "the event reached the view");
    first.socket.close();
    await untilClosed(app);
    const second = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const again = await second.push("3", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 0 } }));
    assert.equal(response(again).replay, [], "nothing sent yet");
    release!();
    const pushed = await second.waitFor((m) => m[3] === "diff");
    assert.equal(pushed, ["3", null, first.topic, "diff", { "0": "1" }], "the diff, without the reply map nobody waits for");
    second.close();
    await untilClosed(app);
    // It was numbered: a client that applied it resumes from 1.
    const third = await TestSocket.open(app.port, { _csrf_token: first.page.csrf });
    const resumed = await third.push("1", first.topic, "phx_join", first.payload({ resume: { token: granted.token, seq: 1 } }));
    assert.equal(response(resumed).replay, []);
    assert.equal(response(resumed).resume, { token: granted.token, seq: 1 });
    third.close();
  } finally {
    await app.server.close();
  }
});

server.run();
