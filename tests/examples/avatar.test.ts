// The avatar example over a real socket, as a browser drives it: a chosen image is uploaded in
// chunks and saved (served back with the type its extension names, whatever the browser
// declared), a file too large is refused with the page's message, and no temporary file stays.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../runtime/register.ts";
import { live } from "../../runtime/server/index.ts";
import { response, startApp, status, type App } from "../server/helpers/live-app.ts";
import { bytes, chunk, filesBecome, joinEntry, Page } from "../server/helpers/uploads.ts";

const { AvatarView, MAX_AVATAR_BYTES } = await import("../../examples/avatar/avatar.ts");
const { avatarOf } = await import("../../examples/avatar/avatars.ts");

const avatar = suite<{ app: App; dir: string }>("examples: avatar upload");
avatar.before.each(async (ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), "livehtml-avatar-test-"));
  ctx.app = await startApp({ routes: [live("/avatar", AvatarView)], uploadDir: ctx.dir, session: () => ({ userId: "ada" }) });
});
avatar.after.each(async (ctx) => {
  await ctx.app.server.close();
  rmSync(ctx.dir, { recursive: true, force: true });
});

avatar("an image is uploaded in chunks, previewed, and saved; the upload's file is then removed", async (ctx) => {
  const page = await Page.open(ctx.app, "/avatar");
  assert.match(page.html, /id="no-avatar"/);
  const data = bytes(150_000);
  const preflight = await page.allow([{ ref: "0", name: "me.png", size: data.byteLength, type: "text/html" }]);
  assert.match(page.html, /<img id="phx-preview-0"[^>]*data-phx-hook="Phoenix.LiveImgPreview"/);
  const chunkSize = (response(preflight).config as { chunk_size: number }).chunk_size;
  const { joinRef } = await joinEntry(page, preflight, "0");
  for (let offset = 0; offset < data.byteLength; offset += chunkSize) {
    assert.is(status(await chunk(page, joinRef, "0", data.subarray(offset, offset + chunkSize))), "ok");
  }
  await page.push("progress", { ref: page.uploadRef(), entry_ref: "0", progress: 100 });
  assert.match(page.html, /<progress value="100" max="100">/);
  await page.push("event", { type: "form", event: "save", value: "" });
  const saved = avatarOf("ada")!;
  assert.ok(Buffer.from(data).equals(saved.bytes));
  assert.is(saved.type, "image/png", "served by its extension's type, not the declared one");
  assert.match(page.html, /<img id="current-avatar" class="avatar-image" src="\/avatars\/ada\?v=1"/);
  assert.not.match(page.html, /class="entry"/);
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

avatar("a file too large or of another type is refused with the page's message", async (ctx) => {
  const page = await Page.open(ctx.app, "/avatar");
  await page.allow([{ ref: "0", name: "big.png", size: MAX_AVATAR_BYTES + 1, type: "image/png" }]);
  assert.match(page.html, /That file is too large \(2 MB at most\)\./);
  await page.push("event", { type: "click", event: "cancel", value: { ref: "0" } });
  await page.allow([{ ref: "1", name: "notes.svg", size: 10, type: "image/svg+xml" }]);
  assert.match(page.html, /Choose a PNG, JPEG, GIF or WebP image\./);
  assert.match(page.html, /<button id="save" type="submit">/, "an entry, even refused, enables the button (the client blocks the submit)");
  page.socket.close();
});

avatar.run();
