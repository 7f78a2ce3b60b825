// Shared by the XSS corpus tests (xss-first-render.test.ts, xss-diff.test.ts): the execution
// trap, the DOM audit and the waits. An execution is any alert/confirm/prompt dialog (from any
// frame) or a call of `__xssHit`; the audit reads what is left in the DOM with the browser's own
// URL parser, for script URLs, handlers and srcdoc that did not get the chance to run (a link
// nobody clicked).
import { suite, type Test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser, Page } from "playwright-core";
import type { LiveRoute } from "../../../runtime/server/index.ts";
import { CLIENTS, errorsSince, launchBrowser, startApp, type App, type ClientName } from "../../e2e/helpers/app.ts";

export interface CorpusContext {
  browser: Browser;
  app: App;
}

/**
 * For each client (the official one and ours), a suite serving `routes` to Chromium; `define`
 * registers the tests on it, and the suites run one after the other.
 */
export function corpusSuites(name: string, routes: readonly LiveRoute[], define: (test: Test<CorpusContext>, client: ClientName) => void): void {
  for (const client of CLIENTS) {
    const test = corpusSuite(`${name} [${client}]`, routes, client);
    define(test, client);
    test.run();
  }
}

function corpusSuite(name: string, routes: readonly LiveRoute[], client: ClientName): Test<CorpusContext> {
  const test = suite<CorpusContext>(name);
  test.before(async (ctx) => {
    ctx.app = await startApp(routes, {}, client);
    ctx.browser = await launchBrowser();
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.app?.server.close();
  });
  return test;
}

/**
 * Counts executions on `page`: dialogs from any frame, and calls of `__xssHit` from any frame.
 * The fixture's `<base href="about:blank">` leaves relative URLs nothing to resolve against, so
 * the payloads fetch nothing (a relative URL takes the page's scheme: it cannot be a script URL);
 * any request that still leaves for another origin is aborted.
 */
export async function trap(page: Page, app: App): Promise<string[]> {
  const hits: string[] = [];
  const origin = new URL(app.url("/")).origin;
  await page.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  page.on("dialog", (dialog) => {
    hits.push(`dialog ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  await page.exposeFunction("__xssHit", (...args: unknown[]) => void hits.push(`__xssHit ${args.join(" ")}`));
  return hits;
}

/**
 * What in the live DOM could still run script, read with the browser's URL parser. A string, so
 * that the test's own compilation adds nothing to the function the page runs.
 */
const AUDIT = `(() => {
  const found = [];
  const URLS = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "background", "cite", "data"]);
  // An SVG animation of a link's href sets it to its to/from/by, or to each of its values.
  const ANIMATIONS = new Set(["animate", "set", "animateMotion", "animateTransform"]);
  const ANIMATED = new Set(["to", "from", "by", "values"]);
  const IMAGES = new Set(["IMG", "SOURCE", "INPUT", "image", "VIDEO"]);
  // HTML's srcset parsing: a URL is a run of non-whitespace (trailing commas end it), then
  // descriptors up to a comma outside parentheses.
  function srcsetUrls(value) {
    const urls = [];
    let i = 0;
    const space = (c) => " \\t\\n\\f\\r".includes(c);
    while (i < value.length) {
      while (i < value.length && (space(value[i]) || value[i] === ",")) i++;
      const start = i;
      while (i < value.length && !space(value[i])) i++;
      let url = value.slice(start, i);
      if (url.endsWith(",")) url = url.replace(/,+$/, "");
      else for (let depth = 0; i < value.length && (depth > 0 || value[i] !== ","); i++) depth += value[i] === "(" ? 1 : value[i] === ")" && depth > 0 ? -1 : 0;
      if (url) urls.push(url);
    }
    return urls;
  }
  function unsafe(el, url) {
    let parsed;
    try { parsed = new URL(url, document.baseURI); } catch { return false; }
    if (parsed.protocol === "javascript:" || parsed.protocol === "vbscript:") return true;
    if (parsed.protocol !== "data:") return false;
    return !(IMAGES.has(el.tagName) && /^data:image\\/(png|gif|jpe?g|webp|avif|bmp)[;,]/i.test(parsed.href));
  }
  for (const el of document.querySelectorAll("[data-case] *, [data-case]")) {
    const where = "case " + el.closest("[data-case]").getAttribute("data-case") + " <" + el.tagName.toLowerCase() + ">";
    for (const { name, value } of Array.from(el.attributes)) {
      const n = name.toLowerCase();
      if (n.startsWith("on") || n === "srcdoc") found.push(where + " " + n + "=" + JSON.stringify(value));
      if (n === "data" && el.tagName !== "OBJECT") continue;
      if (ANIMATIONS.has(el.tagName) && ANIMATED.has(n) && /^(xlink:)?href$/i.test(el.getAttribute("attributeName") || "")) {
        const urls = n === "values" ? value.split(";") : [value];
        if (urls.some((u) => unsafe(el, u.trim()))) found.push(where + " " + n + "=" + JSON.stringify(value));
      }
      if (URLS.has(n)) {
        const urls = n === "srcset" ? srcsetUrls(value) : [value];
        if (urls.some((u) => unsafe(el, u))) found.push(where + " " + n + "=" + JSON.stringify(value));
      }
      if (n.startsWith("phx-") && value.startsWith("[")) {
        let commands = [];
        try { commands = JSON.parse(value); } catch { /* not JSON: the client cannot run it either */ }
        for (const command of Array.isArray(commands) ? commands : []) {
          const [kind, args] = Array.isArray(command) ? command : [];
          if ((kind === "navigate" || kind === "patch") && typeof args?.href === "string" && unsafe(el, args.href)) found.push(where + " " + n + "=" + value);
        }
      }
    }
  }
  return found;
})()`;

export function audit(page: Page): Promise<string[]> {
  return page.evaluate(AUDIT) as Promise<string[]>;
}

/** Clicks every phx-click of the corpus (JS commands run on click) and lets the client act. */
export async function clickBindings(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("[data-case] [phx-click]")) el.click();
  });
  await page.waitForTimeout(300);
}

/** Waits until every frame has loaded, then a little for handlers that fire after load. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
}

/** The text the HTML parser makes of `s` (it turns CR and CRLF into LF and drops NUL in text). */
export const asParsedText = (s: string) => s.replace(/\r\n?/g, "\n").replaceAll("\u0000", "");


/**
 * The end of a corpus run: every payload shows as written in the text context, the audit finds
 * nothing, clicking every binding runs nothing, nothing executed at all, and the server logged
 * no error since `logged`.
 */
export async function assertNothingRan(page: Page, hits: string[], app: App, logged: number, payloads: readonly string[]): Promise<void> {
  const texts = await page.$$eval("[data-case] .text", (els) => els.map((e) => e.textContent));
  assert.equal(texts, payloads.map(asParsedText), "text is shown as written");
  assert.equal(await audit(page), []);
  await clickBindings(page);
  assert.equal(hits, []);
  assert.equal(errorsSince(app.logger, logged), []);
}
