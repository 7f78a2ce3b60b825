// A view's stray errors (a throw in its own setTimeout callback, a promise it did not await) end
// that view only: it crashes and rejoins, the process and every other view keep running.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { click, hooks, joinCounter, response, startApp, status, type App } from "./helpers/live-app.ts";

const optOut = suite("process guard: opt-out");

optOut("processGuard: false installs no process listeners", async () => {
  const before = [process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")];
  const app = await startApp({ processGuard: false });
  assert.equal([process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")], before);
  await app.server.close();
});

optOut.run();

const guard = suite<{ app: App }>("process guard");

guard.before(async (ctx) => {
  ctx.app = await startApp();
  hooks.onEvent = (event) => {
    if (event === "reject") void Promise.reject(new Error("a promise nobody awaited"));
    if (event === "timer") setTimeout(() => { throw new Error("a timer callback threw"); }, 1);
    if (event === "late") setTimeout(() => { throw new Error("threw after the view left"); }, 30);
    if (event === "deep") setTimeout(() => void Promise.resolve().then(() => { throw new Error("a chain started by a timer"); }), 1);
  };
});
guard.after(async (ctx) => {
  hooks.onEvent = undefined;
  await ctx.app.server.close();
});

for (const [event, message, where] of [
  ["reject", "a promise nobody awaited", "unhandled rejection"],
  ["timer", "a timer callback threw", "uncaught exception"],
  ["deep", "a chain started by a timer", "unhandled rejection"],
] as const) {
  guard(`"${message}" crashes that view only; it rejoins, others keep running`, async (ctx) => {
    const a = await joinCounter(ctx.app);
    const b = await joinCounter(ctx.app);
    void click(a.socket, a.topic, event);
    const crash = await a.socket.waitFor((m) => m[3] === "phx_error" && m[2] === a.topic);
    assert.equal(crash, ["1", "1", a.topic, "phx_error", {}]);
    assert.ok(ctx.app.logger.has("error", new RegExp(`view CounterView \\(${a.page.id}\\) crashed in .*${where}.*: ${message}`)));
    assert.equal(response(await click(b.socket, b.topic)), { diff: { "0": "1" } });
    const rejoin = await a.socket.push("2", a.topic, "phx_join", {
      url: `${ctx.app.origin}/counter`,
      params: { _csrf_token: a.page.csrf, _mounts: 1 },
      session: a.page.session,
      static: a.page.static,
    });
    assert.is(status(rejoin), "ok");
    a.socket.close();
    b.socket.close();
  });
}

guard("an error from a view that has already left is logged; nothing else happens", async (ctx) => {
  const a = await joinCounter(ctx.app);
  await click(a.socket, a.topic, "late");
  a.socket.close();
  await a.socket.closed();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.ok(ctx.app.logger.has("error", /failed after it ended.*threw after the view left/));
  const b = await joinCounter(ctx.app);
  assert.equal(response(await click(b.socket, b.topic)), { diff: { "0": "1" } });
  b.socket.close();
});

/** Runs a script that installs the guard; returns its exit code and stderr. */
function runGuarded(body: string) {
  const guardModule = new URL("../../runtime/server/process-guard.ts", import.meta.url).href;
  const script = `import { installProcessGuard } from ${JSON.stringify(guardModule)};\ninstallProcessGuard();\n${body}`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
  return { code: child.status, stderr: child.stderr, stdout: child.stdout };
}

guard("errors no view owns keep Node's behaviour: exit 1, or the application's own listener", () => {
  const bare = runGuarded(`setTimeout(() => { throw new Error("nobody's error"); }, 1);`);
  assert.is(bare.code, 1);
  assert.match(bare.stderr, /nobody's error/);
  const rejected = runGuarded(`void Promise.reject(new Error("nobody's rejection"));`);
  assert.is(rejected.code, 1);
  assert.match(rejected.stderr, /nobody's rejection/);
  const handled = runGuarded(`process.on("uncaughtException", (e, origin) => console.log("app saw", e.message, origin));
void Promise.reject(new Error("rejected"));
setTimeout(() => { throw new Error("thrown"); }, 1);
setTimeout(() => console.log("still alive"), 20);`);
  assert.is(handled.code, 0, handled.stderr);
  assert.match(handled.stdout, /app saw rejected unhandledRejection\napp saw thrown uncaughtException\nstill alive/);
});

guard.run();
