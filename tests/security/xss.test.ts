// The XSS corpus (xss-payloads.txt, 150+ payloads) rendered through every output context of
// fixtures/xss.live.html — text, EEx text, quoted attribute, literal pieces, input value,
// textarea, title, comment, class list, style, URL attributes (href, area, img src and srcset,
// poster, iframe src, form action, formaction, object data, embed src, SVG xlink:href and href,
// MathML href, cite), event handlers, srcdoc, phx-click, spreads, and a script body through
// json() — in Chromium with the official client, at first paint and join, then by a diff.
//
// An execution is any alert/confirm/prompt dialog (from any frame) or a call of `__xssHit`; the
// DOM is also audited with the browser's own URL parser for script URLs, handlers and srcdoc
// that did not get the chance to run (a link nobody clicked). A control view passes the same
// kinds of vector through raw() and must be caught, so zero means stopped, not missed.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, type App } from "../e2e/helpers/app.ts";

await import("../../runtime/register.ts");
const { ControlView, DiffView, FirstRenderView, PAYLOADS } = await import("./fixtures/xss.ts");

console.warn = () => {}; // the server's development warnings for refused values are expected

const test = browserSuite("XSS corpus in Chromium", [
  live("/xss/first", FirstRenderView),
  live("/xss/diff", DiffView),
  live("/xss/control", ControlView),
]);

/**
 * Counts executions on `page`: dialogs from any frame, and calls of `__xssHit` from any frame.
 * The fixture's `<base href="about:blank">` leaves relative URLs nothing to resolve against, so
 * the payloads fetch nothing (a relative URL takes the page's scheme: it cannot be a script URL);
 * any request that still leaves for another origin is aborted.
 */
async function trap(page: Page, app: App): Promise<string[]> {
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

function audit(page: Page): Promise<string[]> {
  return page.evaluate(AUDIT) as Promise<string[]>;
}

/** Clicks every phx-click of the corpus (JS commands run on click) and lets the client act. */
async function clickBindings(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("[data-case] [phx-click]")) el.click();
  });
  await page.waitForTimeout(300);
}

/** Waits until every frame has loaded, then a little for handlers that fire after load. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
}

/** The text the HTML parser makes of `s` (it turns CR and CRLF into LF and drops NUL in text). */
const asParsedText = (s: string) => s.replace(/\r\n?/g, "\n").replaceAll("\u0000", "");

test("the corpus is at least 150 payloads", async () => {
  assert.ok(PAYLOADS.length >= 150, `${PAYLOADS.length} payloads`);
  assert.is(new Set(PAYLOADS).size, PAYLOADS.length, "no duplicates");
});

test("control: the detectors catch vectors passed through raw()", async ({ browser, app }) => {
  const page = await browser.newPage();
  const hits = await trap(page, app);
  await page.goto(app.url("/xss/control"));
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 5000 });
  await settle(page);
  assert.ok(hits.some((h) => h.includes("dialog alert 1")), `img onerror: ${hits.join(", ")}`);
  assert.ok(hits.some((h) => h.includes("__xssHit")), `svg onload: ${hits.join(", ")}`);
  assert.ok(hits.some((h) => h.includes("dialog alert 2")), `iframe javascript: ${hits.join(", ")}`);
  const found = await page.evaluate(() => {
    const a = document.getElementById("control-link") as HTMLAnchorElement;
    return new URL(a.getAttribute("href")!, document.baseURI).protocol;
  });
  assert.is(found, "javascript:", "the audit's URL reading sees a raw script URL");
  await page.close();
});

test("first paint and join: every payload in every context, zero executions", async ({ browser, app }) => {
  const page = await browser.newPage();
  const hits = await trap(page, app);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const logged = app.logger.messages.length;
  await page.goto(app.url("/xss/first"), { timeout: 60000 });
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 60000 });
  await settle(page);
  // The script context is exact: every payload came through json() as the same string.
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  assert.equal(seen, PAYLOADS, "script bodies carry the payloads as data");
  assert.equal(errors, [], "no script body was broken");
  const texts = await page.$$eval("[data-case] .text", (els) => els.map((e) => e.textContent));
  assert.equal(texts, PAYLOADS.map(asParsedText), "text is shown as written");
  assert.equal(await audit(page), []);
  await clickBindings(page);
  assert.equal(hits, []);
  assert.equal(errorsSince(app.logger, logged), []);
  await page.close();
});

test("diff applied by the official client: every payload in every context, zero executions", async ({ browser, app }) => {
  const page = await browser.newPage();
  const hits = await trap(page, app);
  const frames: string[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", ({ payload }) => void frames.push(String(payload))));
  const logged = app.logger.messages.length;
  await page.goto(app.url("/xss/diff"), { timeout: 60000 });
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 60000 });
  await page.click("#arm");
  const last = PAYLOADS.length - 1;
  await page.waitForFunction(
    ([i, text]) => document.querySelector(`[data-case="${i}"] .text`)?.textContent === text,
    [last, asParsedText(PAYLOADS[last]!)] as const,
    { timeout: 60000 },
  );
  assert.ok(frames.some((f) => f.includes('"diff"') && f.includes("about:invalid")), "the payloads travelled in a diff");
  await settle(page);
  const texts = await page.$$eval("[data-case] .text", (els) => els.map((e) => e.textContent));
  assert.equal(texts, PAYLOADS.map(asParsedText), "text is shown as written");
  const titles = await page.$$eval("[data-case] .quoted", (els) => els.map((e) => e.getAttribute("title")));
  assert.equal(titles, PAYLOADS.map((p) => p.replace(/\r\n?/g, "\n").replaceAll("\u0000", "\ufffd")), "attribute values are kept as written");
  assert.equal(await audit(page), []);
  await clickBindings(page);
  assert.equal(hits, []);
  assert.equal(errorsSince(app.logger, logged), []);
  await page.close();
});

test.run();
