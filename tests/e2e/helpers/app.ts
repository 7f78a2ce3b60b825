// Serves live routes with a browser client bundled with esbuild at test start — the official
// phoenix + phoenix_live_view clients, or ours (`livehtml/client`) — and drives Debian's
// Chromium through playwright-core, for browser tests. `browserSuite` runs every test of a
// file once per client, so both clients are held to the same behaviour.
//
// Fixtures use compiled `.live.html` / `live\`…\`` templates, so a test file imports
// `runtime/register.ts` before importing them (see `loadFixtures` callers).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { suite } from "uvu";
import { CLIENT_BUILD_OPTIONS } from "../../../scripts/build-client.mjs";
import { createServer, MemoryLogger, type LiveRoute, type LiveServer, type ServerOptions } from "../../../runtime/server/index.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The browser clients the suite runs against. */
export const CLIENTS = ["official", "livehtml"] as const;
export type ClientName = (typeof CLIENTS)[number];

// `options`: extra LiveSocket options (JSON), e.g. short reload jitters for reload tests; its
// `params` go with every join beside the CSRF token (what `getConnectParams()` reads).
// Hooks come from `window.testHooks`, external uploaders from `window.testUploaders` and `dom`
// callbacks from `window.testDom`, set by a suite's `head` script.
const CLIENT_ENTRIES: Record<ClientName, (options: Record<string, unknown>) => string> = {
  official: (options) => `
import { Socket } from "phoenix";
import { LiveSocket } from "phoenix_live_view";
const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
const options = ${JSON.stringify(options)};
const liveSocket = new LiveSocket("/live", Socket, { ...options, params: { ...options.params, _csrf_token: csrfToken }, hooks: window.testHooks ?? {}, uploaders: window.testUploaders ?? {}, ...(window.testDom ? { dom: window.testDom } : {}) });
liveSocket.connect();
window.liveSocket = liveSocket;
`,
  livehtml: (options) => `
import { LiveSocket } from "./runtime/client/index.ts";
const csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");
const options = ${JSON.stringify(options)};
const liveSocket = new LiveSocket("/live", { ...options, params: { ...options.params, _csrf_token: csrfToken }, hooks: window.testHooks ?? {}, uploaders: window.testUploaders ?? {}, ...(window.testDom ? { dom: window.testDom } : {}) });
liveSocket.connect();
window.liveSocket = liveSocket;
`,
};

const bundles = new Map<string, Promise<string>>();

export function bundleClient(client: ClientName = "official", options: Record<string, unknown> = {}): Promise<string> {
  const key = `${client} ${JSON.stringify(options)}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = build({
      // Our client is built as it is served (so the tests cover its build options).
      ...(client === "livehtml" ? CLIENT_BUILD_OPTIONS : {}),
      stdin: { contents: CLIENT_ENTRIES[client](options), resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    }).then((result) => result.outputFiles[0]!.text);
    bundles.set(key, bundle);
  }
  return bundle;
}

export interface App {
  server: LiveServer;
  port: number;
  logger: MemoryLogger;
  url(path: string): string;
}

/** Serves `routes` on a free port, or on `port` (a server taking over from one just closed). */
export async function startApp(routes: readonly LiveRoute[], session: Record<string, unknown> = {}, client: ClientName = "official", head = "", clientOptions: Record<string, unknown> = {}, serverOptions: Partial<ServerOptions> = {}, port = 0): Promise<App> {
  const js = await bundleClient(client, clientOptions);
  const logger = new MemoryLogger();
  const server = createServer({
    routes,
    secret: "e2e secret that is long enough",
    scripts: head ? ["/assets/head.js", "/assets/app.js"] : ["/assets/app.js"],
    logger,
    session: () => ({ ...session }),
    ...serverOptions,
    // The assets first; a suite's own `fallback` (plain HTTP endpoints its pages post to) next.
    fallback: (req, res) => {
      if (req.url === "/assets/app.js") res.writeHead(200, { "content-type": "text/javascript" }).end(js);
      else if (req.url === "/assets/head.js") res.writeHead(200, { "content-type": "text/javascript" }).end(head);
      else if (serverOptions.fallback) serverOptions.fallback(req, res);
      else res.writeHead(404).end();
    },
  });
  const listening = await server.listen(port);
  return { server, port: listening.port, logger, url: (path) => `http://127.0.0.1:${listening.port}${path}` };
}

/** What a browser suite's tests receive: the app, the browser, one page, and the client's name. */
export interface BrowserContext {
  browser: Browser;
  app: App;
  page: Page;
  client: ClientName;
}

export interface SuiteOptions {
  /** The server's per-request session. */
  session?: Record<string, unknown>;
  /** Runs before each client's app starts (reset fixture state). */
  before?: () => void;
  /** A script run on every page before the client (e.g. `window.testHooks = {...}`). */
  head?: string;
  /** Extra LiveSocket options for both clients (JSON). */
  clientOptions?: Record<string, unknown>;
  /** Extra createServer options (an upload directory, limits, a `fallback` for plain HTTP endpoints). */
  server?: Partial<ServerOptions>;
}

export interface BrowserSuite {
  /** A test may be synchronous (a check that needs no page), as uvu's may. */
  (name: string, test: (ctx: BrowserContext) => void | Promise<void>): void;
  run(): void;
}

/**
 * A browser suite: an app serving `routes`, a Chromium and a page, set up before and closed
 * after, and each test registered once per client (`[official]`, `[livehtml]` in the output).
 */
export function browserSuite(name: string, routes: readonly LiveRoute[], options: SuiteOptions = {}): BrowserSuite {
  const tests: Array<[string, (ctx: BrowserContext) => void | Promise<void>]> = [];
  const register = ((title: string, test: (ctx: BrowserContext) => void | Promise<void>) => void tests.push([title, test])) as BrowserSuite;
  register.run = () => {
    for (const client of CLIENTS) {
      const test = suite<SuiteState>(`${name} [${client}]`);
      test.before(async (ctx) => {
        // uvu drops an error thrown by a `before` hook (its runner returns from a `finally`):
        // the suite would read "0 / N" with no reason. Kept here, each test fails with it.
        try {
          options.before?.();
          ctx.client = client;
          ctx.app = await startApp(routes, options.session ?? {}, client, options.head ?? "", options.clientOptions ?? {}, options.server ?? {});
          ctx.browser = await launchBrowser();
          ctx.page = await ctx.browser.newPage();
        } catch (error) {
          ctx.setupError = error;
        }
      });
      test.after(async (ctx) => {
        await ctx.browser?.close();
        await ctx.app?.server.close();
      });
      for (const [title, body] of tests) {
        test(title, (ctx) => {
          if (ctx.setupError !== undefined) throw setupFailure(ctx.setupError);
          return body(ctx);
        });
      }
      test.run();
    }
  };
  return register;
}

/** A suite's state: the tests' context, and what went wrong setting it up. */
interface SuiteState extends BrowserContext {
  setupError?: unknown;
}

/** The set-up's error as each test's failure, with the set-up's stack (where it threw). */
function setupFailure(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const failure = new Error(`the suite's set-up failed: ${message}`, { cause: error });
  const frames = error instanceof Error ? error.stack?.split("\n").filter((line) => /^\s+at /.test(line)) : undefined;
  if (frames?.length) failure.stack = [`Error: ${failure.message}`, ...frames].join("\n");
  return failure;
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
