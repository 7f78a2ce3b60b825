// The form components in Chromium with each client: `<.inputsFor>` renders nested and repeated
// fields whose change events reach the server as nested params, and a button adds an entry;
// `phx-trigger-action` submits a form over plain HTTP to its action once `phx-submit`
// succeeded (a login that sets a cookie), and not while it fails.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { OrderView } = await import("./fixtures/order.ts");
const { LoginView, sessionEndpoint, sessionPosts } = await import("./fixtures/login.ts");

const e2e = browserSuite("form components in Chromium", [live("/order", OrderView), live("/login", LoginView)], {
  before: () => {
    sessionPosts.length = 0;
  },
  server: { fallback: sessionEndpoint },
});

/** The `[name, id]` of every visible input, in document order. */
const inputs = (page: Page) =>
  page.$$eval("#order-form input:not([type=hidden])", (els) => els.map((e) => [(e as HTMLInputElement).name, e.id]));

/** The params of the last change event, as the server parsed them. */
async function received(page: Page): Promise<unknown> {
  return JSON.parse((await page.textContent("#received")) ?? "null");
}

e2e("inputsFor: nested and repeated names and ids; a change sends nested params; a button adds an entry", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/order"));
  assert.equal(await inputs(page), [
    ["order[customer]", "order_customer"],
    ["order[address][street]", "order_address_0_street"],
    ["order[address][city]", "order_address_0_city"],
    ["order[lines][0][item]", "order_lines_0_item"],
  ]);
  assert.is(await page.inputValue("#order_lines_0_item"), "Pen", "the list's default entry");

  await page.fill("#order_address_0_city", "Paris");
  await page.waitForFunction(() => document.querySelector("#received")?.textContent !== "", undefined, { timeout: 3000 });
  assert.equal(await received(page), {
    customer: "",
    address: { _persistent_id: "0", street: "", city: "Paris" },
    lines: { "0": { _persistent_id: "0", item: "Pen" } },
  });

  await page.click("#add-line");
  await page.waitForSelector("#order_lines_1_item", { timeout: 3000 });
  assert.is(await page.getAttribute("#order_lines_1_item", "name"), "order[lines][1][item]");
  assert.is(await page.inputValue("#order_address_0_city"), "Paris", "the other fields keep their values");
  await page.fill("#order_lines_1_item", "Ink");
  await waitForText(page, "#received", JSON.stringify({ customer: "", address: { _persistent_id: "0", street: "", city: "Paris" }, lines: { "0": { _persistent_id: "0", item: "Pen" }, "1": { _persistent_id: "1", item: "Ink" } } }));
  assert.is(await page.locator("#order-form .line").count(), 2);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("phx-trigger-action: a failed phx-submit stays on the page; a successful one posts the form over HTTP", async ({ page, app, client }) => {
  const errors = await openLive(page, app.url("/login"));
  const csrfToken = await page.getAttribute("meta[name=csrf-token]", "content");
  await page.fill("#user_email", "eve@example.com");
  await page.click("#sign-in");
  await waitForText(page, "#login-error", "Unknown email");
  assert.is(await page.getAttribute("#login-form", "phx-trigger-action"), null);
  assert.is(sessionPosts.length, 0, "nothing was posted over HTTP");

  await page.fill("#user_email", "ada@example.com");
  await Promise.all([page.waitForURL(app.url("/session"), { timeout: 5000 }), page.click("#sign-in")]);
  await waitForText(page, "#welcome", "Signed in as ada@example.com");
  assert.is(sessionPosts.length, 1, `posted once (${client})`);
  assert.is(sessionPosts[0]!.get("user[email]"), "ada@example.com");
  assert.is(sessionPosts[0]!.get("_csrf_token"), csrfToken, "with the page's CSRF token");
  const cookies = await page.context().cookies(app.url("/"));
  assert.equal(cookies.map((c) => [c.name, c.value]), [["user", encodeURIComponent("ada@example.com")]]);
  assert.equal(errors, []);
});

e2e.run();
