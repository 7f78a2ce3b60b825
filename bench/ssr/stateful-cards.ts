// The cards page with its 50 cards as stateful components (`liveComponent`, placed with
// `componentRef`) beside the same page with function components, both through the GET path
// (`server.liveRender`), in CPU time per op (best of interleaved slices, lib/cpu-slices.ts):
//   node --conditions=livehtml-source --import tsx bench/ssr/stateful-cards.ts [rounds]
// Without the condition the runtime is dist/ (`npm run build` first), as a deployment runs it,
// without the names tsx gives every closure the TypeScript source creates.
// The difference between the two is what mounting a stateful component costs an HTTP render.
import { randomBytes } from "node:crypto";
import { render as svelteRender } from "svelte/server";
// Through the package name, like the compiled templates: the source with the condition, dist/ without.
import { createServer, defineView, liveComponent, MemoryLogger } from "livehtml/server";
import { buildPeers } from "../peers/build.mjs";
import { cardsData } from "../peers/cards-templates.mjs";
import { compileTo, loadTemplate, OUT } from "../lib/livehtml.ts";
import { bestCpuPerOp } from "../lib/cpu-slices.ts";
import { fmt } from "../lib/stats.ts";
import { printTable } from "../lib/table.ts";
import { assertEquivalent } from "../lib/normalise-html.ts";
import * as live from "./templates.ts";
import { baseline } from "./baseline.ts";

process.env.NODE_ENV ??= "production";
const rounds = Number(process.argv[2] ?? 15);
const data = cardsData(50);

// The stateful card shows its body itself: a stateful component's assigns carry no slot.
const Card = liveComponent<Record<string, unknown>>({
  name: "Card",
  template: (await loadTemplate(
    "stateful-card-js",
    `<article class="card"><header><h3>{@title}</h3></header><div class="card-body"><p>{@text}</p><small>{@likes} likes</small></div><footer><a href={@href}>More</a></footer></article>`,
    "js",
  )) as never,
});
const statefulPage = await loadTemplate(
  "stateful-cards-js",
  `---
import { componentRef } from "livehtml/server";
---
<main class="cards"><%= for c of @cards do %>{componentRef(@card, "card-" + c.id, { title: c.title, href: "/cards/" + c.id, text: c.text, likes: c.likes })}<% end %></main>`,
  "js",
);
const functionPage = await loadTemplate("cards-js", live.cards(compileTo("cards-card-js", live.card, "js")), "js");
buildPeers(OUT);
const svelte = (await import(`${OUT}cards.svelte.mjs`)).default;

const server = createServer({ secret: randomBytes(48).toString("base64url"), routes: [], logger: new MemoryLogger(), processGuard: false });
const statefulView = defineView<Record<string, unknown>>({ name: "stateful-cards", mount: (_p, _s, socket) => void socket.assign({ ...data, card: Card }), template: statefulPage });
const functionView = defineView<Record<string, unknown>>({ name: "function-cards", mount: (_p, _s, socket) => void socket.assign(data), template: functionPage });

const pieces: Array<[string, () => unknown]> = [
  ["hand-written", () => baseline.cards!(data as never)],
  ["svelte 5 ssr", () => svelteRender(svelte, { props: data }).body],
  ["liveRender, function components", () => server.liveRender(functionView)],
  ["liveRender, stateful components", () => server.liveRender(statefulView)],
];

const inner = (html: string) => /<div id="phx-[^"]*"[^>]*>([\s\S]*)<\/div>/.exec(html)![1]!;
const reference = baseline.cards!(data as never);
assertEquivalent(reference, "hand-written", inner((await server.liveRender(functionView)).html), "function components");
assertEquivalent(reference, "hand-written", inner((await server.liveRender(statefulView)).html), "stateful components");

const best = await bestCpuPerOp(pieces, rounds);
const us = (name: string) => best.get(name)!;
const rows = pieces.map(([name]) => [name, fmt(us(name))]);
const perComponent = (us("liveRender, stateful components") - us("liveRender, function components")) / data.cards.length;
rows.push(["stateful − function, per component", fmt(perComponent)]);
printTable(`ssr / cards as stateful components — node ${process.version}, CPU µs per op, best of ${rounds} interleaved slices × 50 ms`, ["piece", "CPU µs/op"], rows);
