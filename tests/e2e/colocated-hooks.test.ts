// Colocated hooks in Chromium, with each client: the hook written in the view's template comes
// to the page through the Vite plugin's `virtual:livehtml/hooks` (a real Vite build of a client
// entry), is mounted on the element whose `phx-hook=".PhoneNumber"` names it, and its relative
// import works; the script itself is not in the page.
import * as assert from "uvu/assert";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { live } from "../../runtime/server/index.ts";
import { livehtml } from "../../vite-plugin/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { PhoneView } = await import("./fixtures/colocated/phone.ts");

const dir = fileURLToPath(new URL("./fixtures/colocated/", import.meta.url));
// Vite's build sets NODE_ENV=production for the process; the test server runs in development.
const nodeEnv = process.env.NODE_ENV;
const built = await build({
  root: dir,
  configFile: false,
  logLevel: "silent",
  plugins: [livehtml({ hot: false })],
  build: { write: false, lib: { entry: `${dir}hooks-entry.js`, formats: ["es"], fileName: "hooks" } },
});
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
const output = (Array.isArray(built) ? built[0]! : built) as { output: Array<{ type: string; code?: string }> };
const head = output.output.find((o) => o.type === "chunk")!.code!;

const e2e = browserSuite("colocated hooks in Chromium", [live("/phone", PhoneView)], { head });

e2e("the template's own hook is mounted and runs; the view stays live", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/phone"));
  await page.waitForSelector('#phone[data-hooked="yes"]', { timeout: 3000 });
  assert.is(await page.getAttribute("#phone", "phx-hook"), "phone.PhoneNumber");
  await page.click("#phone");
  await page.keyboard.type("a1b2-3", { delay: 10 });
  assert.is(await page.inputValue("#phone"), "123", "the hook's relative import formats the input");
  await page.click("#inc");
  await waitForText(page, "#count", "1");
  assert.is(await page.locator("script[type=hook]").count(), 0, "the hook's script is not in the page");
  assert.equal(errors, []);
});

e2e.run();
