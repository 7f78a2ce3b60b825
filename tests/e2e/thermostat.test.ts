// The Thermostat in headless Chromium with the official LiveView client.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { LiveServer } from "../../runtime/server/index.ts";
import type { MemoryLogger } from "../../runtime/server/log.ts";
import { sensor, setPoints, stats } from "../server/fixtures/thermostat.ts";
import { startApp } from "./helpers/app.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface Ctx {
  browser: Browser;
  server: LiveServer;
  port: number;
  logger: MemoryLogger;
}

const e2e = suite<Ctx>("Thermostat in Chromium");

e2e.before(async (ctx) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  setPoints.set("alice", 70);
  sensor.reading = 68;
  Object.assign(ctx, await startApp(150));
  ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

e2e.after(async (ctx) => {
  await ctx.browser?.close();
  await ctx.server?.close();
});

e2e("renders with JavaScript disabled", async (ctx) => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${ctx.port}/thermostat`);
  assert.is(await page.textContent("#set-point"), String(setPoints.get("alice")));
  await context.close();
});

e2e("phx-click changes the set point; a timer pushes readings; reconnect mounts again", async (ctx) => {
  const page = await ctx.browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${ctx.port}/thermostat`);
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 5000 });
  const start = Number(await page.textContent("#set-point"));
  await page.click("#inc");
  await page.waitForFunction((n) => document.querySelector("#set-point")?.textContent === String(n), start + 1, { timeout: 3000 });

  const reading = await page.textContent("#reading");
  await page.waitForFunction((r) => document.querySelector("#reading")?.textContent !== r, reading, { timeout: 3000 });

  const joinsBefore = ctx.logger.messages.length;
  const mountsBefore = stats.connectedMounts;
  await page.evaluate(() => (window as unknown as { liveSocket: { getSocket(): { conn: WebSocket } } }).liveSocket.getSocket().conn.close(3000, "test"));
  await page.waitForSelector("[data-phx-main].phx-connected", { state: "detached", timeout: 3000 }).catch(() => {});
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 8000 });
  await page.click("#inc");
  await page.waitForFunction((n) => document.querySelector("#set-point")?.textContent === String(n), start + 2, { timeout: 3000 });
  assert.ok(stats.connectedMounts > mountsBefore, "the view mounted again after the reconnect");
  assert.equal(errors, []);
  assert.ok(ctx.logger.messages.slice(joinsBefore).every((m) => m.level !== "error"), JSON.stringify(ctx.logger.messages));
  await page.close();
});

e2e.run();
