// A view that crashes in its connected mount, in Chromium with each client: the join
// is answered with an error, so the client reloads the page (a fresh HTTP render) rather than
// rejoining the same channel forever.
import * as assert from "uvu/assert";
import { defineView, live } from "../../runtime/server/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { browserSuite, recordFrames } from "./helpers/app.ts";

const mounts = { dead: 0, connected: 0 };

const BrokenView = defineView<Record<string, never>>({
  name: "BrokenOnConnect",
  mount(_params, _session, socket) {
    if (!socket.connected) return void mounts.dead++;
    mounts.connected++;
    throw new Error("cannot reach the database");
  },
  template: await loadTemplate('<p id="content">rendered over HTTP</p>'),
});

// Short reload jitters so the reload happens within the test's time.
const e2e = browserSuite("a crash in the connected mount, in Chromium", [live("/broken", BrokenView)], {
  clientOptions: { reloadJitterMin: 50, reloadJitterMax: 100 },
  before: () => {
    mounts.dead = 0;
    mounts.connected = 0;
  },
});

e2e("the join error reply makes the client reload the page", async (ctx) => {
  const { page, app } = ctx;
  const frames = recordFrames(page);
  await page.goto(app.url("/broken"));
  assert.is(await page.textContent("#content"), "rendered over HTTP");
  // Bounded wait: a reload is a second HTTP render.
  for (let i = 0; i < 100 && mounts.dead < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(mounts.dead >= 2, `the page was not reloaded (HTTP renders ${mounts.dead}, joins ${mounts.connected})`);
  assert.ok(mounts.connected <= mounts.dead + 1, `one join per page load, not rejoins in place (HTTP renders ${mounts.dead}, joins ${mounts.connected})`);
  const lvFrames = frames.filter((f) => String(f[2]).startsWith("lv:"));
  assert.ok(lvFrames.length > 0, "the join was answered");
  assert.ok(!lvFrames.some((f) => f[3] === "phx_error"), `no phx_error: ${JSON.stringify(lvFrames)}`);
  const reply = lvFrames.find((f) => f[3] === "phx_reply") as [unknown, unknown, string, string, { status: string; response: { reason: string } }];
  assert.equal(reply[4], { status: "error", response: { reason: "join crashed" } });
  assert.ok(app.logger.has("error", /BrokenOnConnect .* crashed in mount: cannot reach the database/));
});

e2e.run();
