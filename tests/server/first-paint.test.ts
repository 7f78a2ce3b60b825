// The HTTP render (`liveRender`, GET): HTML from the compiled HTML renderer, stateful
// components included, with no diff engine built; the connected mount renders the same page.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer, defineView, liveComponent, MemoryLogger } from "../../runtime/server/index.ts";
import { createDiffEngine, type EngineFactory } from "../../runtime/server/engine.ts";
import { randomToken } from "../../runtime/server/random.ts";
import { mountView } from "../../runtime/test/index.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const firstPaint = suite("first paint");

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the render to fail");
}

/** A page with components inside components: cids and callbacks follow the diff engine's order. */
async function nestedComponents(calls: string[]) {
  const Leaf = liveComponent<{ label: string }>({
    name: "Leaf",
    mount: (socket) => void calls.push(`mount leaf ${socket.assigns.id}`),
    template: await loadTemplate('<i data-cid={@myself}>{@label}</i>'),
  });
  const Box = liveComponent<{ label: string; leaf: typeof Leaf }>({
    name: "Box",
    mount: (socket) => void calls.push(`mount box ${socket.assigns.id}`),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<section data-cid={@myself}><b>{@label}</b>{componentRef(@leaf, "leaf-" + @id, { label: @label + "!" })}</section>`),
  });
  return defineView<{ title: string; box: typeof Box; leaf: typeof Leaf; names: string[] }>({
    name: "Nested",
    mount: (_p, _s, socket) => void socket.assign({ title: "Boxes <&>", box: Box, leaf: Leaf, names: ["a", "b"] }),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<h1>{@title}</h1><div :for={name of @names} :key={name}>{componentRef(@box, name, { label: name, leaf: @leaf })}</div>`),
  });
}

firstPaint("the HTTP render shows stateful components, numbered and mounted as the connected mount does", async () => {
  const calls: string[] = [];
  const view = await mountView(await nestedComponents(calls));
  const expected =
    '<h1>Boxes &lt;&amp;&gt;</h1>' +
    '<div><section data-cid="1"><b>a</b><i data-cid="3">a!</i></section></div>' +
    '<div><section data-cid="2"><b>b</b><i data-cid="4">b!</i></section></div>';
  assert.is(view.staticHTML, expected);
  assert.is(view.html(), view.staticHTML, "the join's tree, merged, is the page the HTTP render sent");
  const order = ["mount box a", "mount box b", "mount leaf leaf-a", "mount leaf leaf-b"];
  assert.equal(calls, [...order, ...order], "breadth first in both renders");
});

firstPaint("a duplicate component id fails the HTTP render with the diff engine's message", async () => {
  const Leaf = liveComponent<Record<string, never>>({ template: await loadTemplate("<i>leaf</i>") });
  const Twice = defineView<{ leaf: typeof Leaf }>({
    name: "Twice",
    mount: (_p, _s, socket) => void socket.assign("leaf", Leaf),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<p>{componentRef(@leaf, "x")}{componentRef(@leaf, "x")}</p>`),
  });
  const logger = new MemoryLogger();
  const server = createServer({ secret: "s".repeat(32), logger });
  assert.match((await rejection(server.liveRender(Twice))).message, /Twice failed to render/);
  assert.match(logger.messages.at(-1)!.message, /found duplicate ID "x" for component/);
});

firstPaint("a component without a single root tag fails the HTTP render as it fails a diff", async () => {
  const Loose = liveComponent<Record<string, never>>({ name: "Loose", template: await loadTemplate("<i>one</i><i>two</i>") });
  const V = defineView<{ loose: typeof Loose }>({
    name: "HasLoose",
    mount: (_p, _s, socket) => void socket.assign("loose", Loose),
    template: await loadTemplate(`---
import { componentRef } from "livehtml/server";
---
<p>{componentRef(@loose, "l")}</p>`),
  });
  const logger = new MemoryLogger();
  const server = createServer({ secret: "s".repeat(32), logger });
  assert.match((await rejection(server.liveRender(V))).message, /HasLoose failed to render/);
  assert.match(logger.messages.at(-1)!.message, /component Loose with id "l" must have a single static HTML tag at the root/);
});

firstPaint("liveRender builds no diff engine", async () => {
  let engines = 0;
  const counting: EngineFactory = (host) => (engines++, createDiffEngine(host));
  const server = createServer({ secret: "s".repeat(32), createEngine: counting, logger: new MemoryLogger() });
  const { html } = await server.liveRender(await nestedComponents([]));
  assert.match(html, /<i data-cid="4">b!<\/i>/);
  assert.is(engines, 0);
});

firstPaint("a view with a hand-written render returns its tree's HTML", async () => {
  const template = await loadTemplate("<p>{@n}</p>");
  const V = defineView<{ n: number }>({
    mount: (_p, _s, socket) => void socket.assign("n", 7),
    // Not the compiled function itself: a render that only returns its tree.
    render: (assigns) => template(assigns),
  });
  const server = createServer({ secret: "s".repeat(32), logger: new MemoryLogger() });
  const { html } = await server.liveRender(V);
  assert.match(html, /><p>7<\/p><\/div>$/);
});

firstPaint("the HTTP render waits for an asynchronous mount, onMount hook and handleParams, and not for synchronous ones", async () => {
  const template = await loadTemplate("<p>{@steps}</p>");
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));
  const steps: string[] = [];
  const Async = defineView<{ steps: string }>({
    onMount: async () => void steps.push(await later("hook")),
    mount: async (_p, _s, socket) => void socket.assign("steps", [...steps, await later("mount")].join(" ")),
    handleParams: async (_p, _u, socket) => void socket.assign("steps", `${socket.assigns.steps} ${await later("params")}`),
    template,
  });
  const Sync = defineView<{ steps: string }>({
    mount: (_p, _s, socket) => void socket.assign("steps", "mount"),
    handleParams: (_p, _u, socket) => void socket.assign("steps", `${socket.assigns.steps} params`),
    template,
  });
  const server = createServer({ secret: "s".repeat(32), logger: new MemoryLogger() });
  assert.match((await server.liveRender(Async)).html, /><p>hook mount params<\/p><\/div>$/);
  assert.match((await server.liveRender(Sync)).html, /><p>mount params<\/p><\/div>$/);
});

firstPaint.run();

const ids = suite("random page ids");

ids("random tokens from the pool are distinct and of the asked size, across refills", () => {
  const seen = new Set<string>();
  // 9 bytes each: 2,000 of them draw the 4 KiB pool several times over.
  for (let i = 0; i < 2000; i++) {
    const token = randomToken(9);
    assert.match(token, /^[A-Za-z0-9_-]{12}$/);
    seen.add(token);
  }
  assert.is(seen.size, 2000);
  assert.is(Buffer.from(randomToken(12), "base64url").length, 12);
});

ids.run();
