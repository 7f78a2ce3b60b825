// The Thermostat (a compiled `.live.html` template) in headless Chromium, with each client: the page works without JavaScript, clicks change the set point, a server
// timer pushes readings, and a dropped WebSocket reconnects: the official client mounts the view
// again, livehtml's resumes the one the server kept.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { sensor, setPoints, stats, ThermostatView } = await import("../server/fixtures/thermostat.ts");

const e2e = browserSuite("Thermostat in Chromium", [live("/thermostat", ThermostatView)], {
  session: { userId: "alice", tickMs: 150 },
  before: () => {
    setPoints.set("alice", 70);
    sensor.reading = 68;
  },
});

e2e("renders with JavaScript disabled", async (ctx) => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ctx.app.url("/thermostat"));
  assert.is(await page.textContent("#set-point"), String(setPoints.get("alice")));
  assert.is(await page.textContent(".user"), "alice");
  assert.is(await page.locator("[data-phx-main].phx-connected").count(), 0, "no client, no connection");
  await context.close();
});

e2e("phx-click changes the set point; a timer pushes readings; reconnect mounts again or resumes", async (ctx) => {
  const page = await ctx.browser.newPage();
  const logFrom = ctx.app.logger.messages.length;
  const errors = await openLive(page, ctx.app.url("/thermostat"));
  const start = Number(await page.textContent("#set-point"));
  await page.click("#inc");
  await waitForText(page, "#set-point", String(start + 1));
  await page.click("#dec");
  await page.click("#dec");
  await waitForText(page, "#set-point", String(start - 1));

  const reading = await page.textContent("#reading");
  await page.waitForFunction((r) => document.querySelector("#reading")?.textContent !== r, reading, { timeout: 3000 });
  assert.match((await page.textContent("#reading")) ?? "", /^\d+\.\d$/);

  const mountsBefore = stats.connectedMounts;
  await page.evaluate(() => (window as unknown as { liveSocket: { getSocket(): { conn: WebSocket } } }).liveSocket.getSocket().conn.close(3000, "test"));
  await page.waitForSelector("[data-phx-main].phx-connected", { state: "detached", timeout: 3000 }).catch(() => {});
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 8000 });
  await page.click("#inc");
  await waitForText(page, "#set-point", String(start));
  if (ctx.client === "official") assert.ok(stats.connectedMounts > mountsBefore, "the view mounted again after the reconnect");
  else assert.is(stats.connectedMounts, mountsBefore, "the view the server kept was resumed, not mounted again");
  assert.equal(errors, []);
  assert.equal(errorsSince(ctx.app.logger, logFrom), []);
  await page.close();
});

e2e.run();
