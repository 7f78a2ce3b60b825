// Views driven through livehtml/test. Templates are compiled from source (`loadTemplate`), as a
// `.live.html` file would be.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, liveComponent } from "../../runtime/server/index.ts";
import { mountView, mountOrRedirect } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const views = suite("views via livehtml/test");

views("form change/submit decode nested params and split _target", async () => {
  let seen: unknown = null;
  const Form = defineView<{ name: string; error: string }>({
    name: "FormView",
    mount: (_p, _s, socket) => void socket.assign({ name: "", error: "" }),
    handleEvent(event, value, socket) {
      seen = value;
      const user = value.user as { name: string };
      if (event === "validate") socket.assign("error", user.name.length < 3 ? "too short" : "");
      if (event === "save") socket.assign("name", user.name).pushEvent("saved", { name: user.name });
    },
    template: await loadTemplate(
      '<form id="f" phx-change="validate" phx-submit="save"><input name="user[name]"><span class="error">{@error}</span></form><p id="name">{@name}</p>',
    ),
  });
  const view = await mountView(Form);
  await view.change("#f", { user: { name: "ab", tags: ["x", "y"] } }, "user[name]");
  // Decoded params are null-prototype maps (no client key reaches Object.prototype): compare their JSON.
  assert.is(Object.getPrototypeOf(seen), null);
  assert.equal(JSON.parse(JSON.stringify(seen)), { user: { name: "ab", tags: ["x", "y"] }, _target: ["user", "name"] });
  assert.ok(view.html().includes('<span class="error">too short</span>'));
  await view.submit("#f", { user: { name: "alice" } });
  assert.ok(view.html().includes('<p id="name">alice</p>'));
  assert.equal(view.pushedEvents, [["saved", { name: "alice" }]]);
});

views("assigning an equal value records no change and sends no diff", async () => {
  const V = defineView<{ items: number[] }>({
    mount: (_p, _s, socket) => void socket.assign("items", [1, 2]),
    handleEvent: (_e, _v, socket) => void socket.assign("items", [1, 2]),
    template: await loadTemplate('<p>{@items.join(",")}</p>'),
  });
  const view = await mountView(V);
  const reply = await view.click("same");
  assert.equal(reply, {});
});

views("pushPatch runs handleParams and reports the patch; pagination by query", async () => {
  const Pages = defineView<{ page: number }>({
    name: "Pages",
    mount: (_p, _s, socket) => void socket.assign("page", 1),
    handleParams: (params, _url, socket) => void socket.assign("page", Number(params.page ?? 1)),
    handleEvent: (_e, _v, socket) => void socket.pushPatch(`/items?page=${socket.assigns.page + 1}`),
    template: await loadTemplate('<p id="page">{@page}</p>'),
  });
  const view = await mountView(Pages, { url: "http://localhost/items?page=3" });
  assert.ok(view.html().includes('<p id="page">3</p>'));
  const reply = await view.click("next");
  assert.equal(reply.live_patch, { to: "/items?page=4", kind: "push" });
  assert.ok(view.html().includes('<p id="page">4</p>'));
  assert.is(view.url, "http://localhost/items?page=4");
  await view.patch("/items?page=9");
  assert.ok(view.html().includes('<p id="page">9</p>'));
});

views("redirects: in mount, and from an event with flash", async () => {
  const Guard = defineView<Record<string, never>>({
    mount: (_p, session, socket) => void (session.user ? undefined : socket.redirect("/login")),
    template: await loadTemplate("<p>ok</p>"),
  });
  const r = await mountOrRedirect(Guard);
  assert.equal(r.kind === "redirect" && r.to, "/login");
  const Go = defineView<Record<string, never>>({
    handleEvent: (_e, _v, socket) => void socket.putFlash("info", "bye").pushNavigate("/elsewhere"),
    template: await loadTemplate("<p>go</p>"),
  });
  const view = await mountView(Go);
  const reply = await view.click("go");
  assert.equal(reply.live_redirect, { to: "/elsewhere", kind: "push", flash: JSON.stringify({ info: "bye" }) });
  assert.ok(view.stopped);
});

views("page title is sent as `t`", async () => {
  const T = defineView<Record<string, never>>({
    mount: (_p, _s, socket) => void socket.pageTitle("Start"),
    handleEvent: (_e, _v, socket) => void socket.pageTitle("Next"),
    template: await loadTemplate("<p>x</p>"),
  });
  const view = await mountView(T);
  assert.is(view.title, "Start");
  await view.click("t");
  assert.is(view.title, "Next");
  assert.equal(view.lastDiff, { t: "Next" });
});

views("streams render inserts and deletes, and keep no items after the render", async () => {
  const songs = await loadTemplate('<ul id="songs" phx-update="stream"><li :for={[id, song] of @streams.songs} id={id}>{song.title}</li></ul>');
  const S = defineView<Record<string, never>>({
    mount: (_p, _s, socket) => void socket.stream("songs", [{ id: 1, title: "One" }, { id: 2, title: "Two" }]),
    handleEvent(event, value, socket) {
      if (event === "add") socket.streamInsert("songs", { id: Number(value.id), title: String(value.title) }, { at: 0 });
      if (event === "remove") socket.streamDeleteByDomId("songs", `songs-${value.id}`);
    },
    template: songs,
  });
  const view = await mountView(S);
  assert.ok(view.html().includes('<li id="songs-1">One</li><li id="songs-2">Two</li>'), view.html());
  assert.is(view.runtime.state.streams.get("songs")!.entries.length, 0, "items are not kept after the render");
  await view.click("add", { id: "3", title: "Three" });
  const slot = (view.lastDiff as Record<string, { stream: unknown }>)["0"]!;
  assert.equal(slot.stream, ["0", [["songs-3", 0, null, null]], []]);
  await view.click("remove", { id: "1" });
  assert.equal((view.lastDiff as Record<string, { stream: unknown }>)["0"]!.stream, ["0", [], ["songs-1"]]);
});

views("a stateful component keeps its own state and diffs under `c`", async () => {
  const Counter = liveComponent<{ label: string; count: number }>({
    name: "Counter",
    mount: (socket) => void socket.assign("count", 0),
    handleEvent(event, _v, socket) {
      socket.update("count", (c) => c + 1);
      if (event === "bump-and-flash") socket.putFlash("info", "bumped");
    },
    template: await loadTemplate('<div id={"c-" + @id}><button phx-click="bump" phx-target={@myself}>{@label} {@count}</button></div>'),
  });
  const Parent = defineView<{ title: string; counter: typeof Counter }>({
    mount: (_p, _s, socket) => void socket.assign({ title: "T", counter: Counter }),
    handleEvent: (_e, _v, socket) => void socket.assign("title", "U"),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<h1>{@title}</h1><p id="flash">{@flash.info}</p>{componentRef(@counter, "a", { label: "L-" + @title })}`),
  });
  const view = await mountView(Parent);
  assert.ok(view.html().includes('<div id="c-a"><button phx-click="bump" phx-target="1">L-T 0</button></div>'), view.html());
  await view.click('button[phx-target="1"]');
  assert.ok(view.html().includes("L-T 1</button>"), view.html());
  assert.equal(view.lastDiff, { c: { 1: { 3: "1" } } }, "a component's own event sends only that component");
  await view.click("rename");
  assert.ok(view.html().includes("L-U 1</button>"), "the component keeps its count when the parent re-renders");
  await view.click({ event: "bump-and-flash", cid: 1 });
  assert.ok(view.html().includes('<p id="flash">bumped</p>'), view.html());
  assert.ok(view.html().includes("L-U 2</button>"), view.html());
  assert.equal(view.lastDiff, { 1: "bumped", c: { 1: { 3: "2" } } }, "the view's change and the component's go in one diff");
});

views.run();
