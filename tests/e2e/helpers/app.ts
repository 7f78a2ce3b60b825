// Serves live routes with the official phoenix + phoenix_live_view clients (bundled with esbuild
// at test start) and drives Debian's Chromium through playwright-core, for browser tests.
//
// Fixtures use compiled `.live.html` / `live\`…\`` templates, so a test file imports
// `runtime/register.ts` before importing them (see `loadFixtures` callers).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { suite, type Test } from "uvu";
import { createServer, MemoryLogger, type LiveRoute, type LiveServer } from "../../../runtime/server/index.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** `options`: extra LiveSocket options (JSON), e.g. short reload jitters for reload tests. */
const clientEntry = (options: Record<string, unknown>) => `
import { Socket } from "phoenix";
import { LiveSocket } from "phoenix_live_view";
const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
const liveSocket = new LiveSocket("/live", Socket, { ...${JSON.stringify(options)}, params: { _csrf_token: csrfToken } });
liveSocket.connect();
window.liveSocket = liveSocket;
`;

export async function bundleClient(options: Record<string, unknown> = {}): Promise<string> {
  const result = await build({
    stdin: { contents: clientEntry(options), resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface App {
  server: LiveServer;
  port: number;
  logger: MemoryLogger;
  url(path: string): string;
}

export async function startApp(routes: readonly LiveRoute[], session: Record<string, unknown> = {}, clientOptions: Record<string, unknown> = {}): Promise<App> {
  const js = await bundleClient(clientOptions);
  const logger = new MemoryLogger();
  const server = createServer({
    routes,
    secret: "e2e secret that is long enough",
    scripts: ["/assets/app.js"],
    logger,
    session: () => ({ ...session }),
    fallback: (req, res) => {
      if (req.url === "/assets/app.js") res.writeHead(200, { "content-type": "text/javascript" }).end(js);
      else res.writeHead(404).end();
    },
  });
  const { port } = await server.listen(0);
  return { server, port, logger, url: (path) => `http://127.0.0.1:${port}${path}` };
}

/** What a browser suite's tests receive: the app, the browser and one page. */
export interface BrowserContext {
  browser: Browser;
  app: App;
  page: Page;
}

/** A uvu suite with an app serving `routes`, a Chromium and a page, set up before and closed after. */
export function browserSuite(name: string, routes: readonly LiveRoute[], clientOptions: Record<string, unknown> = {}): Test<BrowserContext> {
  const test = suite<BrowserContext>(name);
  test.before(async (ctx) => {
    ctx.app = await startApp(routes, {}, clientOptions);
    ctx.browser = await launchBrowser();
    ctx.page = await ctx.browser.newPage();
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.app?.server.close();
  });
  return test;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Opens `url` and waits until the main live view has joined. Collects page errors. */
export async function openLive(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 5000 });
  return errors;
}

/** Waits until `selector`'s text is exactly `text` (what the user sees after a patch). */
export async function waitForText(page: Page, selector: string, text: string, timeout = 3000): Promise<void> {
  try {
    await page.waitForFunction(
      ([s, t]) => document.querySelector(s!)?.textContent === t,
      [selector, text] as const,
      { timeout },
    );
  } catch {
    const actual = await page.textContent(selector, { timeout: 100 }).catch(() => null);
    throw new Error(`expected ${selector} to read ${JSON.stringify(text)}, it reads ${JSON.stringify(actual)}`);
  }
}

/** Server → client frames on the page's live socket, parsed. */
export function recordFrames(page: Page): unknown[][] {
  const frames: unknown[][] = [];
  page.on("websocket", (ws) => ws.on("framereceived", ({ payload }) => frames.push(JSON.parse(String(payload)) as unknown[])));
  return frames;
}

/** Log messages at error level since index `from`, for asserting a run logged none. */
export function errorsSince(logger: MemoryLogger, from: number): string[] {
  return logger.messages.slice(from).filter((m) => m.level === "error").map((m) => m.message);
}
