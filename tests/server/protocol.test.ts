import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, live, liveComponent, MemoryLogger, type LiveServer } from "../../runtime/server/index.ts";
import { SALT } from "../../runtime/server/context.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { TestSocket, readPage, type Message } from "./helpers/client.ts";

// The fixture's template is a `.live.html` file: the loader compiles it on import.
await import("../../runtime/register.ts");
const { sensor, setPoints, ThermostatView } = await import("./fixtures/thermostat.ts");

const Toggle = liveComponent<{ on: boolean }>({
  name: "Toggle",
  mount: (socket) => void socket.assign("on", false),
  handleEvent: (_event, _value, socket) => void socket.update("on", (on) => !on),
  template: await loadTemplate('<button id={@id} phx-click="toggle" phx-target={@myself}>{@on ? "on" : "off"}</button>'),
});

const GoView = defineView<Record<string, never>>({
  name: "GoView",
  handleEvent: (_event, _value, socket) => void socket.putFlash("info", "moved").pushNavigate("/thermostat"),
  template: await loadTemplate('<button phx-click="go">Go</button>'),
});

const TogglesView = defineView<{ toggle: typeof Toggle; heading: string }>({
  name: "TogglesView",
  mount: (_params, _session, socket) => void socket.assign({ toggle: Toggle, heading: "Toggles" }),
  template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<section><h1>{@heading}</h1>{componentRef(@toggle, "x")}{componentRef(@toggle, "y")}</section>`),
});

const ConnectCrash = defineView<Record<string, never>>({
  name: "ConnectCrash",
  mount(_params, _session, socket) {
    if (socket.connected) throw new Error("database down");
  },
  template: await loadTemplate("<p>dead render works</p>"),
});

interface Ctx {
  server: LiveServer;
  port: number;
  logger: MemoryLogger;
}

const protocol = suite<Ctx>("WebSocket protocol");

protocol.before(async (ctx) => {
  ctx.logger = new MemoryLogger();
  ctx.server = createServer({
    routes: [live("/thermostat", ThermostatView), live("/rooms/:id/thermostat", ThermostatView), live("/toggles", TogglesView), live("/go", GoView), live("/connect-crash", ConnectCrash)],
    secret: "test secret that is long enough",
    logger: ctx.logger,
    maxFrameBytes: 4096,
    session: (req) => ({ userId: String(req.headers["x-user"] ?? "alice"), tickMs: 60_000 }),
  });
  ctx.port = (await ctx.server.listen(0)).port;
  setPoints.set("alice", 70);
  sensor.reading = 68;
});

protocol.after(async (ctx) => {
  await ctx.server.close();
});

async function page(ctx: Ctx, path = "/thermostat") {
  const res = await fetch(`http://127.0.0.1:${ctx.port}${path}`);
  return { status: res.status, html: await res.text() };
}

async function joined(ctx: Ctx, path = "/thermostat") {
  const { html } = await page(ctx, path);
  const p = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: p.csrf });
  const topic = `lv:${p.id}`;
  const reply = await socket.push("1", topic, "phx_join", {
    url: `http://127.0.0.1:${ctx.port}${path}`,
    params: { _csrf_token: p.csrf, _mounts: 0 },
    session: p.session,
    static: p.static,
  });
  return { socket, topic, reply, page: p, html };
}

const ok = (m: Message) => (m[4] as { status: string }).status === "ok";
const response = (m: Message) => (m[4] as { response: Record<string, unknown> }).response;

protocol("GET renders the page with the container, tokens and CSRF meta", async (ctx) => {
  const { status, html } = await page(ctx);
  assert.is(status, 200);
  const p = readPage(html);
  assert.match(html, new RegExp(`<div id="${p.id}" data-phx-main data-phx-session=`));
  assert.ok(html.includes('<span id="set-point">70</span>'));
  const missing = await page(ctx, "/nope");
  assert.is(missing.status, 404);
});

protocol("path params route to the view", async (ctx) => {
  const { status } = await page(ctx, "/rooms/7/thermostat");
  assert.is(status, 200);
});

protocol("heartbeat, join, event and leave on a well-formed session", async (ctx) => {
  const { socket, topic, reply, html } = await joined(ctx);
  const hb = await socket.push(null, "phoenix", "heartbeat", {});
  assert.equal(hb, [null, hb[1], "phoenix", "phx_reply", { status: "ok", response: {} }]);
  assert.ok(ok(reply), JSON.stringify(reply));
  assert.is(response(reply).liveview_version, "1.2.12");
  const rendered = response(reply).rendered as Record<string, unknown>;
  assert.is(rendered["1"], "70");
  assert.ok(html.includes("Set point"));
  const click = await socket.push("1", topic, "event", { type: "click", event: "inc", value: { value: "" } });
  assert.equal(response(click), { diff: { "1": "71" } });
  const leave = await socket.push("1", topic, "phx_leave", {});
  assert.ok(ok(leave));
  const after = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
  assert.equal(after[4], { status: "error", response: { reason: "unmatched topic" } });
  socket.close();
});

protocol("malformed JSON, wrong arity and bad payloads are answered, the socket stays up", async (ctx) => {
  const { socket, topic } = await joined(ctx);
  socket.sendRaw("{not json");
  const err = await socket.waitFor((m) => m[2] === "phoenix" && m[3] === "phx_error");
  assert.match(String(err[4].reason), /malformed JSON/);
  socket.sendRaw(JSON.stringify(["1", "77", topic, "event"]));
  const arity = await socket.waitFor((m) => m[1] === "77");
  assert.equal(arity[4], { status: "error", response: { reason: "a frame must have 5 elements, got 4" } });
  const bad = await socket.push("1", topic, "event", { nope: true });
  assert.equal(bad[4], { status: "error", response: { reason: "malformed event" } });
  const still = await socket.push("1", topic, "event", { type: "click", event: "inc", value: {} });
  assert.ok(ok(still));
  assert.ok(ctx.logger.has("error", "malformed JSON"));
  socket.close();
});

protocol("unknown topics and stale join_refs get `unmatched topic`", async (ctx) => {
  const { socket, topic } = await joined(ctx);
  const unknown = await socket.push("9", "lv:phx-nothere", "event", { type: "click", event: "inc", value: {} });
  assert.equal(unknown[4], { status: "error", response: { reason: "unmatched topic" } });
  const notLv = await socket.push("9", "rooms:lobby", "phx_join", {});
  assert.equal(notLv[4], { status: "error", response: { reason: "unmatched topic" } });
  const staleRef = await socket.push("2", topic, "event", { type: "click", event: "inc", value: {} });
  assert.equal(staleRef[4], { status: "error", response: { reason: "unmatched topic" } });
  socket.close();
});

protocol("forged, expired and mismatched tokens, missing or wrong CSRF are answered `stale`", async (ctx) => {
  const { html } = await page(ctx);
  const p = readPage(html);
  const other = readPage((await page(ctx)).html);
  const socket = await TestSocket.open(ctx.port);
  const url = `http://127.0.0.1:${ctx.port}/thermostat`;
  const join = (topic: string, payload: Record<string, unknown>) => socket.push("1", topic, "phx_join", { url, static: p.static, ...payload });
  const stale = { status: "error", response: { reason: "stale" } };
  const forged = p.session.slice(0, -3) + (p.session.endsWith("AAA") ? "BBB" : "AAA");
  assert.equal((await join(`lv:${p.id}`, { session: forged, params: { _csrf_token: p.csrf } }))[4], stale);
  const expired = ctx.server.context.signer.sign(SALT.session, { id: p.id, view: "ThermostatView", main: true, session: {}, csrf: "x" }, 1000, Date.now() - 5000);
  assert.equal((await join(`lv:${p.id}`, { session: expired, params: { _csrf_token: p.csrf } }))[4], stale);
  assert.equal((await join(`lv:${p.id}`, { session: p.session, params: {} }))[4], stale);
  assert.equal((await join(`lv:${p.id}`, { session: p.session, params: { _csrf_token: other.csrf } }))[4], stale);
  assert.equal((await join(`lv:${other.id}`, { session: p.session, params: { _csrf_token: p.csrf } }))[4], stale);
  const good = await join(`lv:${p.id}`, { session: p.session, params: { _csrf_token: p.csrf } });
  assert.ok(ok(good));
  assert.ok(ctx.logger.has("warn", "session token invalid"));
  assert.ok(ctx.logger.has("warn", "session token expired"));
  socket.close();
});

protocol("an unknown view event crashes that view only: phx_error, and other views keep working", async (ctx) => {
  const a = await joined(ctx);
  const b = await joined(ctx);
  a.socket.sendRaw(JSON.stringify(["1", "50", a.topic, "event", { type: "click", event: "explode", value: {} }]));
  const crash = await a.socket.waitFor((m) => m[3] === "phx_error" && m[2] === a.topic);
  assert.equal(crash, ["1", "1", a.topic, "phx_error", {}]);
  assert.ok(ctx.logger.has("error", /view ThermostatView .* crashed in handleEvent\("explode"\)/));
  const other = await b.socket.push("1", b.topic, "event", { type: "click", event: "inc", value: {} });
  assert.ok(ok(other));
  // The client rejoins the crashed topic with a new join_ref and gets a fresh mount.
  const rejoin = await a.socket.push("2", a.topic, "phx_join", {
    url: `http://127.0.0.1:${ctx.port}/thermostat`,
    params: { _csrf_token: a.page.csrf, _mounts: 1 },
    session: a.page.session,
    static: a.page.static,
  });
  assert.ok(ok(rejoin));
  const unknownChannelEvent = await b.socket.push("1", b.topic, "bogus", {});
  assert.equal(unknownChannelEvent[4], { status: "error", response: { reason: "unknown event" } });
  a.socket.close();
  b.socket.close();
});

protocol("an oversized frame closes that socket with 1009; others are served", async (ctx) => {
  const a = await joined(ctx);
  const b = await joined(ctx);
  a.socket.sendRaw(JSON.stringify(["1", "5", a.topic, "event", { type: "click", event: "inc", value: { big: "x".repeat(10_000) } }]));
  assert.is(await a.socket.closed(), 1009);
  const other = await b.socket.push("1", b.topic, "event", { type: "click", event: "inc", value: {} });
  assert.ok(ok(other));
  const { status } = await page(ctx);
  assert.is(status, 200);
  b.socket.close();
});

protocol("a component's own event is answered with only that component's diff", async (ctx) => {
  const { socket, topic, reply } = await joined(ctx, "/toggles");
  const rendered = response(reply).rendered as { c: Record<string, unknown> };
  assert.equal(Object.keys(rendered.c), ["1", "2"]);
  const toggled = await socket.push("1", topic, "event", { type: "click", event: "toggle", value: {}, cid: 2 });
  assert.equal(response(toggled), { diff: { c: { 2: { 2: "on" } } } });
  const again = await socket.push("1", topic, "event", { type: "click", event: "toggle", value: {}, cid: 2 });
  assert.equal(response(again), { diff: { c: { 2: { 2: "off" } } } });
  socket.close();
});

protocol("an event that navigates away is answered with live_redirect and signed flash, then the topic is gone", async (ctx) => {
  const { socket, topic } = await joined(ctx, "/go");
  const go = await socket.push("1", topic, "event", { type: "click", event: "go", value: {} });
  const target = response(go).live_redirect as { to: string; kind: string; flash: string };
  assert.equal([target.to, target.kind], ["/thermostat", "push"]);
  assert.equal(ctx.server.context.signer.verify(SALT.flash, target.flash), { ok: true, data: { info: "moved" } });
  const after = await socket.push("1", topic, "event", { type: "click", event: "go", value: {} });
  assert.equal(after[4], { status: "error", response: { reason: "unmatched topic" } });
  socket.close();
});

protocol("a crash in the connected mount is answered by the join's error reply alone (no phx_error first)", async (ctx) => {
  const { socket, topic, reply } = await joined(ctx, "/connect-crash");
  assert.equal(reply[4], { status: "error", response: { reason: "join crashed" } });
  const forTopic = socket.messages.filter((m) => m[2] === topic);
  assert.equal(forTopic.map((m) => m[3]), ["phx_reply"], JSON.stringify(forTopic));
  assert.ok(ctx.logger.has("error", /view ConnectCrash .* crashed in mount: database down/));
  socket.close();
});

protocol("phx_leave is answered ok and then the channel is closed with phx_close", async (ctx) => {
  const { socket, topic } = await joined(ctx);
  const leave = await socket.push("1", topic, "phx_leave", {});
  assert.ok(ok(leave));
  const close = await socket.waitFor((m) => m[3] === "phx_close" && m[2] === topic);
  assert.equal(close, ["1", "1", topic, "phx_close", {}]);
  assert.ok(socket.messages.indexOf(leave) < socket.messages.indexOf(close), "the reply comes first");
  socket.close();
});

protocol.run();
