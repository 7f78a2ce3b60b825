// `<.form action>` and `<.link method>` carry the page's own CSRF token: the one in the page's
// `<meta name="csrf-token">` in the HTTP render, and the one the client joined with afterwards.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, live, MemoryLogger } from "../../runtime/server/index.ts";
import { toForm, type Form } from "../../runtime/shared/form.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { readPage, TestSocket } from "./helpers/client.ts";

const tests = suite("page CSRF token in forms and links");

tests("over HTTP and once joined, without a csrfToken attribute", async () => {
  const V = defineView<{ form: Form; n: number }>({
    name: "Login",
    mount: (_p, _s, socket) => void socket.assign({ form: toForm({}, { as: "user" }), n: 0 }),
    handleEvent: (_e, _v, socket) => void socket.update("n", (n) => n + 1),
    template: await loadTemplate(`<.form for={@form} action="/session">{@n}</.form><.link href="/logout" method="delete">out</.link>`),
  });
  const server = createServer({ routes: [live("/login", V)], secret: "test secret that is long enough", logger: new MemoryLogger() });
  const { port } = await server.listen(0);
  try {
    const html = await (await fetch(`http://127.0.0.1:${port}/login`)).text();
    const page = readPage(html);
    assert.ok(html.includes(`<input name="_csrf_token" type="hidden" hidden value="${page.csrf}">`), html);
    assert.ok(html.includes(`data-csrf="${page.csrf}"`), html);
    const socket = await TestSocket.open(port);
    const reply = await socket.push("1", `lv:${page.id}`, "phx_join", {
      url: `http://127.0.0.1:${port}/login`,
      params: { _csrf_token: page.csrf, _mounts: 0 },
      session: page.session,
      static: page.static,
    });
    const rendered = JSON.stringify((reply[4] as { response: { rendered: unknown } }).response.rendered);
    assert.ok(rendered.includes(`value=\\"${page.csrf}\\"`), rendered);
    socket.close();
  } finally {
    await server.close();
  }
});

tests.run();
