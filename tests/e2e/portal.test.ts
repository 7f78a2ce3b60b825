// <.portal> in Chromium, with each client: the content moves into its target (here `body`, out
// of a clipped container), its events reach the view, diffs patch it where it now is, and it
// goes away with its template.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { PortalView } = await import("./fixtures/portal.ts");

const parentOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.parentElement?.tagName ?? null, selector);

const e2e = browserSuite("portals in Chromium", [live("/portal", PortalView)]);

e2e("the portal's content lives in its target, answers events and is patched there, and leaves with its template", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/portal"));
  await page.click("#open");
  await page.waitForSelector("#dialog-content", { timeout: 3000 });
  assert.is(await parentOf(page, "#dialog-content"), "BODY", "moved out of the clipped container into body");
  assert.is(await page.getAttribute("#dialog-content", "class"), "modal");
  await page.click("#modal-inc");
  await waitForText(page, "#outside-count", "1");
  await waitForText(page, "#modal-count", "1");
  await page.click("#modal-inc");
  await waitForText(page, "#modal-count", "2");
  assert.is(await parentOf(page, "#dialog-content"), "BODY");
  await page.click("#close");
  await page.waitForSelector("#dialog-content", { state: "detached", timeout: 3000 });
  await page.click("#open");
  await page.waitForSelector("#dialog-content", { timeout: 3000 });
  await waitForText(page, "#modal-count", "2");
  assert.is(await page.locator("#dialog-content").count(), 1, "opened again: one copy");
  assert.equal(errors, []);
});

e2e.run();
