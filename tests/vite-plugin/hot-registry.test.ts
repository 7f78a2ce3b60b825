// runtime/server/hot.ts on its own: stable template functions, in-place re-render of connected
// views (state kept), view definitions updated in place.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView } from "../../runtime/server/view.ts";
import { enableHot, hotTemplate, registerViews, remountViews, replaceTemplate, templateIdOf, trackedViewCount, viewsUsingTemplate } from "../../runtime/server/hot.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

enableHot();

const registry = suite("hot registry");

const V1 = `<section><h1>Title one</h1><p :if={@n > 0}>n is {@n}</p><i>{@label}</i></section>`;
const V2 = `<section><h1>Title one</h1><p :if={@n > 0}>n now {@n}</p><i>{@label}</i></section>`;

registry("hotTemplate returns one stable function per id, calling the newest render", async () => {
  const a = await loadTemplate(`<p>a {@x}</p>`);
  const b = await loadTemplate(`<p>b {@x}</p>`);
  const stable = hotTemplate("mem:stable", a);
  assert.is(hotTemplate("mem:stable", b), stable);
  assert.is(templateIdOf(stable), "mem:stable");
  assert.is(templateIdOf(a), undefined);
  assert.is(stable({ x: 1, __changed__: null } as never).html(), "<p>b 1</p>");
});

registry("replaceTemplate re-renders connected views in place with the new statics; state kept", async () => {
  const stable = hotTemplate("mem:counter", await loadTemplate(V1));
  const View = defineView<{ n: number; label: string }>({
    mount: (_p, _s, socket) => void socket.assign({ n: 0, label: "keep" }),
    handleEvent: (_e, _v, socket) => void socket.update("n", (n) => n + 1),
    render: stable,
  });
  const view = await mountView(View);
  await view.click("inc");
  await view.click("inc");
  assert.ok(view.html().includes("<p>n is 2</p>"), view.html());
  assert.is(viewsUsingTemplate("mem:counter").length, 1);

  const count = await replaceTemplate("mem:counter", await loadTemplate(V2));
  await view.settle();
  assert.is(count, 1);
  assert.ok(view.html().includes("<p>n now 2</p>"), view.html());
  assert.ok(view.html().includes("<i>keep</i>"), "state kept");
  // A template's root fingerprint covers its nested blocks, so the root is sent again whole
  // (statics included), rendered from the kept assigns.
  const diff = JSON.stringify(view.lastDiff);
  assert.ok(diff.includes("n now ") && diff.includes('"2"') && diff.includes('"keep"'), diff);
  await view.click("inc");
  assert.ok(view.html().includes("<p>n now 3</p>"), "events still work after the swap");
  view.terminate();
  assert.is(viewsUsingTemplate("mem:counter").length, 0, "terminated views are untracked");
});

registry("registerViews updates the first definition in place; remountViews ends its views", async () => {
  const render = await loadTemplate(`<p>{@greeting}</p>`);
  const first = defineView<{ greeting: string }>({ name: "Hi", mount: (_p, _s, s) => void s.assign({ greeting: "hello" }), render });
  registerViews("mem:views.ts", { HiView: first, notAView: 3 });
  const view = await mountView(first);
  const tracked = trackedViewCount();
  const second = defineView<{ greeting: string }>({ name: "Hi", mount: (_p, _s, s) => void s.assign({ greeting: "bonjour" }), render });
  registerViews("mem:views.ts", { HiView: second });
  assert.is(first.mount, second.mount, "the old definition runs the new code");
  assert.is(await remountViews("mem:views.ts"), 1);
  await view.settle();
  assert.is(trackedViewCount(), tracked - 1);
  const again = await mountView(first);
  assert.ok(again.html().includes("<p>bonjour</p>"), again.html());
  again.terminate();
});

registry.run();
