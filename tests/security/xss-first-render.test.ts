// The XSS corpus (xss-payloads.txt, 150+ payloads) rendered through every output context of
// fixtures/xss.live.html — text, EEx text, quoted attribute, literal pieces, input value,
// textarea, title, comment, class list, style, URL attributes (href, area, img src and srcset,
// poster, iframe src, form action, formaction, object data, embed src, SVG xlink:href and href,
// MathML href, cite), event handlers, srcdoc, phx-click, spreads, and a script body through
// json() — in Chromium with each client (the official one, then ours), at first paint and join (xss-diff.test.ts
// applies them by a diff). Zero executions (helpers/xss.ts). A control view passes the same
// kinds of vector through raw() and must be caught, so zero means stopped, not missed.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { assertNothingRan, corpusSuites, settle, trap } from "./helpers/xss.ts";

await import("../../runtime/register.ts");
const { ControlView, FirstRenderView, PAYLOADS } = await import("./fixtures/xss.ts");

console.warn = () => {}; // the server's development warnings for refused values are expected

corpusSuites("XSS corpus in Chromium: first paint and join", [
  live("/xss/first", FirstRenderView),
  live("/xss/control", ControlView),
], (test) => {
  test("the corpus is at least 150 payloads", () => {
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
    await assertNothingRan(page, hits, app, logged, PAYLOADS);
    await page.close();
  });
});
