// Components: `updateMany` (one call per render for all instances of a component, in both
// renders, and for a sendUpdate), and a component's own async work (assignAsync, streamAsync,
// startAsync + handleAsync on the component), delivered to it as its own diff, and dropped
// once the component is gone.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AsyncResult, defineView, liveComponent, MemoryLogger, type AsyncOutcome } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const tests = suite("components: updateMany and async work");

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

const listTemplate = await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<h1>{@title}</h1><%= for id of @ids do %>{componentRef(@user, id, { userId: id })}<% end %>`);

tests("updateMany: one call with every instance that got assigns, in the HTTP render and the connected one; sendUpdate calls it with one", async () => {
  const calls: string[][] = [];
  const User = liveComponent<{ userId: string; name: string }>({
    name: "User",
    updateMany(entries) {
      calls.push(entries.map((e) => String(e.assigns.userId)));
      // One batch load for all of them.
      const names = new Map(entries.map((e) => [e.assigns.userId, `user ${e.assigns.userId}`.toUpperCase()]));
      for (const { assigns, socket } of entries) socket.assign({ userId: assigns.userId!, name: names.get(assigns.userId)! });
    },
    template: await loadTemplate('<li id={"u-" + @userId}>{@name}</li>'),
  });
  const V = defineView<{ title: string; ids: string[]; user: typeof User }>({
    mount: (_p, _s, socket) => void socket.assign({ title: "T", ids: ["a", "b", "c"], user: User }),
    handleEvent(event, _v, socket) {
      if (event === "title") socket.assign("title", "U");
      if (event === "add") socket.assign("ids", ["a", "b", "c", "d"]);
      if (event === "poke") socket.sendUpdate(User, "b", { userId: "b" });
    },
    template: listTemplate,
  });
  const view = await mountView(V);
  assert.match(view.staticHTML, /<li id="u-a">USER A<\/li><li id="u-b">USER B<\/li><li id="u-c">USER C<\/li>/);
  assert.equal(calls, [["a", "b", "c"], ["a", "b", "c"]], "once per render, with all three");
  await view.click("title");
  assert.equal(calls.length, 2, "a render that passes the components nothing new calls nothing");
  await view.click("add");
  assert.equal(calls.at(-1), ["d"], "rows that did not change are not rendered, so their components get nothing new");
  assert.match(view.html(), /<li id="u-d">USER D<\/li>/);
  await view.click("poke");
  await view.settle();
  assert.equal(calls.at(-1), ["b"]);
});

tests("a component's assignAsync, streamAsync and startAsync: results reach the component as its own diff; handleAsync is the component's", async () => {
  const profile = deferred<{ bio: string }>();
  const outcomes: AsyncOutcome[] = [];
  const Card = liveComponent<{ userId: string; bio: AsyncResult<string>; posts: AsyncResult<true>; status: string }>({
    name: "Card",
    mount(socket) {
      socket
        .assign("status", "idle")
        .assignAsync("bio", async () => ({ bio: (await profile.promise).bio }))
        .streamAsync("posts", async () => [{ id: 1, title: "First" }]);
    },
    handleEvent(_e, _v, socket) {
      socket.startAsync("ping", async () => "pong");
    },
    handleAsync(name, outcome, socket) {
      outcomes.push(outcome);
      socket.assign("status", `${name}: ${outcome.status === "ok" ? String(outcome.result) : "exit"}`);
    },
    template: await loadTemplate(
      `<div id={"card-" + @id}><.asyncResult assign={@bio} :let={bio}><:loading>loading bio</:loading>{bio}</.asyncResult>` +
        `<ul id={"posts-" + @id} phx-update="stream"><li :for={[domId, p] of @streams.posts} id={domId}>{p.title}</li></ul><b>{@status}</b>` +
        `<button phx-click="ping" phx-target={@myself}>ping</button></div>`,
    ),
  });
  const V = defineView<{ card: typeof Card; title: string }>({
    mount: (_p, _s, socket) => void socket.assign({ card: Card, title: "T" }),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<h1>{@title}</h1>{componentRef(@card, "me")}`),
  });
  const view = await mountView(V);
  assert.match(view.staticHTML, /loading bio/);
  assert.not.match(view.staticHTML, /First/, "no work in the HTTP render");
  await view.settle();
  profile.resolve({ bio: "Hello" });
  const html = await view.renderAsync();
  assert.match(html, /<div id="card-me">Hello<ul id="posts-me" phx-update="stream"><li id="posts-1">First<\/li><\/ul><b>idle<\/b>/);
  assert.ok(view.diffs.slice(1).every((d) => Object.keys(d).every((k) => k === "c")), `only the component's diffs travel: ${JSON.stringify(view.diffs.slice(1))}`);
  await view.click({ event: "ping", cid: 1 });
  await view.renderAsync();
  assert.equal(outcomes, [{ status: "ok", result: "pong" }]);
  assert.match(view.html(), /<b>ping: pong<\/b>/);
});

tests("a component's work is dropped when the component is removed; a startAsync without handleAsync crashes with a clear message", async () => {
  const slow = deferred<{ bio: string }>();
  const signals: AbortSignal[] = [];
  const Card = liveComponent<{ bio: AsyncResult<string> }>({
    name: "Card",
    mount: (socket) => void socket.assignAsync("bio", (signal) => (signals.push(signal), slow.promise)),
    handleEvent: (_e, _v, socket) => void socket.startAsync("x", async () => 1),
    template: await loadTemplate("<p>{String(@bio.loading)}</p>"),
  });
  const V = defineView<{ card: typeof Card; show: boolean }>({
    mount: (_p, _s, socket) => void socket.assign({ card: Card, show: true }),
    handleEvent: (_e, _v, socket) => void socket.assign("show", false),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<div>{@show ? componentRef(@card, "c") : ""}</div>`),
  });
  const view = await mountView(V);
  await view.click("hide");
  view.runtime.willDestroyComponents([1]);
  assert.equal(view.runtime.destroyComponents([1]), [1]);
  assert.ok(signals.at(-1)!.aborted, "the removed component's work is aborted");
  const before = view.diffs.length;
  slow.resolve({ bio: "late" });
  await view.renderAsync();
  assert.is(view.diffs.length, before, "nothing was rendered for the removed component");
  assert.ok(!view.crashed);

  const again = await mountView(V);
  await again.click({ event: "go", cid: 1 });
  await again.renderAsync();
  assert.ok(again.crashed);
  assert.ok((again.logger as MemoryLogger).has("error", /startAsync\("x"\) finished but .*component Card "c" has no handleAsync/));
});

tests.run();
