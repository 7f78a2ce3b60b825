// A view's life across its two mounts: the HTTP render is not a running view (no terminate),
// and `assignNew` reuses what the request or the embedding page already has.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, live, MemoryLogger } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const lifecycle = suite("view lifecycle");

lifecycle("terminate runs for the connected view only, never after the HTTP render", async () => {
  const calls: string[] = [];
  const V = defineView<Record<string, never>>({
    name: "Terminating",
    mount: (_p, _s, socket) => void calls.push(socket.connected ? "mount connected" : "mount http"),
    terminate: (reason, socket) => void calls.push(`terminate ${socket.connected ? "connected" : "http"} ${reason}`),
    template: await loadTemplate("<p>x</p>"),
  });
  const view = await mountView(V);
  assert.equal(calls, ["mount http", "mount connected"]);
  view.terminate();
  assert.equal(calls, ["mount http", "mount connected", "terminate connected test done"]);
});

lifecycle("terminate does not run after a server's HTTP render, nor after one that redirects", async () => {
  const calls: string[] = [];
  const V = defineView<Record<string, never>>({
    name: "HttpOnly",
    mount: (params, _s, socket) => void (params.away ? socket.redirect("/elsewhere") : undefined),
    terminate: (reason) => void calls.push(reason),
    template: await loadTemplate("<p>x</p>"),
  });
  const server = createServer({ routes: [live("/v", V)], secret: "test secret that is long enough", logger: new MemoryLogger() });
  const { port } = await server.listen(0);
  try {
    assert.is((await fetch(`http://127.0.0.1:${port}/v`)).status, 200);
    assert.is((await fetch(`http://127.0.0.1:${port}/v?away=1`, { redirect: "manual" })).status, 302);
    assert.equal(calls, []);
  } finally {
    await server.close();
  }
});

interface UserAssigns {
  user: { name: string };
  greeting: string;
}

lifecycle("assignNew reuses the request's assigns in the HTTP render and computes on the connected mount", async () => {
  const loads: string[] = [];
  const V = defineView<UserAssigns>({
    name: "Greeter",
    mount(_p, session, socket) {
      socket.assignNew("user", () => (loads.push(socket.connected ? "connected" : "http"), { name: String(session.name) }));
      // `fn` sees the assigns so far, as LiveView's one-argument form does.
      socket.assignNew("greeting", (assigns) => `Hello ${assigns.user.name}`);
    },
    template: await loadTemplate('<p id="g">{@greeting}</p>'),
  });
  const view = await mountView(V, { session: { name: "from session" }, assigns: { user: { name: "from request" } } });
  assert.ok(view.staticHTML.includes('<p id="g">Hello from request</p>'), view.staticHTML);
  assert.ok(view.html().includes('<p id="g">Hello from session</p>'), view.html());
  assert.equal(loads, ["connected"], "the HTTP render reused the request's user");
});

lifecycle("createServer's `assigns` and liveRender's `assigns` reach assignNew in the HTTP render", async () => {
  const V = defineView<UserAssigns>({
    name: "RequestUser",
    mount: (_p, _s, socket) => void socket.assignNew("user", () => ({ name: "loaded again" })),
    template: await loadTemplate('<p id="u">{@user.name}</p>'),
  });
  const server = createServer({
    routes: [live("/me", V)],
    secret: "test secret that is long enough",
    logger: new MemoryLogger(),
    assigns: (req) => ({ user: { name: String(req.headers["x-user"]) } }),
  });
  const { port } = await server.listen(0);
  try {
    const html = await (await fetch(`http://127.0.0.1:${port}/me`, { headers: { "x-user": "carol" } })).text();
    assert.ok(html.includes('<p id="u">carol</p>'), html);
    const embedded = await server.liveRender(V, { assigns: { user: { name: "page user" } } });
    assert.ok(embedded.html.includes('<p id="u">page user</p>'), embedded.html);
  } finally {
    await server.close();
  }
});

lifecycle.run();
