// Uploads in Chromium with both clients: a 5 MB file goes up in chunks with progress and is
// consumed on submit; a file over the limit is refused with its error shown; a cancelled upload
// leaves no temporary file; a file dropped on a `phx-drop-target` is chosen as if picked.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { UPLOADS_PATH } from "../../runtime/server/client-asset.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { AvatarView, avatarProgress } = await import("./fixtures/avatar.ts");

const dir = mkdtempSync(join(tmpdir(), "livehtml-e2e-uploads-"));
const files = () => readdirSync(dir);

async function filesBecome(count: number): Promise<void> {
  for (let i = 0; i < 300 && files().length !== count; i++) await new Promise((r) => setTimeout(r, 10));
  assert.is(files().length, count, `temporary files: ${files().join(", ")}`);
}

function buffer(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7) % 251;
  return out;
}

/** The page's external uploader: it reads the file, reports progress, and records what it was given. */
const FAKE_UPLOADER = `
window.uploadedElsewhere = [];
window.testUploaders = {
  Fake(entries) {
    for (const entry of entries) {
      entry.file.arrayBuffer().then((bytes) => {
        entry.progress(50);
        window.uploadedElsewhere.push(entry.file.name + ":" + bytes.byteLength + ":" + entry.meta.key);
        entry.progress(100);
      });
    }
  },
};`;

const e2e = browserSuite("uploads in Chromium", [live("/avatar", AvatarView)], { server: { uploadDir: dir }, head: FAKE_UPLOADER });

async function fresh(page: Page, url: string): Promise<string[]> {
  const errors = await openLive(page, url);
  await filesBecome(0);
  return errors;
}

e2e("a 5 MB file goes up in chunks with progress, and the submit consumes it", async ({ page, app, client }) => {
  const logFrom = app.logger.messages.length;
  avatarProgress.length = 0;
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  const errors = await fresh(page, app.url("/avatar"));
  assert.not.ok(requests.includes(UPLOADS_PATH), "the upload module is not loaded before it is needed");
  const size = 5 * 1024 * 1024;
  await page.setInputFiles("input[name=avatar]", { name: "photo.png", mimeType: "image/png", buffer: buffer(size) });
  await page.waitForSelector(".entry .name", { timeout: 3000 });
  assert.is(await page.textContent(".entry .name"), "photo.png");
  assert.is(await page.textContent(".entry .errors"), "");
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>("img[data-phx-entry-ref]")?.src.startsWith("blob:"), undefined, { timeout: 3000 });
  if (client === "livehtml") assert.ok(requests.includes(UPLOADS_PATH), "choosing a file loaded the upload module");
  await page.click("#save");
  await waitForText(page, "#saved", `photo.png:${size}`, 20_000);
  const partial = avatarProgress.filter((p) => p > 0 && p < 100);
  assert.ok(partial.length >= 3, `progress between 0 and 100 was reported (${avatarProgress.join(",")})`);
  assert.equal([...avatarProgress].sort((a, b) => a - b), avatarProgress, "progress only grows");
  assert.is(avatarProgress.at(-1), 100);
  assert.is(await page.locator(".entry").count(), 0, "the consumed entry is gone");
  await filesBecome(0);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a file over the limit is refused with its error shown, and nothing is uploaded", async ({ page, app }) => {
  await fresh(page, app.url("/avatar"));
  await page.setInputFiles("input[name=avatar]", { name: "huge.png", mimeType: "image/png", buffer: buffer(6_000_001) });
  await waitForText(page, ".entry .errors", "too_large");
  await page.click("#save");
  // The client does not upload an entry in error; the server would refuse its bytes anyway.
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(files(), []);
  assert.is(await page.textContent("#saved"), "");
  await page.setInputFiles("input[name=avatar]", { name: "notes.txt", mimeType: "text/plain", buffer: buffer(10) });
  await waitForText(page, ".entry .errors", "not_accepted");
});

e2e("cancelling an upload in progress leaves no temporary file", async ({ page, app }) => {
  await fresh(page, app.url("/avatar"));
  await page.setInputFiles("input[name=slow]", { name: "big.bin", mimeType: "application/octet-stream", buffer: buffer(4_000_000) });
  // Under way: some bytes are on disk and the entry shows progress.
  await page.waitForFunction(() => Number(document.querySelector(".slow-entry")?.getAttribute("data-progress") ?? 0) > 0, undefined, { timeout: 5000 });
  assert.is(files().length, 1);
  await page.click(".slow-entry .cancel");
  await page.waitForSelector(".slow-entry", { state: "detached", timeout: 3000 });
  await filesBecome(0);
  assert.ok(app.server.connectionCount >= 1, "the page stays connected");
});

e2e("a file dropped on the drop target is chosen as if picked", async ({ page, app }) => {
  await fresh(page, app.url("/avatar"));
  await page.evaluate(() => {
    const drop = document.getElementById("drop")!;
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(2048)], "dropped.png", { type: "image/png" }));
    for (const type of ["dragenter", "dragover", "drop"]) drop.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await waitForText(page, ".entry .name", "dropped.png");
  await page.click("#save");
  await waitForText(page, "#saved", "dropped.png:2048", 5000);
  await filesBecome(0);
});

e2e("an external upload goes through the page's uploader with the meta the server gave", async ({ page, app }) => {
  await fresh(page, app.url("/avatar"));
  await page.setInputFiles("input[name=elsewhere]", { name: "far.bin", mimeType: "application/octet-stream", buffer: buffer(1234) });
  await waitForText(page, ".elsewhere-entry", "far.bin 100 done");
  assert.equal(await page.evaluate(() => (window as unknown as { uploadedElsewhere: string[] }).uploadedElsewhere), ["far.bin:1234:key-far.bin"]);
  assert.equal(files(), [], "nothing was written on this server");
});

e2e.run();
