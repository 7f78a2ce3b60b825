// A dropped socket, three pubsub updates while it is down, a reconnect: the page shows what the
// server renders. livehtml's client resumes the view the server kept (no mount, and state that
// lives only in the view survives); the official client asks for nothing, so its view mounts
// again, as Phoenix does.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { FeedView, feedStats, feedTemplate } = await import("./fixtures/feed.ts");

const e2e = browserSuite("resume after a dropped socket", [live("/feed", FeedView)], {
  before: () => {
    feedStats.connectedMounts = 0;
    feedStats.assigns = null;
  },
});

type Client = { liveSocket: { connect(): void; disconnect(): void } };

e2e("three updates missed while disconnected: the DOM equals the server's render after the reconnect", async (ctx) => {
  const page = await ctx.browser.newPage();
  const logFrom = ctx.app.logger.messages.length;
  const errors = await openLive(page, ctx.app.url("/feed"));
  await page.click("#click");
  await page.click("#click");
  await waitForText(page, "#clicks", "2");
  assert.is(feedStats.connectedMounts, 1);

  await page.evaluate(() => (window as unknown as Client).liveSocket.disconnect());
  for (let i = 0; i < 200 && ctx.app.server.connectionCount > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.is(ctx.app.server.connectionCount, 0, "the server saw the socket close");
  for (const message of ["one", "two", "three"]) ctx.app.server.context.pubsub.broadcast("feed", message);
  await page.evaluate(() => (window as unknown as Client).liveSocket.connect());
  await waitForText(page, "#items", ctx.client === "livehtml" ? "onetwothree" : "", 8000);
  await page.waitForSelector("[data-phx-main].phx-connected", { timeout: 8000 });

  const assigns = feedStats.assigns!;
  // A removed loading class (`phx-click-loading`) leaves an empty class attribute behind: not part of the render.
  const dom = (await page.innerHTML("[data-phx-main]")).replaceAll(' class=""', "");
  assert.is(dom, feedTemplate(assigns).html(), "the page shows the server's render of the view's current state");
  if (ctx.client === "livehtml") {
    // Resumed: the view the server kept, with its clicks and the three updates it made meanwhile.
    assert.is(feedStats.connectedMounts, 1, "mounted once");
    assert.equal(assigns, { ...assigns, clicks: 2, items: ["one", "two", "three"] });
    assert.ok(ctx.app.logger.messages.some((m) => m.message.includes("resumed, 3 diff(s) replayed")));
  } else {
    // The official client rejoins without asking to resume: a new mount, the view's state starts over.
    assert.is(feedStats.connectedMounts, 2, "mounted again");
    assert.is(assigns.clicks, 0);
  }
  await page.click("#click");
  await waitForText(page, "#clicks", ctx.client === "livehtml" ? "3" : "1");
  assert.equal(errors, []);
  assert.equal(errorsSince(ctx.app.logger, logFrom), []);
  await page.close();
});

e2e.run();
