// Nested live views over a real server: the HTTP render places the child with its own tokens,
// the connected render places a stable empty container, the child joins its own channel beside
// its parent, crashes stay apart, a parent's end ends its children, ids are checked.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, live, liveRender, MemoryLogger, type LiveServer } from "../../runtime/server/index.ts";
import { Clock, ended, Parent, ParamsChild, ParamsHost, Twice } from "./fixtures/nested-views.ts";
import { extract, mergeDiff } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import type { WireMessageDiff } from "../../runtime/shared/wire.ts";
import { TestSocket, readPage, type Message } from "./helpers/client.ts";

const secret = "test secret that is long enough";

const test = suite<{ server: LiveServer; port: number; logger: MemoryLogger }>("nested live views");

test.before(async (ctx) => {
  ctx.logger = new MemoryLogger();
  ctx.server = createServer({ routes: [live("/parent", Parent), live("/twice", Twice), live("/host", ParamsHost), live("/params", ParamsChild)], secret, logger: ctx.logger, session: () => ({ user: "ann" }) });
  ctx.port = (await ctx.server.listen(0)).port;
});
test.after(async (ctx) => ctx.server.close());

async function page(ctx: { port: number }, path: string) {
  const res = await fetch(`http://127.0.0.1:${ctx.port}${path}`);
  return { status: res.status, html: await res.text() };
}

function childTokens(html: string, id: string) {
  const m = new RegExp(`<div id="${id}" data-phx-session="([^"]*)" data-phx-static="([^"]*)" data-phx-parent-id="([^"]+)">`).exec(html);
  if (!m) throw new Error(`no child container ${id} in:\n${html}`);
  return { session: m[1]!, static: m[2]!, parent: m[3]! };
}

type Reply = { status: string; response: Record<string, unknown> };

/** Joins the page's parent and its child on one socket. */
async function joinBoth(ctx: { port: number }) {
  const { html } = await page(ctx, "/parent");
  const root = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: root.csrf });
  const url = `http://127.0.0.1:${ctx.port}/parent`;
  const parentReply = (await socket.push("1", `lv:${root.id}`, "phx_join", { url, params: { _mounts: 0 }, session: root.session, static: root.static }))[4] as Reply;
  const connectedHTML = toHTML(mergeDiff(null, extract(parentReply.response.rendered as WireMessageDiff).diff));
  const connected = childTokens(connectedHTML, "clock");
  const childReply = (await socket.push("2", "lv:clock", "phx_join", { params: { _mounts: 0 }, session: connected.session, static: childTokens(html, "clock").static }))[4] as Reply;
  return { html, root, socket, parentReply, childReply, connected, connectedHTML };
}

test("the HTTP render places the child inline, with its own tokens and its parent's id", async (ctx) => {
  const { status, html } = await page(ctx, "/parent");
  assert.is(status, 200);
  const root = readPage(html);
  const child = childTokens(html, "clock");
  assert.is(child.parent, root.id);
  assert.ok(child.session.length > 20, "a signed session token");
  assert.is(child.static, "", "no flash, so no static token to sign");
  assert.ok(html.includes('<p id="ticks">0 in utc for ann (parent label)</p>'), "the child's content, mounted with its session over its parent's, and assignNew reusing the parent's assigns");
});

test("the connected render places an empty container; the child joins beside its parent; events stay in their own view", async (ctx) => {
  ended.length = 0;
  const { socket, parentReply, childReply, root, connectedHTML } = await joinBoth(ctx);
  assert.is(parentReply.status, "ok");
  assert.ok(connectedHTML.includes(`data-phx-parent-id="${root.id}"></div>`), `an empty child container: ${connectedHTML}`);
  assert.is(childReply.status, "ok", JSON.stringify(childReply));
  const childHTML = toHTML(mergeDiff(null, extract(childReply.response.rendered as WireMessageDiff).diff));
  assert.is(childHTML.split("<button")[0], '<p id="ticks">0 in utc for ann (parent label)</p>', "mounted with its session and its parent's assigns");

  const tick = (await socket.push("2", "lv:clock", "event", { type: "click", event: "tick", value: {} }))[4] as Reply;
  assert.equal(tick.response, { diff: { 0: "1" } });
  const inc = (await socket.push("1", `lv:${root.id}`, "event", { type: "click", event: "inc", value: {} }))[4] as Reply;
  assert.equal(inc.response, { diff: { 0: "1" } }, "the parent's diff does not touch the child's container");
  socket.close();
  await socket.closed();
});

test("a crash in the child leaves the parent running; the child rejoins", async (ctx) => {
  const { socket, root, connected } = await joinBoth(ctx);
  await socket.push("2", "lv:clock", "event", { type: "click", event: "boom", value: {} }).catch(() => null);
  await socket.waitFor((m) => m[2] === "lv:clock" && m[3] === "phx_error");
  const inc = (await socket.push("1", `lv:${root.id}`, "event", { type: "click", event: "inc", value: {} }))[4] as Reply;
  assert.equal(inc.response, { diff: { 0: "1" } }, "the parent kept its state");
  const rejoin = (await socket.push("3", "lv:clock", "phx_join", { params: { _mounts: 1 }, session: connected.session, static: "" }))[4] as Reply;
  assert.is(rejoin.status, "ok", JSON.stringify(rejoin));
  socket.close();
  await socket.closed();
});

test("a crash in the parent ends the child (phx_close); the child joins again under the parent's next join", async (ctx) => {
  ended.length = 0;
  const { socket, root, connected } = await joinBoth(ctx);
  await socket.push("1", `lv:${root.id}`, "event", { type: "click", event: "boom", value: {} }).catch(() => null);
  const order = (await socket.waitFor((m) => m[2] === "lv:clock" && m[3] === "phx_close"), socket.messages.map((m: Message) => `${m[2] === "lv:clock" ? "child" : "parent"} ${m[3]}`));
  assert.ok(order.indexOf("parent phx_error") < order.indexOf("child phx_close"), order.join(", "));
  assert.ok(ended.includes("clock parent exited"), ended.join(", "));
  const orphan = (await socket.push("3", "lv:clock", "phx_join", { params: {}, session: connected.session, static: "" }))[4] as Reply;
  assert.equal(orphan, { status: "error", response: { reason: "stale" } }, "no child without its parent");
  socket.close();
  await socket.closed();
});

test("the parent leaving ends the child; a child the parent does not render cannot join", async (ctx) => {
  ended.length = 0;
  const { socket, root, connected } = await joinBoth(ctx);
  await socket.push("1", `lv:${root.id}`, "event", { type: "click", event: "hide", value: {} });
  await socket.push("1", `lv:${root.id}`, "phx_leave", {});
  await socket.waitFor((m) => m[2] === "lv:clock" && m[3] === "phx_close");
  assert.ok(ended.includes("clock parent exited") && ended.includes("parent leave"), ended.join(", "));
  socket.close();
  await socket.closed();
  void connected;
});

test("a dropped socket keeps a resumable parent waiting, but ends its nested views (they mount again under the parent's rejoin)", async (ctx) => {
  ended.length = 0;
  const { html } = await page(ctx, "/parent");
  const root = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: root.csrf });
  const url = `http://127.0.0.1:${ctx.port}/parent`;
  const parentReply = (await socket.push("1", `lv:${root.id}`, "phx_join", { url, params: { _mounts: 0 }, session: root.session, static: root.static, resume: true }))[4] as Reply;
  assert.ok(parentReply.response.resume, "the parent may resume");
  const connected = childTokens(toHTML(mergeDiff(null, extract(parentReply.response.rendered as WireMessageDiff).diff)), "clock");
  const childReply = (await socket.push("2", "lv:clock", "phx_join", { params: { _mounts: 0 }, session: connected.session, static: "", resume: true }))[4] as Reply;
  assert.is(childReply.status, "ok");
  socket.close();
  await socket.closed();
  for (let i = 0; i < 100 && ended.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(ended, ["clock closed"], "the child ended at the drop; the parent waits for its client");
});

test("a child id used twice in one render is a clear error", async (ctx) => {
  assert.is((await page(ctx, "/twice")).status, 200, "two ids");
  const res = await page(ctx, "/twice?second=same");
  assert.is(res.status, 500);
  assert.ok(ctx.logger.has("error", /the id "same" is used by more than one live view/), JSON.stringify(ctx.logger.messages.slice(-3)));
});

test("two views on one page cannot share an id: the second join is refused with a clear reason", async (ctx) => {
  const first = await joinBoth(ctx);
  const other = readPage((await page(ctx, "/parent")).html);
  const url = `http://127.0.0.1:${ctx.port}/parent`;
  const joined = (await first.socket.push("5", `lv:${other.id}`, "phx_join", { url, params: { _mounts: 0, _csrf_token: other.csrf }, session: other.session, static: other.static }))[4] as Reply;
  assert.is(joined.status, "ok");
  const html = toHTML(mergeDiff(null, extract(joined.response.rendered as WireMessageDiff).diff));
  const clash = (await first.socket.push("6", "lv:clock", "phx_join", { params: {}, session: childTokens(html, "clock").session, static: "" }))[4] as Reply;
  assert.equal(clash, { status: "error", response: { reason: "duplicate id" } });
  assert.ok(ctx.logger.has("error", /two live views on this page use the id "clock"/));
  const tick = (await first.socket.push("2", "lv:clock", "event", { type: "click", event: "tick", value: {} }))[4] as Reply;
  assert.is(tick.status, "ok", "the first child keeps running");
  first.socket.close();
  await first.socket.closed();
});

test("a root layout places sticky live views beside the main view, rendered over HTTP with their own tokens", async () => {
  const server = createServer({
    routes: [live("/parent", Parent)],
    secret,
    logger: new MemoryLogger(),
    session: () => ({ user: "bo" }),
    layout: ({ inner, csrfToken }) => `<html><head><meta name="csrf-token" content="${csrfToken}"></head><body><aside>${liveRender(Clock, { id: "dock", sticky: true, session: { zone: "cet" }, container: { tag: "section", attrs: { class: "dock" } } })}</aside>${inner}</body></html>`,
  });
  const { port } = await server.listen(0);
  try {
    const html = await (await fetch(`http://127.0.0.1:${port}/parent`)).text();
    const dock = /<section id="dock" data-phx-session="([^"]+)" data-phx-static="([^"]*)" data-phx-sticky class="dock"><p id="ticks">0 in cet for bo \(own label\)<\/p>/.exec(html);
    assert.ok(dock, html);
    const root = readPage(html);
    const socket = await TestSocket.open(port, { _csrf_token: root.csrf });
    // A sticky view's join carries no URL: its token has the page's.
    const joined = (await socket.push("1", "lv:dock", "phx_join", { params: { _mounts: 0 }, session: dock[1], static: dock[2], sticky: true }))[4] as Reply;
    assert.is(joined.status, "ok", JSON.stringify(joined));
    socket.close();
    await socket.closed();
  } finally {
    await server.close();
  }
});

test("a nested view with handleParams fails its HTTP render with a clear error naming it, a callback or a hook alike; at a route it works", async (ctx) => {
  assert.ok((await page(ctx, "/params?page=3")).html.includes('<p id="page">3</p>'), "at a route its handleParams runs");
  const from = ctx.logger.messages.length;
  assert.is((await page(ctx, "/host?child=params")).status, 500, "a child whose mount fails fails the page's HTTP render, as any child's mount error does");
  assert.ok(ctx.logger.has("error", /ParamsChild is a nested live view \(liveRender\) and has a handleParams callback: only a view mounted at a route gets URL params/), JSON.stringify(ctx.logger.messages.slice(from)));
  assert.is((await page(ctx, "/host?child=hooked")).status, 500);
  assert.ok(ctx.logger.has("error", /HookedChild is a nested live view \(liveRender\) and has a handleParams hook \(attachHook\)/), JSON.stringify(ctx.logger.messages.slice(from)));
});

test("a nested view with handleParams is refused at its join: only that child ends, its parent keeps running", async (ctx) => {
  for (const child of ["params", "hooked"]) {
    const path = `/host?child=${child}&lazy=1`;
    const { status, html } = await page(ctx, path);
    assert.is(status, 200, "the HTTP render does not place the child");
    const root = readPage(html);
    const socket = await TestSocket.open(ctx.port, { _csrf_token: root.csrf });
    const parentReply = (await socket.push("1", `lv:${root.id}`, "phx_join", { url: `http://127.0.0.1:${ctx.port}${path}`, params: { _mounts: 0 }, session: root.session, static: root.static }))[4] as Reply;
    assert.is(parentReply.status, "ok", JSON.stringify(parentReply));
    const connected = childTokens(toHTML(mergeDiff(null, extract(parentReply.response.rendered as WireMessageDiff).diff)), "kid");
    const from = ctx.logger.messages.length;
    const childReply = (await socket.push("2", "lv:kid", "phx_join", { params: { _mounts: 0 }, session: connected.session, static: "" }))[4] as Reply;
    assert.equal(childReply, { status: "error", response: { reason: "join crashed" } });
    const name = child === "params" ? "ParamsChild" : "HookedChild";
    assert.ok(ctx.logger.has("error", new RegExp(`${name} is a nested live view \\(liveRender\\) and has a handleParams`)), JSON.stringify(ctx.logger.messages.slice(from)));
    const inc = (await socket.push("1", `lv:${root.id}`, "event", { type: "click", event: "inc", value: {} }))[4] as Reply;
    assert.equal(inc.response, { diff: { 0: "1" } }, "the parent keeps running");
    socket.close();
    await socket.closed();
  }
});

test("a nested view's pushPatch goes to the page's root: the root's handleParams runs and it pushes the live_patch", async (ctx) => {
  const path = "/host?child=patching";
  const { html } = await page(ctx, path);
  const root = readPage(html);
  const socket = await TestSocket.open(ctx.port, { _csrf_token: root.csrf });
  const parentReply = (await socket.push("1", `lv:${root.id}`, "phx_join", { url: `http://127.0.0.1:${ctx.port}${path}`, params: { _mounts: 0 }, session: root.session, static: root.static }))[4] as Reply;
  const rendered = parentReply.response.rendered as WireMessageDiff;
  assert.ok(toHTML(mergeDiff(null, extract(rendered).diff)).includes('<p id="tab">none</p>'));
  const tokens = childTokens(toHTML(mergeDiff(null, extract(rendered).diff)), "kid");
  const childReply = (await socket.push("2", "lv:kid", "phx_join", { params: { _mounts: 0 }, session: tokens.session, static: "" }))[4] as Reply;
  assert.is(childReply.status, "ok", JSON.stringify(childReply));
  const go = (await socket.push("2", "lv:kid", "event", { type: "click", event: "go", value: { tab: "2" } }))[4] as Reply;
  assert.equal(go.response, { diff: { 0: "1" } }, "the child's reply has its own diff and no live_patch");
  const patch = await socket.waitFor((m) => m[2] === `lv:${root.id}` && m[3] === "live_patch");
  assert.equal(patch[4], { to: "/host?child=patching&tab=2", kind: "push" });
  const diff = await socket.waitFor((m) => m[2] === `lv:${root.id}` && m[3] === "diff");
  assert.equal(diff[4], { 1: "2" }, "the root's handleParams ran with the patched URL's params");
  socket.close();
  await socket.closed();
});

test("liveRender outside a live view's render says where it works", async () => {
  assert.throws(() => liveRender(Clock, { id: "x" }), /renders only inside a live view's template or a root layout/);
  assert.throws(() => liveRender(Clock, { id: "1bad" }), /`id` must be a string that starts with a letter/);
});

test.run();
