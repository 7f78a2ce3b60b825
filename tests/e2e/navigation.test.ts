// Navigation between two live views over one WebSocket, in Chromium with each client:
// pushNavigate (live_redirect) carries flash to the next view, which mounts and then runs
// handleParams; a redirect link and the back button move between the views without reloads.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { InboxView, MessageView, lifecycle } = await import("./fixtures/mail.ts");

const e2e = browserSuite("navigation between live views in Chromium", [live("/inbox", InboxView), live("/messages/:id", MessageView)]);

type Marked = { marker?: number; firstConn?: unknown; liveSocket: { getSocket(): { conn: unknown } } };

e2e("pushNavigate with flash, then a redirect link and back, on one connection", async (ctx) => {
  const { page, app } = ctx;
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/inbox"));
  // A full page load would drop these: navigation must stay inside the page and its socket.
  await page.evaluate(() => {
    const w = window as unknown as Marked;
    w.marker = 7;
    w.firstConn = w.liveSocket.getSocket().conn;
  });
  const sameConnection = () => page.evaluate(() => {
    const w = window as unknown as Marked;
    return w.marker === 7 && w.firstConn === w.liveSocket.getSocket().conn;
  });
  lifecycle.length = 0;

  await page.click("#open");
  await waitForText(page, "#subject", "Message 7");
  assert.ok(page.url().endsWith("/messages/7"), page.url());
  assert.is(await page.textContent("#flash"), "Opened message 7", "flash survives the navigation");
  assert.equal(lifecycle, ["message:mount", "message:params 7"], "mount runs before handleParams");
  assert.ok(await sameConnection(), "no reload, same WebSocket");

  await page.click("#back");
  await page.waitForSelector("#inbox");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(page.url().endsWith("/inbox"), page.url());

  await page.goBack();
  await waitForText(page, "#subject", "Message 7");
  assert.is(await page.locator("#flash").count(), 0, "flash is not replayed from history");
  assert.ok(await sameConnection(), "no reload, same WebSocket");
  assert.equal(lifecycle, ["message:mount", "message:params 7", "inbox:mount", "message:mount", "message:params 7"]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
