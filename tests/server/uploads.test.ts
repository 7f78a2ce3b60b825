// Uploads over the wire as the official client drives them (PROTOCOL.md §4.5): allow_upload
// with its preflight reply, one `lvu:` channel per entry receiving binary chunks, progress, and
// consuming on submit. The server enforces the limits itself, and every way an upload can end
// leaves no temporary file behind.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { UPLOADS_PATH } from "../../runtime/server/client-asset.ts";
import { encodeBinaryFrame } from "../../runtime/server/uploads/binary-frame.ts";
import { getPage, response, startApp, status, type App } from "./helpers/live-app.ts";
import { bytes, chunk, filesBecome, joinEntry, Page, png } from "./helpers/uploads.ts";
import { uploaded, UploadView } from "./fixtures/upload-view.ts";

interface Ctx {
  app: App;
  dir: string;
}
const uploads = suite<Ctx>("uploads");

uploads.before.each(async (ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), "livehtml-upload-test-"));
  uploaded.files = [];
  uploaded.options = {};
  ctx.app = await startApp({ routes: [live("/up", UploadView)], uploadDir: ctx.dir });
});
uploads.after.each(async (ctx) => {
  await ctx.app.server.close();
  rmSync(ctx.dir, { recursive: true, force: true });
});

const files = (dir: string) => readdirSync(dir);

uploads("the page renders the file input with the upload's data-phx attributes", async (ctx) => {
  const { html } = await getPage(ctx.app, "/up");
  const input = /<input[^>]*type="file"[^>]*>/.exec(html)![0];
  assert.match(input, /name="avatar"/);
  assert.match(input, /accept="\.png,image\/jpeg"/);
  assert.match(input, /data-phx-hook="Phoenix.LiveFileUpload"/);
  assert.match(input, /data-phx-upload-ref="[^"]+"/);
  assert.match(input, /data-phx-active-refs=""/);
  assert.match(input, / multiple/);
  assert.not.match(input, /data-phx-auto-upload/);
});

uploads("a file goes up in chunks, with progress, and is consumed on submit; its temporary file then goes", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 250)]);
  const body = response(preflight);
  assert.equal(body.config, { max_file_size: 1000, max_entries: 2, chunk_size: 100, chunk_timeout: 10000 });
  assert.equal(body.errors, {});
  assert.type((body.entries as Record<string, unknown>)["0"], "string");
  assert.match(page.html, /data-phx-preflighted-refs="0"/);
  const { joinRef, reply } = await joinEntry(page, preflight, "0");
  assert.is(status(reply), "ok");
  const data = bytes(250);
  for (let offset = 0; offset < 250; offset += 100) {
    assert.is(status(await chunk(page, joinRef, "0", data.subarray(offset, offset + 100))), "ok");
  }
  await page.push("progress", { ref: page.uploadRef(), entry_ref: "0", progress: 40 });
  assert.match(page.html, /file0.png 40%/);
  assert.match(page.html, /<p id="seen">40<\/p>/, "the progress callback ran");
  await page.push("progress", { ref: page.uploadRef(), entry_ref: "0", progress: 100 });
  assert.match(page.html, /file0.png 100% done/);
  assert.match(page.html, /data-phx-done-refs="0"/);
  assert.is(files(ctx.dir).length, 1);
  await page.push("event", { type: "form", event: "save", value: "" });
  assert.match(page.html, /<p id="saved">file0.png<\/p>/);
  assert.not.match(page.html, /class="entry"/);
  assert.equal(uploaded.files.map((f) => f.name), ["file0.png"]);
  assert.ok(Buffer.from(data).equals(uploaded.files[0]!.bytes), "the consumer read the bytes that were sent");
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

uploads("limits from the client's description: too large, not accepted, too many files (the errors LiveView names)", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const large = await page.allow([png("0", 1001)]);
  assert.equal([response(large).ref, response(large).error], [page.uploadRef(), [["0", "too_large"]]]);
  assert.match(page.html, /file0.png 0% \[too_large\]/);
  const page2 = await Page.open(ctx.app, "/up");
  const text = await page2.allow([{ ref: "1", name: "notes.txt", size: 10, type: "text/plain" }]);
  assert.equal(response(text).error, [["1", "not_accepted"]]);
  // By extension when the browser gives no type; by type whatever the name.
  const page3 = await Page.open(ctx.app, "/up");
  const ok = await page3.allow([{ ref: "2", name: "a.PNG", size: 10, type: "" }, { ref: "3", name: "photo", size: 10, type: "image/jpeg" }]);
  assert.equal(Object.keys(response(ok).entries as object), ["2", "3"]);
  const page4 = await Page.open(ctx.app, "/up");
  const many = await page4.allow([png("4", 10), png("5", 10), png("6", 10)]);
  assert.equal(response(many).error, [[page4.uploadRef(), "too_many_files"]]);
  assert.match(page4.html, /<p id="errors">\[too_many_files\]<\/p>/);
  for (const p of [page, page2, page3, page4]) p.socket.close();
});

uploads("bytes past the declared size are refused, the channel closes and the file goes", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 150)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  assert.is(status(await chunk(page, joinRef, "0", bytes(100))), "ok");
  const refused = await chunk(page, joinRef, "0", bytes(100));
  assert.equal(refused[4], { status: "error", response: { reason: "file_size_limit_exceeded", limit: 150 } });
  await page.socket.waitFor((m) => m[2] === "lvu:0" && m[3] === "phx_close");
  await filesBecome(ctx.dir, 0);
  await page.socket.waitFor((m) => m[2] === page.topic && m[3] === "diff");
  assert.not.match(page.html, /class="entry"/, "the entry is gone from the view");
  page.socket.close();
});

uploads("a client claiming 100% before its bytes arrived is shown 99%, and the entry is not done", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 150)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  await chunk(page, joinRef, "0", bytes(100));
  await page.push("progress", { ref: page.uploadRef(), entry_ref: "0", progress: 100 });
  assert.match(page.html, /file0.png 99% \[/);
  page.socket.sendRaw(JSON.stringify(["1", "77", page.topic, "event", { type: "form", event: "save", value: "" }]));
  // Consuming while an entry is in progress is the view's bug: it crashes, as in LiveView.
  await page.socket.waitFor((m) => m[2] === page.topic && m[3] === "phx_error");
  assert.ok(ctx.app.logger.has("error", /still in progress/));
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

uploads("cancelling an entry closes its channel and removes its file", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 300)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  await chunk(page, joinRef, "0", bytes(100));
  assert.is(files(ctx.dir).length, 1);
  await page.push("event", { type: "click", event: "cancel", value: { ref: "0" } });
  await page.socket.waitFor((m) => m[2] === "lvu:0" && m[3] === "phx_close");
  await filesBecome(ctx.dir, 0);
  assert.not.match(page.html, /class="entry"/);
  const late = await chunk(page, joinRef, "0", bytes(100));
  assert.equal(late[4], { status: "error", response: { reason: "unmatched topic" } });
  page.socket.close();
});

uploads("a disconnect mid-upload removes the file", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 300)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  await chunk(page, joinRef, "0", bytes(100));
  assert.is(files(ctx.dir).length, 1);
  page.socket.close();
  await filesBecome(ctx.dir, 0);
});

uploads("a view crash removes its upload files", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 300)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  await chunk(page, joinRef, "0", bytes(100));
  page.socket.sendRaw(JSON.stringify(["1", "77", page.topic, "event", { type: "click", event: "boom", value: {} }]));
  await page.socket.waitFor((m) => m[2] === page.topic && m[3] === "phx_error");
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

uploads("closing the server removes the files of uploads in progress", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 300), png("1", 300)]);
  for (const ref of ["0", "1"]) {
    const { joinRef } = await joinEntry(page, preflight, ref);
    await chunk(page, joinRef, ref, bytes(100));
  }
  assert.is(files(ctx.dir).length, 2);
  await ctx.app.server.close();
  assert.is(files(ctx.dir).length, 0, "gone when close resolves");
});

uploads("a channel that stops sending is closed after chunkTimeout and its file removed", async (ctx) => {
  uploaded.options = { chunkTimeout: 50 };
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 300)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  // Not awaited: on a slow machine the timeout may close the channel before this chunk lands.
  void chunk(page, joinRef, "0", bytes(100)).catch(() => null);
  await page.socket.waitFor((m) => m[2] === "lvu:0" && m[3] === "phx_close");
  await filesBecome(ctx.dir, 0);
  await page.socket.waitFor((m) => m[2] === page.topic && m[3] === "diff");
  assert.not.match(page.html, /class="entry"/, "the entry is gone with its channel");
  page.socket.close();
});

uploads("a choice of one file replaces the previous one (maxEntries 1), closing its channel", async (ctx) => {
  uploaded.options = { maxEntries: 1 };
  const page = await Page.open(ctx.app, "/up");
  const first = await page.allow([png("0", 300)]);
  const { joinRef } = await joinEntry(page, first, "0");
  await chunk(page, joinRef, "0", bytes(100));
  const second = await page.allow([png("1", 300)]);
  assert.equal(Object.keys(response(second).entries as object), ["1"]);
  await page.socket.waitFor((m) => m[2] === "lvu:0" && m[3] === "phx_close");
  await filesBecome(ctx.dir, 0);
  assert.match(page.html, /data-phx-active-refs="1"/);
  page.socket.close();
});

uploads("hostile upload frames get clear errors and the server stays up", async (ctx) => {
  const page = await Page.open(ctx.app, "/up");
  const { logger } = ctx.app;
  // Too short for a header; not a push; field lengths past the end.
  page.socket.ws.send(Uint8Array.from([0, 1]));
  page.socket.ws.send(Uint8Array.from([1, 0, 0, 0, 0]));
  page.socket.ws.send(Uint8Array.from([0, 9, 9, 9, 9, 65]));
  await page.socket.waitFor((m) => m[2] === "phoenix" && m[3] === "phx_error" && /kind 0/.test(String(m[4].reason)));
  // A chunk for a channel never joined.
  const stray = await chunk(page, "9", "7", bytes(10));
  assert.equal(stray[4], { status: "error", response: { reason: "unmatched topic" } });
  // A forged token, a token for another entry, and JSON on an upload topic.
  const forged = await page.socket.push("5", "lvu:0", "phx_join", { token: "not a token" });
  assert.equal(forged[4], { status: "error", response: { reason: "invalid_token" } });
  const preflight = await page.allow([png("0", 100)]);
  const token = (response(preflight).entries as Record<string, string>)["0"];
  const other = await page.socket.push("6", "lvu:1", "phx_join", { token });
  assert.equal(other[4], { status: "error", response: { reason: "invalid_token" } });
  const json = await page.socket.push("7", "lvu:0", "chunk", { data: "x" });
  assert.is(status(json), "error");
  // Preflights that make no sense.
  const unknown = await page.push("allow_upload", { ref: "nope", entries: [] });
  assert.match(String(response(unknown).reason), /no upload of this view/);
  const malformed = await page.allow([{ ref: "0", name: "a.png", size: -1, type: "image/png" }]);
  assert.match(String(response(malformed).reason), /"size" must be a non-negative integer/);
  const badProgress = await page.push("progress", { ref: page.uploadRef(), entry_ref: "0", progress: 101 });
  assert.is(status(badProgress), "error");
  // A second join of the same entry while the first holds it.
  const { reply } = await joinEntry(page, preflight, "0");
  assert.is(status(reply), "ok");
  const again = await page.socket.push("8", "lvu:0", "phx_join", { token });
  assert.equal(again[4], { status: "error", response: { reason: "already_registered" } });
  assert.ok(logger.has("error", /binary frame/));
  // Still serving: the view answers and a new page uploads.
  const fresh = await Page.open(ctx.app, "/up");
  assert.equal(Object.keys(response(await fresh.allow([png("9", 10)])).entries as object), ["9"]);
  fresh.socket.close();
  page.socket.close();
  await filesBecome(ctx.dir, 0);
});

uploads("a frame larger than the frame limit closes that socket only (1009)", async (ctx) => {
  await ctx.app.server.close();
  ctx.app = await startApp({ routes: [live("/up", UploadView)], uploadDir: ctx.dir, limits: { frameBytes: 4096 } });
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 900)]);
  const { joinRef } = await joinEntry(page, preflight, "0");
  page.socket.ws.send(encodeBinaryFrame(joinRef, "99", "lvu:0", "chunk", bytes(5000)));
  assert.is(await page.socket.closed(), 1009);
  await filesBecome(ctx.dir, 0);
  const other = await Page.open(ctx.app, "/up");
  assert.ok((response(await other.allow([png("1", 10)])).entries as Record<string, string>)["1"]);
  other.socket.close();
});

uploads("a chunkSize that cannot fit in a frame is refused at allowUpload, naming both values; one that fits uploads", async (ctx) => {
  await ctx.app.server.close();
  ctx.app = await startApp({ routes: [live("/up", UploadView)], uploadDir: ctx.dir, limits: { frameBytes: 4096 } });
  uploaded.options = { chunkSize: 4000 };
  const refused = await getPage(ctx.app, "/up");
  assert.is(refused.status, 500);
  assert.ok(
    ctx.app.logger.has("error", /allowUpload\("avatar"\): chunkSize 4000 does not fit in a WebSocket frame: limits\.frameBytes is 4096 .* chunkSize must be at most 3071/),
    ctx.app.logger.messages.map((m) => m.message).join("\n"),
  );
  // The largest chunk that fits goes through in one frame.
  uploaded.options = { chunkSize: 3071, maxFileSize: 3071 };
  const page = await Page.open(ctx.app, "/up");
  const preflight = await page.allow([png("0", 3071)]);
  assert.is((response(preflight).config as { chunk_size: number }).chunk_size, 3071);
  const { joinRef } = await joinEntry(page, preflight, "0");
  assert.is(status(await chunk(page, joinRef, "0", bytes(3071))), "ok");
  page.socket.close();
  await filesBecome(ctx.dir, 0);
});

uploads("the client's upload module is served beside it", async (ctx) => {
  const res = await fetch(`${ctx.app.origin}${UPLOADS_PATH}`);
  assert.is(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.ok((await res.text()).includes("allow_upload"));
  assert.is((await fetch(`${ctx.app.origin}${UPLOADS_PATH}.map`)).status, 200);
});

uploads.run();
