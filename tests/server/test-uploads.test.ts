// `view.upload` in livehtml/test: files chosen and uploaded whole, in process, then consumed by
// the view's submit, or refused with the view's errors; the files go with their entries.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { mountView } from "../../runtime/test/index.ts";
import { uploaded, UploadView } from "./fixtures/upload-view.ts";

const harness = suite("livehtml/test uploads");

harness("an uploaded file is done and the submit consumes it", async () => {
  uploaded.files = [];
  uploaded.options = {};
  const view = await mountView(UploadView);
  await view.upload("avatar", [{ name: "me.png", content: "hello", type: "image/png" }]);
  assert.match(view.html(), /me.png 100% done \[\]/);
  await view.submit("form#f");
  assert.equal(uploaded.files.map((f) => [f.name, f.bytes.toString()]), [["me.png", "hello"]]);
  assert.match(view.html(), /<p id="saved">me.png<\/p>/);
  view.runtime.terminate("test over");
});

harness("a refused choice answers with LiveView's error and shows it", async () => {
  const view = await mountView(UploadView);
  const reply = await view.upload("avatar", [{ name: "notes.txt", content: "x", type: "text/plain" }]);
  assert.equal((reply.error as unknown[][]).map(([, reason]) => reason), ["not_accepted"]);
  assert.match(view.html(), /notes.txt 0% \[not_accepted\]/);
  const partial = await mountView(UploadView);
  await partial.upload("avatar", [{ name: "a.png", content: "12345", type: "image/png" }], { progress: 40 });
  assert.match(partial.html(), /a.png 40% \[\]/);
  const missing = await partial.upload("nope", []).then(() => null, (error: Error) => error.message);
  assert.match(missing ?? "", /no upload "nope" is allowed on the view/);
  view.runtime.terminate("test over");
  partial.runtime.terminate("test over");
});

harness.run();
