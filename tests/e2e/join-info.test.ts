// What a view learns on join and what it does not keep, in Chromium with each client:
// `getConnectParams()` reads the params the page's LiveSocket was created with (none over HTTP),
// `staticChanged()` tells a page whose `phx-track-static` asset is older than the server's (a
// page still open when the next deploy takes over and the client rejoins it), and a temporary
// assign stays on the page while the server keeps none of it.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, recordFrames, startApp, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { LobbyView, messagesSeen } = await import("./fixtures/lobby.ts");

const ROUTES = [live("/lobby", LobbyView)];
const CLIENT_OPTIONS = { params: { timeZone: "Europe/Paris" } };

/** A deploy's server options: its pages track its stylesheet, which it knows as the current one. */
const deploy = (version: number) => ({
  head: `<link rel="stylesheet" phx-track-static href="/assets/app.css?vsn=${version}">`,
  staticAssets: [`/assets/app.css?vsn=${version}`],
});

const e2e = browserSuite("join info and temporary assigns in Chromium", ROUTES, { clientOptions: CLIENT_OPTIONS, server: deploy(1) });

e2e("getConnectParams: the LiveSocket's params on join, nothing over HTTP", async ({ page, app }) => {
  const http = await (await fetch(app.url("/lobby"))).text();
  assert.match(http, /<p id="time-zone">unknown<\/p>/, "the HTTP render has no connect params");
  const errors = await openLive(page, app.url("/lobby"));
  await waitForText(page, "#time-zone", "Europe/Paris");
  assert.equal(errors, []);
});

e2e("temporaryAssigns: the messages stay on the page; the server keeps none and does not send them again", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  messagesSeen.length = 0;
  const frames = recordFrames(page);
  const errors = await openLive(page, app.url("/lobby"));
  assert.equal(await page.locator("#messages li").allTextContents(), ["Welcome", "Read the rules"]);
  await page.click("#click");
  await waitForText(page, "#clicks", "1");
  await page.click("#click");
  await waitForText(page, "#clicks", "2");
  assert.equal(await page.locator("#messages li").allTextContents(), ["Welcome", "Read the rules"], "what was sent stays on the page");
  assert.equal(messagesSeen, [0, 0], "reset on the server after the join's render");
  const replies = frames.filter((frame) => frame[3] === "phx_reply" && JSON.stringify(frame[4]).includes('"diff"'));
  assert.ok(replies.length >= 2, JSON.stringify(frames));
  assert.ok(replies.slice(-2).every((frame) => !JSON.stringify(frame).includes("Welcome")), "the reset is no change: the clicks' diffs do not carry the messages");
  await page.click("#say");
  await waitForText(page, "#messages", "Bye");
  assert.equal(messagesSeen, [0, 0, 0]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

// Last: it replaces the suite's server with the next deploy's.
e2e("staticChanged: false on the deploy that rendered the page; true when the next deploy, with a new asset version, takes the rejoin", async (ctx) => {
  const { page, app, client } = ctx;
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/lobby"));
  assert.is(await page.textContent("#version"), "Up to date");
  await page.click("#click");
  await waitForText(page, "#clicks", "1");

  // The next deploy on the same address: same secret, same routes, a new stylesheet.
  await app.server.close();
  const next = await startApp(ROUTES, {}, client, "", CLIENT_OPTIONS, deploy(2), app.port);
  ctx.app = next; // the suite closes it
  await waitForText(page, "#version", "A new version is available: reload", 10_000);
  assert.is(await page.getAttribute("link[phx-track-static]", "href"), "/assets/app.css?vsn=1", "the open page still has the old asset");
  assert.is(await page.textContent("#clicks"), "0", "the rejoin mounted the view again on the new server");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
  assert.equal(errorsSince(next.logger, 0), []);
});

e2e.run();
