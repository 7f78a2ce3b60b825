// Where the GET path's time goes, piece by piece, in CPU time (process.cpuUsage), which a
// shared machine disturbs far less than wall time: each piece runs in interleaved slices and
// its best slice is reported (the least disturbed one).
//   npm run build && node --import tsx bench/ssr/breakdown.ts [table|search|cards] [rounds]
// The runtime is the built package's (bench/lib/server-runtime.ts); with
// `--conditions=livehtml-source` it is the sources', through tsx.
// Pieces: the template's `.html()`, the token a page signs (the session token; the CSRF token
// is its nonce), a view runtime's HTTP mount around an empty template (mount + handleParams +
// the render wrappers), `deadRender` (all of a GET but the URL and the HTTP response) and
// `liveRender`, beside hand-written concatenation and Svelte 5.
import { randomBytes } from "node:crypto";
import { render as svelteRender } from "svelte/server";
import { createServer, defineView, MemoryLogger } from "livehtml/server";
import { buildPeers } from "../peers/build.mjs";
import { tableData, searchData } from "../peers/ssr-templates.mjs";
import { cardsData } from "../peers/cards-templates.mjs";
import { compileTo, loadTemplate, OUT, type Template } from "../lib/livehtml.ts";
import { bestCpuPerOp } from "../lib/cpu-slices.ts";
import { fmt } from "../lib/stats.ts";
import { printTable } from "../lib/table.ts";
import { assertEquivalent } from "../lib/normalise-html.ts";
import * as live from "./templates.ts";
import { baseline } from "./baseline.ts";
import { assertBuiltPackageFresh, runtimeLabel, serverModule } from "../lib/server-runtime.ts";

process.env.NODE_ENV ??= "production";
type Page = "table" | "search" | "cards";
const page = (process.argv[2] ?? "table") as Page;
if (!["table", "search", "cards"].includes(page)) throw new Error(`bench/ssr/breakdown.ts: unknown page "${page}"; pages are table, search, cards`);
const rounds = Number(process.argv[3] ?? 15);
assertBuiltPackageFresh();
const { newContainerId } = await serverModule<typeof import("../../runtime/server/context.ts")>("context");
const { newCsrfToken } = await serverModule<typeof import("../../runtime/server/csrf.ts")>("csrf");
const { containerTokens, deadRender } = await serverModule<typeof import("../../runtime/server/page.ts")>("page");
const { ViewRuntime } = await serverModule<typeof import("../../runtime/server/view-runtime.ts")>("view-runtime");

const data: Record<string, unknown> = page === "table" ? tableData(100) : page === "search" ? searchData(100) : cardsData(50);
const template: Template =
  page === "cards" ? await loadTemplate("cards-js", live.cards(compileTo("cards-card-js", live.card, "js")), "js") : await loadTemplate(`${page}-js`, live[page], "js");
buildPeers(OUT);
const svelte = (await import(`${OUT}${page}.svelte.mjs`)).default;
const view = defineView<Record<string, unknown>>({ name: `breakdown-${page}`, mount: (_p, _s, socket) => void socket.assign(data), template });
const empty = Object.assign(() => {
  throw new Error("bench: the empty template has no tree");
}, { html: () => "" });
const emptyView = defineView<Record<string, unknown>>({ name: "breakdown-empty", mount: (_p, _s, socket) => void socket.assign(data), template: empty as never });
const server = createServer({ secret: randomBytes(48).toString("base64url"), routes: [], logger: new MemoryLogger(), processGuard: false });
const ctx = server.context;
const url = new URL("http://localhost/");
const hand = baseline[page]!;

const pieces: Array<[string, () => unknown]> = [
  ["hand-written", () => hand(data as never)],
  ["svelte 5 ssr", () => svelteRender(svelte, { props: data }).body],
  [".html()", () => template.html(data)],
  ["tokens (session token)", () => containerTokens(ctx, { id: newContainerId(), view, main: false, session: {}, flash: {}, csrfNonce: newCsrfToken() }).open],
  ["runtime + mountHtml, empty template", () => new ViewRuntime({ view: emptyView, id: "x", csrfToken: "t", connected: false, pubsub: ctx.pubsub, logger: ctx.logger }).mountHtml({}, {}, url, {})],
  ["deadRender", () => deadRender(ctx, { view, params: {}, session: {}, url, main: false })],
  ["liveRender", () => server.liveRender(view)],
];

const reference = template.html(data);
assertEquivalent(reference, ".html()", hand(data as never), "hand-written");
const served = (await server.liveRender(view)).html;
assertEquivalent(reference, ".html()", /<div id="phx-[^"]*"[^>]*>([\s\S]*)<\/div>/.exec(served)![1]!, "liveRender");

const best = await bestCpuPerOp(pieces, rounds);

const us = (name: string) => best.get(name)!;
const rows = pieces.map(([name]) => [name, fmt(us(name))]);
const overhead = us("liveRender") - us(".html()") - us("tokens (session token)");
rows.push(["liveRender − .html() − tokens", fmt(overhead)]);
printTable(`ssr breakdown / ${page} — node ${process.version}, ${runtimeLabel}, CPU µs per op, best of ${rounds} interleaved slices × 50 ms`, ["piece", "CPU µs/op"], rows);
const limit = us("hand-written") + us("tokens (session token)");
console.log(`liveRender = ${(us("liveRender") / limit).toFixed(2)}× (hand-written + tokens); ${(us("liveRender") / us("svelte 5 ssr")).toFixed(2)}× svelte 5`);
