// Streams beyond the single-view case: inside a stateful component (HTTP render, join and
// events), and several streams in one view (a change to one sends only that one).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, liveComponent } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const streams = suite("streams");

type Song = { id: number; title: string };

streams("a stream inside a live component reaches the HTTP render, the join and later events", async () => {
  const Playlist = liveComponent<Record<string, never>>({
    name: "Playlist",
    mount: (socket) => void socket.stream<Song>("songs", [{ id: 1, title: "One" }, { id: 2, title: "Two" }]),
    handleEvent: (_event, value, socket) => void socket.streamInsert<Song>("songs", { id: Number(value.id), title: String(value.title) }),
    template: await loadTemplate('<ul id="songs" phx-update="stream"><li :for={[domId, song] of @streams.songs} id={domId}>{song.title}</li></ul>'),
  });
  const Page = defineView<{ playlist: typeof Playlist }>({
    name: "PlaylistPage",
    mount: (_p, _s, socket) => void socket.assign("playlist", Playlist),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<main>{componentRef(@playlist, "list")}</main>`),
  });
  const view = await mountView(Page);
  const items = '<li id="songs-1">One</li><li id="songs-2">Two</li>';
  assert.ok(view.staticHTML.includes(items), `HTTP render: ${view.staticHTML}`);
  assert.ok(view.html().includes(items), `join: ${view.html()}`);
  const joinStream = JSON.stringify((view.diffs[0] as { c: Record<string, unknown> }).c);
  assert.match(joinStream, /"stream":\["1-0",\[\["songs-1",-1,null,null\],\["songs-2",-1,null,null\]\],\[\]\]/);
  await view.click({ event: "add", cid: 1 }, { id: "3", title: "Three" });
  assert.ok(view.html().includes('<li id="songs-3">Three</li>'), view.html());
  assert.match(JSON.stringify(view.lastDiff), /"stream":\["1-0",\[\["songs-3",-1,null,null\]\],\[\]\]/);
});

streams("a change to one stream does not re-send the view's other streams", async () => {
  const V = defineView<Record<string, never>>({
    name: "TwoStreams",
    mount(_p, _s, socket) {
      socket.stream<Song>("a", [{ id: 1, title: "A1" }]);
      socket.stream<Song>("b", [{ id: 1, title: "B1" }]);
    },
    handleEvent: (_e, _v, socket) => void socket.streamInsert<Song>("b", { id: 2, title: "B2" }),
    template: await loadTemplate(
      '<ul id="a" phx-update="stream"><li :for={[id, s] of @streams.a} id={id}>{s.title}</li></ul><ul id="b" phx-update="stream"><li :for={[id, s] of @streams.b} id={id}>{s.title}</li></ul>',
    ),
  });
  const view = await mountView(V);
  await view.click("add");
  assert.equal(view.lastDiff, { 1: { k: { 0: { 0: ' id="b-2"', 1: "B2" }, kc: 1 }, stream: ["1", [["b-2", -1, null, null]], []] } });
  assert.ok(view.html().includes('<li id="a-1">A1</li></ul>'), view.html());
});

streams.run();
