// allowUpload's options are checked when it is called, with errors that name the upload and the
// option; an upload's checks of the client's entries follow LiveView's rules.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkChunkSize, Upload, type UploadOptions } from "../../runtime/server/uploads/config.ts";
import { MAX_BINARY_HEADER } from "../../runtime/server/uploads/binary-frame.ts";
import { uploadErrors } from "../../runtime/shared/uploads.ts";
import { SocketState } from "../../runtime/server/socket.ts";

const config = suite("upload config");

config("bad options are refused with the upload's name and the option", () => {
  assert.throws(() => new Upload("avatar", "r", {} as never), /allowUpload\("avatar"\) needs `accept`/);
  assert.throws(() => new Upload("avatar", "r", { accept: [] }), /needs `accept`/);
  assert.throws(() => new Upload("avatar", "r", { accept: ["png"] }), /"png" is neither an extension/);
  assert.throws(() => new Upload("avatar", "r", { accept: [".png"], maxEntries: 0 }), /maxEntries must be a positive integer \(got 0\)/);
  assert.throws(() => new Upload("avatar", "r", { accept: [".png"], chunkSize: 1.5 }), /chunkSize must be a positive integer/);
  assert.throws(() => new Upload("", "r", { accept: "any" }), /needs a name/);
});

config("chunkSize is checked against the frame limit, with room for the frame header; external uploads send no chunks here", () => {
  const upload = (options: Partial<UploadOptions>) => new Upload("avatar", "r", { accept: "any", ...options });
  assert.not.throws(() => checkChunkSize(upload({}), 1024 * 1024), "the defaults fit");
  assert.not.throws(() => checkChunkSize(upload({ chunkSize: 1024 * 1024 - MAX_BINARY_HEADER }), 1024 * 1024));
  assert.throws(
    () => checkChunkSize(upload({ chunkSize: 1024 * 1024 }), 1024 * 1024),
    /allowUpload\("avatar"\): chunkSize 1048576 does not fit in a WebSocket frame: limits\.frameBytes is 1048576 .* at most 1047551/,
  );
  assert.not.throws(() => checkChunkSize(upload({ chunkSize: 5_000_000, external: () => ({ uploader: "S3" }) }), 1024 * 1024));
});

config("entries: type by MIME family, exact type or extension; size from the declaration; count; one file replaces one", () => {
  const upload = new Upload("docs", "ref", { accept: ["image/*", "application/pdf", ".md"], maxEntries: 2, maxFileSize: 100 });
  upload.putEntries([
    { ref: "a", name: "x.gif", size: 1, type: "image/gif" },
    { ref: "b", name: "y", size: 1, type: "application/pdf" },
  ]);
  assert.equal(upload.entries.map((e) => e.valid), [true, true]);
  const more = upload.putEntries([
    { ref: "c", name: "notes.MD", size: 1, type: "" },
    { ref: "d", name: "big.gif", size: 101, type: "image/gif" },
    { ref: "e", name: "run.exe", size: 1, type: "application/x-msdownload" },
  ]);
  assert.not.ok(more.ok);
  const snapshot = upload.snapshot();
  assert.equal(uploadErrors(snapshot), ["too_many_files"]);
  assert.equal(uploadErrors(snapshot, upload.entry("c")!), []);
  assert.equal(uploadErrors(snapshot, upload.entry("d")!), ["too_large"]);
  assert.equal(uploadErrors(snapshot, upload.entry("e")!), ["not_accepted"]);
  for (const ref of ["c", "d", "e"]) upload.drop(ref);
  assert.equal(uploadErrors(upload.snapshot()), [], "too_many_files goes once the count is back within the limit");
  assert.is(upload.snapshot(), upload.snapshot(), "the same snapshot until something changes");

  const one = new Upload("avatar", "r1", { accept: "any" });
  one.putEntries([{ ref: "a", name: "a", size: 1, type: "" }]);
  const { replaced } = one.putEntries([{ ref: "b", name: "b", size: 1, type: "" }]);
  assert.equal(replaced.map((e) => e.ref), ["a"]);
  assert.equal(one.entries.map((e) => e.ref), ["b"]);
});

config("`uploads` is the runtime's assign: a view cannot assign it", () => {
  const state = new SocketState();
  assert.throws(() => state.set("uploads", {}), /"uploads" is a reserved assign/);
});

config.run();
