// bindingPrefix with each client: every binding (events, values, hooks, forms) is read with
// the page's prefix, here `lv-`.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { PrefixedView } = await import("./fixtures/prefixed.ts");

const HEAD = `window.mountedHooks = []; window.testHooks = { Marker: { mounted() { window.mountedHooks.push(this.el.id); } } };`;

const e2e = browserSuite("binding prefix in Chromium", [live("/pre", PrefixedView)], { head: HEAD, clientOptions: { bindingPrefix: "lv-" } });

e2e("lv-click with lv-value-*, lv-hook and lv-change all work under the prefix", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/pre"));
  await page.click("#add");
  await waitForText(page, "#total", "2");
  assert.equal(await page.evaluate(() => (window as unknown as { mountedHooks: string[] }).mountedHooks), ["hooked"]);
  await page.fill("#q", "hi");
  await waitForText(page, "#echo", "hi");
  assert.equal(errors, []);
});

e2e.run();
