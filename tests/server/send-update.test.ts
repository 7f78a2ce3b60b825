// sendUpdate / sendUpdateAfter: new assigns for a stateful component, from its view or from
// another component, sent as that component's diff only.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, liveComponent, MemoryLogger } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const tests = suite("sendUpdate");

const Badge = liveComponent<{ count: number; updates: number }>({
  name: "Badge",
  mount: (socket) => void socket.assign({ count: 0, updates: 0 }),
  update(assigns, socket) {
    socket.assign(assigns).update("updates", (u) => u + 1);
  },
  template: await loadTemplate('<span id={"badge-" + @id}>{@count}</span>'),
});

const Bumper = liveComponent<Record<string, never>>({
  name: "Bumper",
  handleEvent: (_e, value, socket) => void socket.sendUpdate(Badge, "b", { count: Number(value.to) }),
  template: await loadTemplate('<button id="bump" phx-click="bump" phx-target={@myself}>bump</button>'),
});

const template = await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<h1>{@title}</h1>{componentRef(@badge, "a")}{componentRef(@badge, "b")}{componentRef(@bumper, "x")}`);

tests("from the view and from another component: update runs and only that component's diff travels", async () => {
  const V = defineView<{ title: string; badge: typeof Badge; bumper: typeof Bumper }>({
    name: "Badges",
    mount: (_p, _s, socket) => void socket.assign({ title: "T", badge: Badge, bumper: Bumper }),
    handleEvent(event, _v, socket) {
      if (event === "set-a") socket.sendUpdate(Badge, "a", { count: 5 });
      if (event === "missing") socket.sendUpdate(Badge, "zzz", { count: 1 });
      if (event === "later") socket.sendUpdateAfter(Badge, "a", { count: 9 }, 5);
    },
    template,
  });
  const view = await mountView(V);
  await view.click("set-a");
  await view.settle();
  assert.ok(view.html().includes('<span id="badge-a">5</span>'), view.html());
  assert.equal(view.lastDiff, { c: { 1: { 1: "5" } } });
  await view.click({ event: "bump", cid: 3 }, { to: 7 });
  await view.settle();
  assert.ok(view.html().includes('<span id="badge-b">7</span>'), view.html());
  assert.equal(view.lastDiff, { c: { 2: { 1: "7" } } });
  assert.is((view.runtime.components.get(2)!.state.assigns as { updates: number }).updates, 2, "mount's update, then sendUpdate's");

  await view.click("missing");
  await view.settle();
  assert.ok((view.logger as MemoryLogger).has("warn", /sendUpdate to Badge "zzz" ignored: no such component is rendered/));
  assert.ok(!view.crashed);

  await view.click("later");
  for (let i = 0; i < 50 && !view.html().includes('<span id="badge-a">9</span>'); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(view.html().includes('<span id="badge-a">9</span>'), view.html());
  view.terminate();
});

tests("sendUpdate needs a component definition", async () => {
  const V = defineView<Record<string, never>>({
    name: "Wrong",
    mount(_p, _s, socket) {
      assert.throws(() => socket.sendUpdate({} as typeof Badge, "a", {}), /sendUpdate for id "a" needs a liveComponent\(\.\.\.\) definition/);
    },
    template: await loadTemplate("<p>x</p>"),
  });
  await mountView(V);
});

tests.run();
