// Live sessions in Chromium with each client: a link inside the session navigates live
// (same page, same WebSocket, hooks run on the connected mount only); a link into another
// session is refused over the socket and the client loads that page over HTTP instead, which
// runs the other session's hooks on the request.
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { defineView, live, liveSession, type OnMountHook } from "../../runtime/server/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { browserSuite, errorsSince, openLive } from "./helpers/app.ts";

const hookRuns: string[] = [];
const requireUser: OnMountHook = (_params, session, socket) => {
  hookRuns.push(socket.connected ? "connected" : "http");
  if (session.userToken !== "token-ann") {
    socket.redirect("/public");
    return "halt";
  }
  socket.assign("currentUser", "Ann");
};

const link = (id: string, to: string) => `<a id="${id}" href="${to}" data-phx-link="redirect" data-phx-link-state="push">${id}</a>`;
const Account = defineView<{ currentUser: string }>({
  name: "Account",
  template: await loadTemplate(`<h1 id="page">account of {@currentUser}</h1>${link("to-settings", "/settings")}${link("to-public", "/public")}`),
});
const Settings = defineView<{ currentUser: string }>({
  name: "Settings",
  template: await loadTemplate(`<h1 id="page">settings of {@currentUser}</h1>${link("to-public", "/public")}`),
});
const Public = defineView<Record<string, never>>({
  name: "Public",
  template: await loadTemplate(`<h1 id="page">public</h1>${link("to-account", "/account")}`),
});

const routes = [...liveSession("members", { onMount: requireUser }, [live("/account", Account), live("/settings", Settings)]), live("/public", Public)];

const e2e = browserSuite("live sessions in Chromium", routes, {
  session: { userToken: "token-ann" },
  before: () => void (hookRuns.length = 0),
});

const mark = (page: Page) => page.evaluate(() => void ((window as unknown as { marker?: number }).marker = 7));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { marker?: number }).marker === 7);

e2e("inside a session navigation is live; across sessions it is a page load", async ({ app, page }) => {
  const logFrom = app.logger.messages.length;
  const errors = await openLive(page, app.url("/account"));
  assert.is(await page.textContent("#page"), "account of Ann");
  assert.equal(hookRuns, ["http", "connected"]);
  await mark(page);

  await page.click("#to-settings");
  await page.waitForFunction(() => document.querySelector("#page")?.textContent === "settings of Ann");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(await marked(page), "live navigation: no page load");
  assert.equal(hookRuns, ["http", "connected", "connected"], "the hook ran on the live mount only");

  await page.click("#to-public");
  await page.waitForFunction(() => document.querySelector("#page")?.textContent === "public");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(!(await marked(page)), "another session: the page was loaded over HTTP");
  assert.ok(page.url().endsWith("/public"), page.url());
  await mark(page);

  await page.click("#to-account");
  await page.waitForFunction(() => document.querySelector("#page")?.textContent === "account of Ann");
  await page.waitForSelector("[data-phx-main].phx-connected");
  assert.ok(!(await marked(page)), "into the session: a page load");
  assert.equal(hookRuns.slice(3), ["http", "connected"], "entering the session ran its hook on the request");
  assert.equal(errors, []);
  assert.equal(errorsSince(app.logger, logFrom), []);
});

e2e.run();
