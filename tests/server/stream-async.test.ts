// streamAsync: a stream filled by async work, its key an AsyncResult the template reads through
// <.asyncResult>; the HTTP render shows the loading state, the items arrive as stream inserts
// (reflected in the test harness's html()), a failure or a bad result gives the failed state.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AsyncResult, defineView, MemoryLogger } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const tests = suite("streamAsync");

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

interface Song {
  id: number;
  title: string;
}

const template = await loadTemplate(
  `<.asyncResult assign={@songs}><:loading><p id="loading">Loading songs…</p></:loading><:failed :let={reason}><p id="failed">{String(reason)}</p></:failed></.asyncResult>` +
    `<ul id="songs" phx-update="stream"><li :for={[domId, song] of @streams.songs} id={domId}>{song.title}</li></ul><p id="n">{@n}</p>`,
);

tests("loading over HTTP and until the work ends; the items then arrive as stream inserts; events go on meanwhile", async () => {
  const work = deferred<Song[]>();
  const calls: boolean[] = [];
  const V = defineView<{ songs: AsyncResult<true>; n: number }>({
    name: "Songs",
    mount(_p, _s, socket) {
      socket.assign("n", 0).streamAsync("songs", () => (calls.push(socket.connected), work.promise));
    },
    handleEvent(event, _v, socket) {
      socket.update("n", (n) => n + 1);
      if (event === "more") socket.streamAsync("songs", async () => [{ id: 3, title: "Three" }], { at: 0 });
    },
    template,
  });
  const view = await mountView(V);
  assert.match(view.staticHTML, /<p id="loading">Loading songs…<\/p><ul id="songs" phx-update="stream"><\/ul>/);
  await view.click("inc");
  assert.match(view.html(), /Loading songs…/);
  assert.match(view.html(), /<p id="n">1<\/p>/);
  work.resolve([{ id: 1, title: "One" }, { id: 2, title: "Two" }]);
  const html = await view.renderAsync();
  assert.not.match(html, /Loading/);
  assert.match(html, /<li id="songs-1">One<\/li><li id="songs-2">Two<\/li>/);
  assert.equal(view.assigns.songs, AsyncResult.ok(true));
  assert.equal(calls, [true], "the work ran for the connected mount only");
  await view.click("more");
  const after = await view.renderAsync();
  assert.match(after, /<li id="songs-3">Three<\/li><li id="songs-1">One<\/li><li id="songs-2">Two<\/li>/, "later work inserts with its options (at: 0)");
});

tests("a rejection or a result that is not a list gives the failed state, logged; the view stays up", async () => {
  const V = defineView<{ songs: AsyncResult<true>; n: number }>({
    name: "BadSongs",
    mount(_p, _s, socket) {
      socket.assign("n", 0).streamAsync("songs", async () => 123 as never);
    },
    handleEvent(_e, _v, socket) {
      socket.streamAsync("songs", async () => {
        throw new Error("offline");
      });
    },
    template,
  });
  const view = await mountView(V);
  const html = await view.renderAsync();
  assert.match(html, /<p id="failed">Error: streamAsync\(&quot;songs&quot;\): expected the function to resolve to an iterable of items, got 123<\/p>/);
  await view.click("again");
  assert.match(await view.renderAsync(), /<p id="failed">Error: offline<\/p>/);
  assert.ok((view.logger as MemoryLogger).has("warn", /BadSongs: streamAsync\(songs\) failed: .*offline/));
  assert.ok(!view.crashed);
});

tests("cancelAsync of a stream's key makes it failed and drops the items that arrive later", async () => {
  const work = deferred<Song[]>();
  const V = defineView<{ songs: AsyncResult<true>; n: number }>({
    mount: (_p, _s, socket) => void socket.assign("n", 0).streamAsync("songs", () => work.promise),
    handleEvent: (_e, _v, socket) => void socket.cancelAsync("songs", "stopped"),
    template,
  });
  const view = await mountView(V);
  await view.click("cancel");
  work.resolve([{ id: 1, title: "One" }]);
  const html = await view.renderAsync();
  assert.match(html, /<p id="failed">stopped<\/p>/);
  assert.not.match(html, /songs-1/);
});

tests.run();
