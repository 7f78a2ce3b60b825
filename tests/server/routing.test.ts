// Route options: the container a view's HTML goes in.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, live, MemoryLogger } from "../../runtime/server/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const routing = suite("routes");
const secret = "test secret that is long enough";

routing("a route's container option sets the view's tag and attributes; the default is a div", async () => {
  const V = defineView<Record<string, never>>({ name: "Boxed", template: await loadTemplate("<p>inside</p>") });
  const server = createServer({
    routes: [live("/plain", V), live("/boxed", V, { container: { tag: "main", attrs: { class: "app shell", "data-theme": 'da"rk', hidden: true } } })],
    secret,
    logger: new MemoryLogger(),
  });
  const { port } = await server.listen(0);
  try {
    const plain = await (await fetch(`http://127.0.0.1:${port}/plain`)).text();
    assert.match(plain, /<div id="phx-[^"]+" data-phx-main [^>]*><p>inside<\/p><\/div>/);
    const boxed = await (await fetch(`http://127.0.0.1:${port}/boxed`)).text();
    assert.match(boxed, /<main id="phx-[^"]+" data-phx-main [^>]* class="app shell" data-theme="da&quot;rk" hidden><p>inside<\/p><\/main>/);
    const embedded = await server.liveRender(V, { container: { tag: "section" } });
    assert.match(embedded.html, /^<section id="phx-[^"]+" data-phx-session=[^>]*><p>inside<\/p><\/section>$/);
  } finally {
    await server.close();
  }
});

routing("bad container options are refused where the route is declared", async () => {
  const V = defineView<Record<string, never>>({ name: "Bad", template: await loadTemplate("<p>x</p>") });
  assert.throws(() => live("/a", V, { container: { tag: "img" } }), /route "\/a": container tag "img"/);
  assert.throws(() => live("/a", V, { container: { tag: "di v" } }), /container tag "di v"/);
  assert.throws(() => live("/a", V, { container: { attrs: { id: "x" } } }), /container attribute "id" is set by livehtml/);
  assert.throws(() => live("/a", V, { container: { attrs: { "data-phx-main": true } } }), /data-phx-main/);
  assert.throws(() => live("/a", V, { container: { attrs: { 'a"b': "x" } } }), /not a valid attribute name/);
});

routing.run();
