// attachHook: functions attached to a view's handleEvent, handleInfo, handleParams and
// afterRender, run before the view's own callback and able to halt it.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, live, liveComponent, liveSession, MemoryLogger, type OnMountHook } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const hooks = suite("attachHook");

hooks("handleEvent hooks run in order before the view; halting skips the rest and may reply", async () => {
  const calls: string[] = [];
  const V = defineView<{ n: number }>({
    name: "Hooked",
    mount(_p, _s, socket) {
      socket.assign("n", 0);
      socket.attachHook("audit", "handleEvent", (event) => void calls.push(`audit ${event}`));
      socket.attachHook("guard", "handleEvent", (event, value, s) => {
        if (event === "blocked") return "halt";
        if (event === "ask") return { halt: true, reply: { answer: Number(value.q) * 2 } };
        if (event === "count") s.update("n", (n) => n + 10);
      });
    },
    handleEvent(event, _v, socket) {
      calls.push(`view ${event}`);
      socket.update("n", (n) => n + 1);
    },
    template: await loadTemplate('<p id="n">{@n}</p>'),
  });
  const view = await mountView(V);
  await view.click("count");
  assert.ok(view.html().includes('<p id="n">11</p>'), view.html());
  assert.equal(await view.click("blocked"), {});
  const asked = await view.click("ask", { q: 21 });
  assert.equal(asked, { diff: { r: { answer: 42 } } });
  assert.equal(calls, ["audit count", "view count", "audit blocked", "audit ask"]);
});

hooks("handleInfo and handleParams hooks; detachHook; a hook may serve a view without the callback", async () => {
  const seen: string[] = [];
  const V = defineView<{ tab: string; pings: number }>({
    name: "Tabs",
    mount(_p, _s, socket) {
      socket.assign({ tab: "home", pings: 0 });
      socket.attachHook("ping", "handleInfo", (message, s) => {
        if (message !== "ping") return;
        s.update("pings", (p) => p + 1);
        return "halt";
      });
      socket.attachHook("active-tab", "handleParams", (params, url, s) => {
        seen.push(url.pathname);
        s.assign("tab", String(params.tab ?? "home"));
      });
    },
    handleEvent: (_e, _v, socket) => void socket.detachHook("ping", "handleInfo"),
    template: await loadTemplate('<p id="tab">{@tab} {@pings}</p>'),
  });
  const view = await mountView(V, { url: "http://localhost/t?tab=news" });
  assert.ok(view.html().includes('<p id="tab">news 0</p>'), view.html());
  await view.sendInfo("ping");
  assert.ok(view.html().includes('<p id="tab">news 1</p>'), "the view has no handleInfo: the halting hook handled the message");
  await view.patch("/t?tab=sports");
  assert.ok(view.html().includes('<p id="tab">sports 1</p>'), view.html());
  assert.equal(seen, ["/t", "/t", "/t"], "HTTP render, connected mount, patch");
  await view.click("detach");
  await view.sendInfo("ping");
  assert.ok(view.crashed, "after detaching, the message reaches the missing handleInfo");
  assert.ok((view.logger as MemoryLogger).has("error", /received a message but has no handleInfo: "ping"/));
});

hooks("afterRender hooks run after each render; what they assign goes with the next render", async () => {
  const renders: number[] = [];
  const V = defineView<{ n: number; rendered: number }>({
    name: "Counted",
    mount(_p, _s, socket) {
      socket.assign({ n: 0, rendered: 0 });
      socket.attachHook("count-renders", "afterRender", (s) => {
        renders.push(s.assigns.n);
        s.update("rendered", (r) => r + 1);
      });
    },
    handleEvent: (_e, _v, socket) => void socket.update("n", (n) => n + 1),
    template: await loadTemplate('<p id="n">{@n} after {@rendered}</p>'),
  });
  const view = await mountView(V);
  assert.ok(view.html().includes('<p id="n">0 after 0</p>'), view.html());
  await view.click("inc");
  // The join's afterRender made `rendered` 1: it travels with the click's render.
  assert.ok(view.html().includes('<p id="n">1 after 1</p>'), view.html());
  assert.equal(renders.slice(-2), [0, 1]);
});

hooks("onMount hooks attach hooks for every view of a live session; components cannot attach", async () => {
  const track: OnMountHook = (_p, _s, socket) => {
    socket.attachHook("track", "handleEvent", (event, _v, s) => void s.assign("last", event));
  };
  const V = defineView<{ last: string }>({
    name: "Tracked",
    mount: (_p, _s, socket) => void socket.assign("last", "none"),
    handleEvent: () => {},
    template: await loadTemplate('<p id="last">{@last}</p>'),
  });
  const view = await mountView(liveSession("tracked", { onMount: track }, [live("/t", V)])[0]!);
  await view.click("save");
  assert.ok(view.html().includes('<p id="last">save</p>'), view.html());

  const C = liveComponent<Record<string, never>>({
    name: "Hooker",
    mount: (socket) => void socket.attachHook("x", "afterRender", () => {}),
    template: await loadTemplate("<p>c</p>"),
  });
  const P = defineView<{ c: typeof C }>({
    name: "Parent",
    mount: (_p, _s, socket) => void socket.assign("c", C),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<div>{componentRef(@c, "one")}</div>`),
  });
  const err = await mountView(P).then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /attachHook\("x", "afterRender"\) is for a view's socket, not a component's/);
});

hooks("attaching one name twice to a stage, or an unknown stage, is refused", async () => {
  const V = defineView<Record<string, never>>({
    name: "Twice",
    mount(_p, _s, socket) {
      socket.attachHook("a", "handleEvent", () => {});
      assert.throws(() => socket.attachHook("a", "handleEvent", () => {}), /a hook named "a" is attached to handleEvent already/);
      assert.throws(() => socket.attachHook("b", "handle_event" as "handleEvent", () => {}), /unknown stage "handle_event"/);
      socket.detachHook("a", "handleEvent").attachHook("a", "handleEvent", () => {});
    },
    template: await loadTemplate("<p>x</p>"),
  });
  await mountView(V);
});

hooks.run();
