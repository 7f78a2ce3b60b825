// Async work: assignAsync with AsyncResult states, startAsync + handleAsync, cancelAsync; the
// view keeps handling events meanwhile, and results of replaced, cancelled or ended work are
// dropped. Also temporaryAssigns, getConnectParams and staticChanged.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AsyncResult, createServer, defineView, live, MemoryLogger, type AsyncOutcome } from "../../runtime/server/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { readPage, TestSocket } from "./helpers/client.ts";

const tests = suite("async work");

/** A promise resolved (or rejected) from outside, so a test decides when the work finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const orgTemplate = await loadTemplate(`<p id="org" :if={@org.loading}>Loading…</p><p id="org" :else-if={@org.failed}>failed: {String(@org.failed)}</p><p id="org" :else>{@org.result?.name}</p><p id="clicks">{@clicks}</p>`);

interface OrgAssigns {
  org: AsyncResult<{ name: string }>;
  clicks: number;
}

tests("assignAsync: loading in the HTTP render (no work there), ok once the connected work finishes; events go on meanwhile", async () => {
  const work = deferred<{ org: { name: string } }>();
  const started: boolean[] = [];
  const V = defineView<OrgAssigns>({
    name: "Org",
    mount(_p, _s, socket) {
      socket.assign("clicks", 0).assignAsync("org", () => (started.push(socket.connected), work.promise));
    },
    handleEvent: (_e, _v, socket) => void socket.update("clicks", (c) => c + 1),
    template: orgTemplate,
  });
  const view = await mountView(V);
  assert.ok(view.staticHTML.includes('<p id="org">Loading…</p>'), view.staticHTML);
  assert.ok(view.html().includes('<p id="org">Loading…</p>'));
  await view.click("inc");
  await view.click("inc");
  assert.ok(view.html().includes('<p id="clicks">2</p>'), "the view handled events while the work ran");
  work.resolve({ org: { name: "Acme" } });
  const html = await view.renderAsync();
  assert.ok(html.includes('<p id="org">Acme</p>'), html);
  assert.equal(started, [true], "the work ran for the connected mount only");
  assert.equal(view.runtime.state.assigns.org, AsyncResult.ok({ name: "Acme" }));
});

tests("assignAsync: a failure or a missing key gives failed, logged; a reload keeps the last result while loading", async () => {
  let attempt = 0;
  const failing = deferred<{ org: { name: string } }>();
  const V = defineView<OrgAssigns>({
    name: "Flaky",
    mount: (_p, _s, socket) => void socket.assign("clicks", 0).assignAsync("org", async () => ({ org: { name: "First" } })),
    handleEvent(event, _v, socket) {
      attempt++;
      if (event === "fail") socket.assignAsync("org", () => failing.promise);
      if (event === "wrong") socket.assignAsync("org", async () => ({ other: 1 }) as never);
    },
    template: orgTemplate,
  });
  const view = await mountView(V);
  await view.renderAsync();
  assert.ok(view.html().includes('<p id="org">First</p>'));
  await view.click("fail");
  const loading = view.runtime.state.assigns.org as AsyncResult<{ name: string }>;
  assert.equal([loading.loading, loading.ok, loading.result], [true, true, { name: "First" }], "reloading keeps the last result");
  failing.reject(new Error("timeout"));
  await view.renderAsync();
  assert.ok(view.html().includes('<p id="org">failed: Error: timeout</p>'), view.html());
  assert.ok((view.logger as MemoryLogger).has("warn", /Flaky: assignAsync\(org\) failed: .*timeout/));
  await view.click("wrong");
  await view.renderAsync();
  assert.match(view.html(), /failed: Error: assignAsync\(&quot;org&quot;\): the function&#39;s result has no &quot;org&quot;/);
  assert.is(attempt, 2);
  assert.ok(!view.crashed);
});

tests("startAsync: handleAsync gets ok or exit; cancelAsync aborts the work and reports exit; newer work replaces older", async () => {
  const outcomes: string[] = [];
  const signals: AbortSignal[] = [];
  const slow = deferred<string>();
  const V = defineView<{ status: string }>({
    name: "Jobs",
    mount: (_p, _s, socket) => void socket.assign("status", "idle"),
    handleEvent(event, _v, socket) {
      if (event === "quick") socket.startAsync("job", async () => "done");
      if (event === "broken") socket.startAsync("job", async () => Promise.reject(new Error("boom")));
      if (event === "slow") socket.startAsync("job", (signal) => (signals.push(signal), slow.promise));
      if (event === "cancel") socket.cancelAsync("job", "user cancelled");
    },
    handleAsync(name, outcome: AsyncOutcome, socket) {
      const text = outcome.status === "ok" ? `${name} ok ${String(outcome.result)}` : `${name} exit ${String(outcome.reason)}`;
      outcomes.push(text);
      socket.assign("status", text);
    },
    template: await loadTemplate('<p id="status">{@status}</p>'),
  });
  const view = await mountView(V);
  await view.click("quick");
  await view.renderAsync();
  assert.ok(view.html().includes('<p id="status">job ok done</p>'), view.html());
  await view.click("broken");
  await view.renderAsync();
  await view.click("slow");
  await view.click("cancel");
  await view.renderAsync();
  assert.ok(signals[0]!.aborted, "the cancelled work's signal aborted");
  slow.resolve("too late");
  await view.renderAsync();
  assert.equal(outcomes, ["job ok done", "job exit Error: boom", "job exit user cancelled"], "the cancelled work's late result was dropped");

  const first = deferred<string>();
  const second = deferred<string>();
  const R = defineView<{ status: string }>({
    name: "Replaced",
    mount(_p, _s, socket) {
      socket.assign("status", "");
      if (socket.connected) socket.startAsync("load", () => first.promise).startAsync("load", () => second.promise);
    },
    handleAsync: (_n, outcome, socket) => void socket.assign("status", outcome.status === "ok" ? String(outcome.result) : "exit"),
    template: await loadTemplate('<p id="status">{@status}</p>'),
  });
  const replaced = await mountView(R);
  second.resolve("second");
  first.resolve("first");
  await replaced.renderAsync();
  assert.ok(replaced.html().includes('<p id="status">second</p>'), replaced.html());
});

tests("cancelAsync of an assignAsync key makes it failed; the results of a view that ended are dropped", async () => {
  const work = deferred<{ org: { name: string } }>();
  let signal: AbortSignal | null = null;
  let asyncCalls = 0;
  const V = defineView<OrgAssigns>({
    name: "Cancelled",
    mount: (_p, _s, socket) => void socket.assign("clicks", 0).assignAsync("org", (s) => ((signal = s), work.promise)),
    handleEvent: (_e, _v, socket) => void socket.cancelAsync("org", "stopped"),
    handleAsync: () => void asyncCalls++,
    template: orgTemplate,
  });
  const view = await mountView(V);
  await view.click("cancel");
  assert.ok(view.html().includes('<p id="org">failed: stopped</p>'), view.html());
  assert.ok(signal!.aborted);

  const gone = deferred<{ org: { name: string } }>();
  let goneSignal: AbortSignal | null = null;
  const G = defineView<OrgAssigns>({
    name: "Gone",
    mount: (_p, _s, socket) => void socket.assign("clicks", 0).assignAsync("org", (s) => ((goneSignal = s), gone.promise)),
    template: orgTemplate,
  });
  const ended = await mountView(G);
  const diffs = ended.diffs.length;
  ended.terminate();
  assert.ok(goneSignal!.aborted, "ending the view aborts its work");
  gone.resolve({ org: { name: "late" } });
  await ended.renderAsync();
  assert.is(ended.diffs.length, diffs, "nothing was rendered for a view that ended");
  assert.is(asyncCalls, 0);
});

tests("temporaryAssigns are reset after each render without counting as a change", async () => {
  const V = defineView<{ messages: string[]; count: number }>({
    name: "Chat",
    temporaryAssigns: { messages: [] },
    mount: (_p, _s, socket) => void socket.assign({ messages: ["hello"], count: 0 }),
    handleEvent(event, value, socket) {
      if (event === "say") socket.assign("messages", [String(value.text)]);
      socket.update("count", (c) => c + 1);
    },
    template: await loadTemplate('<ul id="m"><li :for={m of @messages}>{m}</li></ul><p id="count">{@count}</p>'),
  });
  const view = await mountView(V);
  assert.ok(view.html().includes("<li>hello</li>"));
  assert.equal(view.runtime.state.assigns.messages, [], "not kept after the render");
  await view.click("count");
  assert.equal(view.lastDiff, { 1: "1" }, "the reset is not a change");
  await view.click("say", { text: "bye" });
  assert.ok(view.html().includes("<li>bye</li>"), view.html());
});

tests("getConnectParams and staticChanged: null and false over HTTP; the join's params and tracked assets when connected", async () => {
  const seen: unknown[] = [];
  const V = defineView<Record<string, never>>({
    name: "Connect",
    mount: (_p, _s, socket) => void seen.push([socket.getConnectParams()?.timezone ?? null, socket.staticChanged()]),
    template: await loadTemplate("<p>x</p>"),
  });
  const server = createServer({ routes: [live("/c", V)], secret: "test secret that is long enough", logger: new MemoryLogger(), staticAssets: ["/assets/app-v2.js"] });
  const { port } = await server.listen(0);
  try {
    for (const tracked of [["http://127.0.0.1/assets/app-v2.js"], ["http://127.0.0.1/assets/app-v1.js"]]) {
      const page = readPage(await (await fetch(`http://127.0.0.1:${port}/c`)).text());
      const socket = await TestSocket.open(port);
      const reply = await socket.push("1", `lv:${page.id}`, "phx_join", {
        url: `http://127.0.0.1:${port}/c`,
        params: { _csrf_token: page.csrf, _mounts: 0, _track_static: tracked, timezone: "Europe/Paris" },
        session: page.session,
        static: page.static,
      });
      assert.is((reply[4] as { status: string }).status, "ok");
      socket.close();
    }
  } finally {
    await server.close();
  }
  assert.equal(seen, [[null, false], ["Europe/Paris", false], [null, false], ["Europe/Paris", true]]);
});

tests.run();
