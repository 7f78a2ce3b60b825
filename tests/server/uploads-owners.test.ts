// Uploads allowed by a stateful component (their messages carry its cid), and external uploads
// (the browser sends the file elsewhere with the meta the view gives it).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { response, startApp, status, type App } from "./helpers/live-app.ts";
import { chunk, filesBecome, joinEntry, Page } from "./helpers/uploads.ts";
import { consumed, ExternalView } from "./fixtures/upload-component.ts";

const owners = suite<{ app: App; dir: string }>("uploads: components and external uploads");
owners.before.each(async (ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), "livehtml-upload-owners-"));
  consumed.files = [];
  consumed.metas = [];
  ctx.app = await startApp({ routes: [live("/ext", ExternalView)], uploadDir: ctx.dir });
});
owners.after.each(async (ctx) => {
  await ctx.app.server.close();
  rmSync(ctx.dir, { recursive: true, force: true });
});

const refOf = (html: string, id: string) => new RegExp(`<form id="${id}"[\\s\\S]*?data-phx-upload-ref="([^"]+)"`).exec(html)![1]!;
const cidOf = (html: string) => Number(/data-cid="(\d+)"/.exec(html)![1]);

owners("a component's upload: preflight, chunks, progress and consume all name its cid", async (ctx) => {
  const page = await Page.open(ctx.app, "/ext");
  const ref = refOf(page.html, "docs");
  const cid = cidOf(page.html);
  const entries = [{ ref: "0", name: "a.txt", size: 5, type: "text/plain" }];
  const wrong = await page.push("allow_upload", { ref, entries });
  assert.match(String(response(wrong).reason), /belongs to component/, "without its cid the preflight is refused");
  const preflight = await page.push("allow_upload", { ref, entries, cid });
  const { joinRef } = await joinEntry(page, preflight, "0");
  assert.is(status(await chunk(page, joinRef, "0", new TextEncoder().encode("hello"))), "ok");
  await page.push("progress", { ref, entry_ref: "0", progress: 100, cid });
  assert.match(page.html, /<span class="doc">a.txt 100<\/span>/);
  await page.push("event", { type: "form", event: "save", value: "", cid });
  assert.equal(consumed.files, ["a.txt=hello"]);
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

owners("a component removed by the client takes its upload files with it", async (ctx) => {
  const page = await Page.open(ctx.app, "/ext");
  const ref = refOf(page.html, "docs");
  const cid = cidOf(page.html);
  const preflight = await page.push("allow_upload", { ref, entries: [{ ref: "0", name: "a.txt", size: 400, type: "text/plain" }], cid });
  const { joinRef } = await joinEntry(page, preflight, "0");
  await chunk(page, joinRef, "0", new Uint8Array(100));
  assert.is(readdirSync(ctx.dir).length, 1);
  await page.push("cids_will_destroy", { cids: [cid] });
  await page.push("cids_destroyed", { cids: [cid] });
  await filesBecome(ctx.dir, 0);
  page.socket.close();
});

owners("an external upload hands each entry its uploader's meta, or refuses it with the view's reason", async (ctx) => {
  const page = await Page.open(ctx.app, "/ext");
  const ref = refOf(page.html, "photos");
  const preflight = await page.push("allow_upload", {
    ref,
    entries: [
      { ref: "0", name: "cat.jpg", size: 7_000_000, type: "image/jpeg" },
      { ref: "1", name: "bad.jpg", size: 10, type: "image/jpeg" },
    ],
  });
  const body = response(preflight);
  const meta = (body.entries as Record<string, { uploader: string; url: string }>)["0"]!;
  assert.is(meta.uploader, "S3");
  assert.match(meta.url, /^https:\/\/bucket\.example\/[0-9a-f-]{36}$/);
  assert.equal(body.errors, { "1": [{ reason: "no bucket for you" }] });
  // No upload channel for an external entry.
  const join = await page.socket.push("9", "lvu:0", "phx_join", { token: "x" });
  assert.is(status(join), "error");
  await page.push("progress", { ref, entry_ref: "0", progress: 100 });
  assert.match(page.html, /cat.jpg 100 done \[\]/, "the client's word is all there is for an external upload");
  await page.push("progress", { ref, entry_ref: "1", progress: { error: "network" } });
  assert.match(page.html, /bad.jpg 0 \[external_metadata_failure,external_client_failure\]/);
  page.socket.close();
});

owners("consuming an external upload gives the consumer its meta, not a file", async (ctx) => {
  const page = await Page.open(ctx.app, "/ext");
  const ref = refOf(page.html, "photos");
  const preflight = await page.push("allow_upload", { ref, entries: [{ ref: "0", name: "cat.jpg", size: 10, type: "image/jpeg" }] });
  const meta = (response(preflight).entries as Record<string, unknown>)["0"];
  await page.push("progress", { ref, entry_ref: "0", progress: 100 });
  await page.push("event", { type: "form", event: "save", value: "" });
  assert.equal(consumed.metas, [{ path: null, meta }]);
  assert.not.match(page.html, /class="photo"/);
  page.socket.close();
});

owners.run();
