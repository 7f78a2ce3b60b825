// Components that take messages, in Chromium with each client: sendUpdate from the view and from
// another component changes only the badge named, sendUpdateAfter arrives later as its own diff,
// updateMany loads every row of a render in one call (and only new rows after), and a
// component's own startAsync is answered by its own handleAsync while the view goes on.
import * as assert from "uvu/assert";
import { live } from "../../runtime/server/index.ts";
import { browserSuite, errorsSince, openLive, recordFrames, waitForText } from "./helpers/app.ts";

await import("../../runtime/register.ts");
const { TeamView, memberBatches, pingGate } = await import("./fixtures/team.ts");

const e2e = browserSuite("components' messages in Chromium", [live("/team", TeamView)]);

e2e("sendUpdate from the view and from a component; sendUpdateAfter comes as a diff of its own", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const frames = recordFrames(page);
  const errors = await openLive(page, app.url("/team"));
  assert.is(await page.textContent("#badge-a"), "0 after 1 updates");
  await page.click("#set-a");
  await waitForText(page, "#badge-a", "5 after 2 updates");
  assert.is(await page.textContent("#badge-b"), "0 after 1 updates", "only the badge named was updated");
  await page.click("#bump-b");
  await waitForText(page, "#badge-b", "7 after 2 updates");
  assert.is(await page.textContent("#badge-a"), "5 after 2 updates");

  await page.click("#later-a");
  await waitForText(page, "#badge-a", "9 after 3 updates");
  // The badge's count is a dynamic of its own: a frame carrying "9" carries the delayed update.
  const carriers = frames.filter((frame) => JSON.stringify(frame[4]).includes('"9"'));
  assert.ok(carriers.length > 0, JSON.stringify(frames.slice(-4)));
  assert.ok(carriers.every((frame) => frame[3] === "diff"), `the delayed update is pushed, not part of the click's reply: ${JSON.stringify(carriers)}`);
  assert.ok(carriers.every((frame) => Object.keys(frame[4] as object).join() === "c"), `only the component's diff travels: ${JSON.stringify(carriers)}`);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("updateMany gets every row of a render in one call, then only the rows given new assigns", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  memberBatches.length = 0;
  const errors = await openLive(page, app.url("/team"));
  assert.equal(await page.locator("#members li").allTextContents(), ["Member A", "Member B", "Member C"]);
  assert.equal(memberBatches, [["a", "b", "c"], ["a", "b", "c"]], "one call for the HTTP render, one for the join's");
  await page.click("#rename");
  await waitForText(page, "#title", "Renamed team");
  assert.is(memberBatches.length, 2, "a render that gives the rows nothing new calls nothing");
  await page.click("#add");
  await waitForText(page, "#member-d", "Member D");
  assert.equal(await page.locator("#members li").allTextContents(), ["Member A", "Member B", "Member C", "Member D"]);
  assert.equal(memberBatches.at(-1), ["d"]);
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e("a component's startAsync reaches its own handleAsync; the view answers clicks meanwhile; a failure is an exit", async ({ page, app }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/team"));
  await page.click("#ping");
  await waitForText(page, "#ping-status", "working");
  for (let i = 0; i < 100 && pingGate.waiting === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.is(pingGate.waiting, 1, "the work started");
  await page.click("#rename");
  await waitForText(page, "#title", "Renamed team");
  assert.is(await page.textContent("#ping-status"), "working");
  pingGate.release();
  await waitForText(page, "#ping-status", "ping: pong");
  await page.click("#fail");
  await waitForText(page, "#ping-status", "fail failed: no answer");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
