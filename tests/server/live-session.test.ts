// liveSession: hooks before mount on both renders (and halting with a redirect), session values,
// layouts, and live navigation kept inside one session.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, live, liveSession, MemoryLogger, type LiveServer, type OnMountHook } from "../../runtime/server/index.ts";
import { mountOrRedirect, mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { TestSocket, readPage } from "./helpers/client.ts";

const secret = "test secret that is long enough";
const calls: string[] = [];

const users: Record<string, { name: string }> = { "token-ann": { name: "Ann" } };

/** Loads the user from the session's token; without one, sends the visitor to /login. */
const requireUser: OnMountHook = (_params, session, socket) => {
  calls.push(`hook ${socket.connected ? "connected" : "http"}`);
  const user = users[String(session.userToken)];
  if (!user) {
    socket.redirect("/login");
    return "halt";
  }
  socket.assignNew("currentUser", () => user);
};

const Account = defineView<{ currentUser: { name: string }; area: string }>({
  name: "Account",
  mount(_p, session, socket) {
    calls.push(`mount ${socket.connected ? "connected" : "http"} ${socket.assigns.currentUser?.name}`);
    socket.assign("area", String(session.area));
  },
  template: await loadTemplate('<p id="who">{@currentUser.name} in {@area}</p>'),
});
const Settings = defineView<{ currentUser: { name: string } }>({
  name: "Settings",
  template: await loadTemplate('<p id="settings">settings of {@currentUser.name}</p>'),
});
const Public = defineView<Record<string, never>>({ name: "Public", template: await loadTemplate('<p id="public">public</p>') });

const layout = await loadTemplate('<div class="app"><nav>signed in: {@currentUser.name}</nav>{@inner_content}</div>');

const authenticated = liveSession(
  "authenticated",
  {
    onMount: requireUser,
    session: { area: "members" },
    layout,
    rootLayout: ({ inner, csrfToken, route, assigns }) =>
      `<html><head><meta name="csrf-token" content="${csrfToken}"></head><body data-route="${route?.path}" data-user="${(assigns?.currentUser as { name: string }).name}">${inner}</body></html>`,
  },
  [live("/account", Account), live("/settings", Settings)],
);

const test = suite<{ server: LiveServer; port: number; logger: MemoryLogger }>("live sessions");

test.before(async (ctx) => {
  ctx.logger = new MemoryLogger();
  ctx.server = createServer({
    routes: [...authenticated, live("/public", Public)],
    secret,
    logger: ctx.logger,
    session: (req) => ({ userToken: req.headers["x-token"] ?? null }),
  });
  ctx.port = (await ctx.server.listen(0)).port;
});
test.after(async (ctx) => ctx.server.close());

async function get(ctx: { port: number }, path: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${ctx.port}${path}`, { headers: token ? { "x-token": token } : {}, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

async function join(ctx: { port: number }, page: ReturnType<typeof readPage>, path: string, redirect: boolean) {
  const socket = await TestSocket.open(ctx.port);
  const url = `http://127.0.0.1:${ctx.port}${path}`;
  const reply = await socket.push("1", `lv:${page.id}`, "phx_join", {
    ...(redirect ? { redirect: url } : { url }),
    params: { _csrf_token: page.csrf, _mounts: 0 },
    session: page.session,
    static: page.static,
  });
  socket.close();
  return reply[4] as { status: string; response: Record<string, unknown> };
}

test("hooks run before mount on the HTTP render and on the connected mount", async (ctx) => {
  calls.length = 0;
  const page = await get(ctx, "/account", "token-ann");
  assert.is(page.status, 200);
  assert.ok(page.html.includes('<p id="who">Ann in members</p>'), page.html);
  const reply = await join(ctx, readPage(page.html), "/account", false);
  assert.is(reply.status, "ok", JSON.stringify(reply));
  assert.equal(calls, ["hook http", "mount http Ann", "hook connected", "mount connected Ann"]);
});

test("a hook halts the mount with a redirect: a 302 over HTTP", async (ctx) => {
  calls.length = 0;
  const page = await get(ctx, "/account");
  assert.equal([page.status, page.location], [302, "/login"]);
  assert.equal(calls, ["hook http"], "mount did not run");
});

test("the layout wraps the view in the container; the root layout is told the route and the assigns", async (ctx) => {
  const { html } = await get(ctx, "/settings", "token-ann");
  assert.match(html, /<body data-route="\/settings" data-user="Ann"><div id="phx-[^"]+" data-phx-main [^>]*><div class="app"><nav>signed in: Ann<\/nav><p id="settings">settings of Ann<\/p><\/div><\/div><\/body>/);
  const pub = await get(ctx, "/public");
  assert.ok(pub.html.startsWith("<!DOCTYPE html>"), "routes outside the session keep the server's layout");
  assert.ok(!pub.html.includes("signed in"));
});

test("live navigation stays inside a live session; into another one it is refused as unauthorized", async (ctx) => {
  const account = readPage((await get(ctx, "/account", "token-ann")).html);
  const inside = await join(ctx, account, "/settings", true);
  assert.is(inside.status, "ok", JSON.stringify(inside));
  const out = await join(ctx, account, "/public", true);
  assert.equal(out, { status: "error", response: { reason: "unauthorized" } });
  const pub = readPage((await get(ctx, "/public")).html);
  const into = await join(ctx, pub, "/account", true);
  assert.equal(into, { status: "error", response: { reason: "unauthorized" } }, "no way into the session without its HTTP request");
  assert.ok(ctx.logger.has("info", /live navigation refused \(\/account is in live session "authenticated", the page in no live session\)/));
});

test("a hook that halts on the connected mount answers the join with the redirect", async () => {
  const revoked: OnMountHook = (_p, _s, socket) => {
    if (!socket.connected) return;
    socket.redirect("/signed-out");
    return "halt";
  };
  const V = defineView<Record<string, never>>({ name: "Revoked", mount: () => void calls.push("mount ran"), template: await loadTemplate("<p>x</p>") });
  calls.length = 0;
  const result = await mountOrRedirect(liveSession("revocable", { onMount: revoked }, [live("/r", V)])[0]!);
  assert.equal(result.kind === "redirect" && result.to, "/signed-out");
  assert.equal(calls, ["mount ran"], "mount ran for the HTTP render only");
});

test("a hook that halts without redirecting crashes the mount with a clear message", async () => {
  const V = defineView<Record<string, never>>({ name: "Halted", template: await loadTemplate("<p>x</p>") });
  const route = liveSession("halting", { onMount: () => "halt" }, [live("/h", V)])[0]!;
  const err = await mountView(route).then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /onMount hook halted the mount without redirecting/);
});

test("a view's own onMount hooks run after the session's; mountView takes a route", async () => {
  const order: string[] = [];
  const V = defineView<{ a: number }>({
    name: "Ordered",
    onMount: [() => void order.push("view hook")],
    mount: (_p, session, socket) => void (order.push(`mount ${String(session.area)}`), socket.assign("a", 1)),
    template: await loadTemplate("<p>{@a}</p>"),
  });
  const route = liveSession("ordered", { onMount: () => void order.push("session hook"), session: { area: "x" } }, [live("/o", V)])[0]!;
  await mountView(route);
  assert.equal(order, ["session hook", "view hook", "mount x", "session hook", "view hook", "mount x"]);
});

test("the layout is part of the view's renders: join, and diffs of the view and of the layout", async () => {
  const V = defineView<{ currentUser: { name: string }; count: number }>({
    name: "Counted",
    mount: (_p, _s, socket) => void socket.assign({ currentUser: { name: "Ann" }, count: 0 }),
    handleEvent: (event, _v, socket) => void (event === "inc" ? socket.update("count", (c) => c + 1) : socket.assign("currentUser", { name: "Bo" })),
    template: await loadTemplate('<p id="count">{@count}</p>'),
  });
  const view = await mountView(liveSession("counted", { layout }, [live("/c", V)])[0]!);
  assert.ok(view.html().includes('<div class="app"><nav>signed in: Ann</nav><p id="count">0</p></div>'), view.html());
  await view.click("inc");
  assert.ok(view.html().includes('<p id="count">1</p>'), view.html());
  assert.equal(view.lastDiff, { 1: { 0: "1" } }, "only the view's slot travels");
  await view.click("rename");
  assert.ok(view.html().includes("signed in: Bo</nav><p id=\"count\">1</p>"), view.html());
});

test("live sessions cannot nest, and two of them cannot share a name", async () => {
  const inner = liveSession("inner", {}, [live("/x", Public)]);
  assert.throws(() => liveSession("outer", {}, inner), /route "\/x" is in live session "inner" already/);
  assert.throws(
    () => createServer({ routes: [...liveSession("same", {}, [live("/a", Public)]), ...liveSession("same", {}, [live("/b", Public)])], secret }),
    /two live sessions are named "same"/,
  );
});

test.run();
