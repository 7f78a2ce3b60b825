// livehtml/test: following redirects to the next view, and waiting for pushed events, patches
// and redirects that come from timers rather than from the action itself.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, live } from "../../runtime/server/index.ts";
import { followRedirect, mountOrRedirect, mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const tests = suite("livehtml/test: follow and wait");

const Inbox = defineView<Record<string, never>, "later">({
  name: "Inbox",
  handleEvent(event, _v, socket) {
    if (event === "open") socket.putFlash("info", "Opened").pushNavigate("/messages/7");
    if (event === "soon") socket.sendAfter("later", 5);
  },
  handleInfo: (_m, socket) => void socket.pushEvent("ready", { at: "later" }).pushPatch("/inbox?tab=new"),
  handleParams: () => {},
  template: await loadTemplate('<p id="inbox">inbox</p>'),
});
const Message = defineView<{ id: string }>({
  name: "Message",
  mount: (params, _s, socket) => void socket.assign("id", String(params.id)),
  template: await loadTemplate('<p id="flash">{@flash.info}</p><h1 id="subject">Message {@id}</h1>'),
});
const Guarded = defineView<Record<string, never>>({
  name: "Guarded",
  mount: (_p, _s, socket) => void socket.redirect("/messages/1"),
  template: await loadTemplate("<p>never</p>"),
});
const routes = [live("/inbox", Inbox), live("/messages/:id", Message), live("/guarded", Guarded)];

tests("followRedirect mounts the next view with the flash it carried, from an event or from a mount", async () => {
  const inbox = await mountView(Inbox, { url: "http://localhost/inbox" });
  await inbox.click("open");
  const message = await followRedirect(inbox, routes);
  assert.ok(message.html().includes('<p id="flash">Opened</p><h1 id="subject">Message 7</h1>'), message.html());
  assert.is(message.url, "http://localhost/messages/7");

  const redirected = await mountOrRedirect(Guarded);
  const first = await followRedirect(redirected, routes);
  assert.ok(first.html().includes("Message 1"), first.html());

  const stayed = await mountView(Message, { params: { id: "2" } });
  const err = await followRedirect(stayed, routes).then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /the view did not navigate away/);
});

tests("waitForEvent and waitForPatch wait for what a timer pushes; a timeout says what came instead", async () => {
  const inbox = await mountView(Inbox, { url: "http://localhost/inbox" });
  await inbox.click("soon");
  assert.equal(await inbox.waitForEvent("ready"), { at: "later" });
  assert.is(await inbox.waitForPatch("/inbox?tab=new"), "/inbox?tab=new");
  const err = await inbox.waitForEvent("never", 30).then(() => null, (e: Error) => e);
  assert.match(String(err?.message), /no "never" event within 30 ms; pushed: \["ready"\]/);
  const noRedirect = await inbox.waitForRedirect(undefined, 30).then(() => null, (e: Error) => e);
  assert.match(String(noRedirect?.message), /no live_redirect or redirect within 30 ms/);
  await inbox.click("open");
  assert.is(await inbox.waitForRedirect("/messages/7"), "/messages/7");
  inbox.terminate();
});

tests("html() shows every item a stream still has on the page: inserts at a position, limits, updates in place, deletes, reset", async () => {
  type Song = { id: number; title: string };
  const V = defineView<Record<string, never>>({
    mount: (_p, _s, socket) => void socket.stream<Song>("songs", [{ id: 1, title: "One" }, { id: 2, title: "Two" }]),
    handleEvent(event, value, socket) {
      if (event === "prepend") socket.streamInsert<Song>("songs", { id: 0, title: "Zero" }, { at: 0, limit: 3 });
      if (event === "append") socket.streamInsert<Song>("songs", { id: 3, title: "Three" }, { limit: -3 });
      if (event === "rename") socket.streamInsert<Song>("songs", { id: 2, title: "Deux" }, { at: 0 });
      if (event === "touch") socket.streamInsert<Song>("songs", { id: 9, title: "Nine" }, { updateOnly: true });
      if (event === "delete") socket.streamDeleteByDomId("songs", String(value.id));
      if (event === "reset") socket.stream<Song>("songs", [{ id: 5, title: "Five" }], { reset: true });
    },
    template: await loadTemplate('<ul id="songs" phx-update="stream"><li :for={[domId, song] of @streams.songs} id={domId}>{song.title}</li></ul>'),
  });
  const view = await mountView(V);
  const items = () => view.find("li").map((li) => li.attributes.id).join(",");
  assert.is(items(), "songs-1,songs-2");
  await view.click("prepend");
  assert.is(items(), "songs-0,songs-1,songs-2");
  await view.click("append");
  assert.is(items(), "songs-1,songs-2,songs-3", "a negative limit keeps the last items");
  await view.click("rename");
  assert.match(view.html(), /<li id="songs-1">One<\/li><li id="songs-2">Deux<\/li>/, "an item already shown is updated where it is");
  await view.click("touch");
  assert.is(items(), "songs-1,songs-2,songs-3", "updateOnly adds nothing");
  await view.click("delete", { id: "songs-2" });
  assert.is(items(), "songs-1,songs-3");
  await view.click("reset");
  assert.is(view.html(), '<ul id="songs" phx-update="stream"><li id="songs-5">Five</li></ul>');
});

tests.run();
