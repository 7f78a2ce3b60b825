// The built-in components with the official client in Chromium: a form from toForm and <.input>s
// validated by a Zod schema shows an error only under the input the user has used (the client's
// `_unused_` keys), a failed submit shows every error, a valid one saves; `<.link patch>` and
// `<.link navigate>` move without reloading the page.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { ProfileView, savedProfiles } = await import("./fixtures/profile.ts");
const { ModalView } = await import("./fixtures/modal.ts");

/** Waits until the form has no change event in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector(".phx-change-loading"), undefined, { timeout: 3000 });
}

const e2e = browserSuite("built-in components in Chromium", [live("/profile", ProfileView), live("/modal", ModalView)]);

e2e("errors appear under used inputs only; a submit shows all of them; a valid submit saves", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  savedProfiles.length = 0; // the suite runs once per browser client
  const errors = await openLive(page, app.url("/profile"));
  await page.click("#profile_name");
  await page.keyboard.type("ab", { delay: 20 });
  await waitForText(page, "#profile_name-error", "Name must be at least 3 characters");
  assert.is(await page.locator("#profile_email-error").count(), 0, "the email input was not used yet");
  assert.is(await page.getAttribute("#profile_name", "aria-invalid"), "true");

  await page.click("#save");
  await waitForText(page, "#profile_email-error", "Email is not valid");
  await waitForText(page, "#profile_role-error", "Pick a role");
  await waitForText(page, "#profile_terms-error", "Accept the terms");
  assert.is(await page.inputValue("#profile_name"), "ab", "the typed value is kept");

  // One change at a time, each answered before the next, as a person types.
  await page.fill("#profile_name", "Ada Lovelace");
  await settled(page);
  await page.fill("#profile_email", "ada@example.com");
  await settled(page);
  await page.selectOption("#profile_role", "admin");
  await settled(page);
  await page.check("#profile_terms");
  await page.waitForSelector("#profile_terms-error", { state: "detached", timeout: 3000 });
  await page.click("#save");
  await waitForText(page, "#saved", "Saved Ada Lovelace");
  assert.equal(savedProfiles, [{ name: "Ada Lovelace", email: "ada@example.com", role: "admin", terms: "true" }]);
  assert.is(await page.inputValue("#profile_name"), "", "the saved form is cleared");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("<.link patch> runs handleParams in place; <.link navigate> joins another view; neither reloads", async ({ page, app }) => {
  const errors = await openLive(page, app.url("/profile"));
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.click("#tab-a");
  await waitForText(page, "#tab", "a");
  assert.ok(page.url().endsWith("/profile?tab=a"), page.url());
  await page.click("#tab-b");
  await waitForText(page, "#tab", "b");
  await page.goBack();
  await waitForText(page, "#tab", "none", 3000);
  assert.ok(page.url().endsWith("/profile"), `tab-b replaced tab-a's history entry: ${page.url()}`);
  await page.click("#to-modal");
  await page.waitForSelector("#js-commands", { timeout: 3000 });
  assert.ok(page.url().endsWith("/modal"), page.url());
  assert.is(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 7, "no page reload");
  assert.equal(errors, []);
});

e2e.run();
