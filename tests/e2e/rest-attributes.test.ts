// Rest attributes in Chromium with each client: a component from a `live` template declared
// with `withAttributes` passes its undeclared attributes through to its element (an event
// binding among them) and keeps its own attributes out of the HTML; a rest value the view
// changes is patched on the element, and a diff that changes none of them does not resend them.
// (The official client marks elements with its own `data-phx-*` attributes; they are not ours.)
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, recordFrames, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { ToolbarView } = await import("./fixtures/toolbar.ts");

const e2e = browserSuite("rest attributes in Chromium", [live("/toolbar", ToolbarView)]);

e2e("the rest reaches the element, the component's own attributes do not, and a click bound through the rest reaches the view", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/toolbar"));
  const save = await page.$eval("#save", (el) => ({ attributes: el.getAttributeNames().filter((name) => !name.startsWith("data-phx-")).sort(), className: el.className, title: el.getAttribute("title"), text: el.textContent }));
  assert.equal(save.attributes, ["class", "id", "phx-click", "title"]);
  assert.is(save.className, "btn btn-primary");
  assert.is(save.title, "Save now");
  assert.is(save.text, "Save");
  assert.is(await page.getAttribute("#lock", "class"), "btn btn-plain");
  await page.click("#save");
  await waitForText(page, "#saved", "1");
  assert.equal(errors, []);
});

e2e("a rest value the view changes follows on the element; a change outside the rest does not resend it", async ({ page, app }) => {
  const frames = recordFrames(page);
  const errors = await openLive(page, app.url("/toolbar"));
  await page.click("#lock");
  await page.waitForFunction(() => (document.querySelector("#save") as HTMLButtonElement | null)?.disabled === true, null, { timeout: 3000 });
  assert.is(await page.getAttribute("#save", "title"), "Locked");
  await page.click("#lock");
  await page.waitForFunction(() => (document.querySelector("#save") as HTMLButtonElement | null)?.disabled === false, null, { timeout: 3000 });
  assert.is(await page.getAttribute("#save", "title"), "Save now");

  const before = frames.length;
  await page.click("#save");
  await waitForText(page, "#saved", "1");
  const reply = frames.slice(before).map((frame) => JSON.stringify(frame)).find((text) => text.includes("phx_reply"));
  assert.ok(reply, "the click's reply arrived");
  assert.not.ok(reply.includes("Save now"), `the reply resent the unchanged rest: ${reply}`);
  assert.equal(errors, []);
});

e2e.run();
