// The XSS corpus applied by a diff: the view mounts with harmless values, then one event swaps
// in every payload of xss-payloads.txt, so each context of fixtures/xss.live.html receives it as
// a change that the client (the official one, then ours) patches into the DOM. Zero executions (helpers/xss.ts);
// xss-first-render.test.ts covers first paint and join, and the detectors' control.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { asParsedText, assertNothingRan, corpusSuites, settle, trap } from "./helpers/xss.ts";

await import("../../runtime/register.ts");
const { DiffView, PAYLOADS } = await import("./fixtures/xss.ts");

console.warn = () => {}; // the server's development warnings for refused values are expected

corpusSuites("XSS corpus in Chromium: diff", [live("/xss/diff", DiffView)], (test) => {
  test("diff applied by the client: every payload in every context, zero executions", async ({ browser, app }) => {
    const page = await browser.newPage();
    const hits = await trap(page, app);
    const frames: string[] = [];
    page.on("websocket", (ws) => ws.on("framereceived", ({ payload }) => void frames.push(String(payload))));
    const logged = app.logger.messages.length;
    await page.goto(app.url("/xss/diff"), { timeout: 60000 });
    await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 60000 });
    // A click from the page itself: Playwright's own waits for a stable layout are slow with hundreds of frames.
    await page.evaluate(() => document.getElementById("arm")!.click());
    const last = PAYLOADS.length - 1;
    await page.waitForFunction(
      ([i, text]) => document.querySelector(`[data-case="${i}"] .text`)?.textContent === text,
      [last, asParsedText(PAYLOADS[last]!)] as const,
      { timeout: 60000 },
    );
    assert.ok(frames.some((f) => f.includes('"diff"') && f.includes("about:invalid")), "the payloads travelled in a diff");
    await settle(page);
    const titles = await page.$$eval("[data-case] .quoted", (els) => els.map((e) => e.getAttribute("title")));
    assert.equal(titles, PAYLOADS.map((p) => p.replace(/\r\n?/g, "\n").replaceAll("\u0000", "\ufffd")), "attribute values are kept as written");
    await assertNothingRan(page, hits, app, logged, PAYLOADS);
    await page.close();
  });
});
