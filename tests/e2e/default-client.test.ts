// A server given no `scripts` option goes live in a browser with nothing else set up: its
// default layout loads the client it serves at /livehtml/client.js (with the CSRF meta tag),
// the bundle is answered with an ETag (304 on a match), the modules it loads on demand are
// served next to it, a crash in development shows the error
// overlay, and a lost connection shows the layout's banner.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { CLIENT_PATH, createServer, live, MemoryLogger, type LiveServer } from "../../runtime/server/index.ts";
import { launchBrowser, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { ClickerView } = await import("./fixtures/clicker.ts");

interface Ctx {
  browser: Browser;
  server: LiveServer;
  base: string;
}

const e2e = suite<Ctx>("the default client");

e2e.before(async (ctx) => {
  ctx.server = createServer({ routes: [live("/", ClickerView)], secret: "default client test secret", logger: new MemoryLogger() });
  const { port } = await ctx.server.listen(0);
  ctx.base = `http://127.0.0.1:${port}`;
  ctx.browser = await launchBrowser();
});

e2e.after(async (ctx) => {
  await ctx.browser?.close();
  await ctx.server?.close();
});

e2e("the default layout loads the served client next to the CSRF meta tag", async (ctx) => {
  const page = await (await fetch(`${ctx.base}/`)).text();
  assert.match(page, /<meta name="csrf-token" content="[^"]+">/);
  assert.ok(page.includes(`<script defer type="module" src="${CLIENT_PATH}"></script>`), page);
});

e2e("the client bundle is served with an ETag, and a 304 when it matches", async (ctx) => {
  const first = await fetch(`${ctx.base}${CLIENT_PATH}`);
  assert.is(first.status, 200);
  assert.match(first.headers.get("content-type") ?? "", /^text\/javascript/);
  const etag = first.headers.get("etag");
  assert.ok(etag, "an ETag");
  assert.ok((await first.text()).includes("phx-"), "the LiveView client");
  const again = await fetch(`${ctx.base}${CLIENT_PATH}`, { headers: { "if-none-match": etag! } });
  assert.is(again.status, 304);
  const map = await fetch(`${ctx.base}${CLIENT_PATH}.map`);
  assert.is(map.status, 200);
  assert.ok(Array.isArray((await map.json() as { sources: unknown }).sources));
});

e2e("the modules the client loads on demand are served next to it, and a page runs them", async (ctx) => {
  const client = await (await fetch(`${ctx.base}${CLIENT_PATH}`)).text();
  const lazy = [...new Set(Array.from(client.matchAll(/import\("\.\/(client-[\w-]+\.js)"\)/g), (m) => m[1]!))];
  assert.ok(lazy.length > 0, "client.js imports a module on demand");
  for (const name of lazy) {
    const response = await fetch(`${ctx.base}/livehtml/${name}`);
    assert.is(response.status, 200, name);
    assert.match(response.headers.get("content-type") ?? "", /^text\/javascript/);
  }
  assert.is((await fetch(`${ctx.base}/livehtml/client-NOSUCHFILE.js`)).status, 404);
  const page = await ctx.browser.newPage();
  try {
    await openLive(page, `${ctx.base}/`);
    // `hide` is one of the commands fetched on first use.
    await page.evaluate(() => (window as unknown as { liveSocket: { execJS(el: Element, js: string): void } }).liveSocket.execJS(document.querySelector("#boom")!, '[["hide",{}]]'));
    await page.waitForFunction(() => (document.querySelector("#boom") as HTMLElement).style.display === "none", null, { timeout: 5000 });
  } finally {
    await page.close();
  }
});

e2e("in development a crash shows the error overlay over the page", async (ctx) => {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "development";
  const page = await ctx.browser.newPage();
  try {
    await openLive(page, `${ctx.base}/`);
    await page.click("#boom");
    const overlay = await page.waitForSelector("#livehtml-error-overlay", { timeout: 5000 });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /crashed in handleEvent\("boom"\): boom on purpose/);
    assert.match(text, /clicker\.ts/, "the stack");
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await page.close();
  }
});

e2e("the page goes live: a click updates it; a lost connection shows the banner", async (ctx) => {
  const page = await ctx.browser.newPage();
  const errors = await openLive(page, `${ctx.base}/`);
  await page.click("#inc");
  await waitForText(page, "#n", "1");
  assert.equal(errors, []);
  const banner = () => page.evaluate(() => getComputedStyle(document.querySelector("[data-phx-main]")!, "::before").content);
  assert.is(await banner(), "none", "no banner while connected");
  await ctx.server.close();
  await page.waitForSelector("[data-phx-main].phx-client-error", { timeout: 5000 });
  assert.match(await banner(), /Connection lost/);
  await page.close();
});

e2e.run();
