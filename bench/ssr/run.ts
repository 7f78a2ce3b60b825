// Group `ssr` (first paint): livehtml's direct string renderer, and the GET path a user takes
// (`liveRender`: mount, HTML, signed container; and a real HTTP request through
// `createServer`), against Svelte 5 SSR, Marko 6, Vue 3 SSR, EJS, Handlebars, Lit SSR and
// hand-written concatenation, on three pages. Every engine's HTML is checked equivalent
// (bench/lib/normalise-html.ts) before timing.
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import ejs from "ejs";
import Handlebars from "handlebars";
import { render as svelteRender } from "svelte/server";
import { createSSRApp, type Component } from "vue";
import { renderToString } from "vue/server-renderer";
import { render as litRender } from "@lit-labs/ssr";
import { collectResultSync } from "@lit-labs/ssr/lib/render-result.js";
import { html as litHtml } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { T, tableData, searchData } from "../peers/ssr-templates.mjs";
import { C, cardsData } from "../peers/cards-templates.mjs";
import { buildPeers } from "../peers/build.mjs";
import { interleave, type Contender } from "../lib/interleave.ts";
import { assertEquivalent } from "../lib/normalise-html.ts";
import { compileTo, loadTemplate, OUT, type Template } from "../lib/livehtml.ts";
import { envNumber } from "../lib/env.ts";
import { fmt, ratio, spread } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { goal } from "../lib/report.ts";
import * as live from "./templates.ts";
import { baseline } from "./baseline.ts";
import { createServer, defineView, live as liveRoute, MemoryLogger, type LiveServer } from "livehtml/server";
import { assertBuiltPackageFresh, runtimeLabel, serverModule } from "../lib/server-runtime.ts";

type Page = "table" | "search" | "cards";
const PAGES: Record<Page, string> = { table: "100 rows", search: "100 results + static footer", cards: "50 card components with a slot" };
const PROPS: Record<Page, string[]> = { table: ["rows", "selected"], search: ["items"], cards: ["cards"] };

interface Engine extends Contender {
  /** One render, used for the equivalence check. */
  readonly once: () => Promise<string>;
}

function syncEngine(name: string, run: () => string): Engine {
  return { name, run, once: async () => run() };
}

async function livehtmlTemplate(page: Page, lang: "ts" | "js"): Promise<Template> {
  const suffix = lang === "js" ? "-js" : "";
  if (page === "cards") {
    const card = compileTo(`cards-card${suffix}`, live.card, lang);
    return loadTemplate(`cards${suffix}`, live.cards(card), lang);
  }
  return loadTemplate(`${page}${suffix}`, live[page], lang);
}

/** Names of our own contenders and references: everything else in a table is a peer. */
const OURS = { html: "livehtml .html()", get: "livehtml GET: liveRender", http: "livehtml GET over HTTP", tokens: "tokens only (fixed per page)", hand: "hand-written" } as const;

/** The container a GET wraps the view in: its inner HTML is the page the peers render. */
const CONTAINER = /<div id="phx-[^"]*"[^>]*>([\s\S]*)<\/div>/;
function containerInner(html: string): string {
  const m = CONTAINER.exec(html);
  if (!m) throw new Error(`bench: no live view container in ${html.slice(0, 200)}`);
  return m[1]!;
}

/** One GET of `path` on a keep-alive connection; resolves with the body. */
function get(port: number, path: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`bench: GET ${path} answered ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The GET path of one page: a view whose mount assigns the page's data, served by `createServer`. */
async function getPath(page: Page, template: Template, data: Record<string, unknown>): Promise<{ server: LiveServer; port: number; engines: Engine[] }> {
  const view = defineView<Record<string, unknown>>({ name: `bench-${page}`, mount: (_p, _s, socket) => void socket.assign(data), template });
  // Production mode (the bench's) refuses a weak secret; a random one costs the same to sign with.
  const server = createServer({ secret: randomBytes(48).toString("base64url"), routes: [liveRoute(`/${page}`, view)], logger: new MemoryLogger() });
  const { port, server: http } = await server.listen(0, "127.0.0.1");
  // Other contenders run between two of its slices: the connection must outlive them.
  http.keepAliveTimeout = 10 * 60_000;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { newContainerId } = await serverModule<typeof import("../../runtime/server/context.ts")>("context");
  const { newCsrfToken } = await serverModule<typeof import("../../runtime/server/csrf.ts")>("csrf");
  const { containerTokens } = await serverModule<typeof import("../../runtime/server/page.ts")>("page");
  // What every page signs: the container's session token, which binds the page's CSRF nonce
  // (and a static token when there is a flash; these pages have none).
  const tokens = () => containerTokens(server.context, { id: newContainerId(), view, main: false, session: {}, flash: {}, csrfNonce: newCsrfToken() }).open;
  const live = async () => (await server.liveRender(view)).html;
  return {
    server,
    port,
    engines: [
      { name: OURS.get, runAsync: live, once: async () => containerInner(await live()) },
      { name: OURS.http, runAsync: () => get(port, `/${page}`, agent), once: async () => containerInner(await get(port, `/${page}`, agent)) },
      // Not a page: the signing a GET does whatever the view (checked against nothing).
      { name: OURS.tokens, run: tokens, once: async () => "" },
    ],
  };
}

async function engines(page: Page, data: Record<string, unknown>, template: Template): Promise<Engine[]> {
  const svelte = (await import(`${OUT}${page}.svelte.mjs`)).default;
  const marko = (await import(`${OUT}${page}.marko.mjs`)).default;
  const { ssrRender } = (await import(`${OUT}${page}.vue.mjs`)) as { ssrRender: unknown };
  const vue: Record<string, unknown> = { props: PROPS[page], ssrRender };
  const hb = Handlebars.create();
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("cardHref", (id: unknown) => `/cards/${id}`);
  let ejsPage: (d: object) => string;
  let hbPage: (d: object) => string;
  let litPage: () => unknown;
  if (page === "cards") {
    const cardSsr = ((await import(`${OUT}cards-card.vue.mjs`)) as { ssrRender: unknown }).ssrRender;
    vue.components = { Card: { props: ["title", "href"], ssrRender: cardSsr } };
    const card = ejs.compile(C.ejs.card);
    const body = ejs.compile(C.ejs.body);
    const pageFn = ejs.compile(C.ejs.page);
    ejsPage = (d) => pageFn({ ...d, card, body });
    hb.registerPartial("card", C.handlebars.card);
    hbPage = hb.compile(C.handlebars.page);
    litPage = () => C.lit(litHtml, data as never);
  } else {
    ejsPage = ejs.compile(T[page].ejs);
    hbPage = hb.compile(T[page].handlebars);
    litPage = () => T[page].lit(litHtml, data as never, unsafeHTML);
  }
  const hand = baseline[page]!;
  return [
    syncEngine(OURS.html, () => template.html(data)),
    syncEngine(OURS.hand, () => hand(data as never)),
    syncEngine("svelte 5 ssr", () => svelteRender(svelte, { props: data }).body),
    syncEngine("marko 6 html", () => String(marko.render(data))),
    {
      name: "vue 3 ssr",
      runAsync: () => renderToString(createSSRApp(vue as Component, data)),
      once: () => renderToString(createSSRApp(vue as Component, data)),
    },
    syncEngine("ejs", () => ejsPage(data)),
    syncEngine("handlebars", () => hbPage(data)),
    syncEngine("lit ssr", () => collectResultSync(litRender(litPage()))),
  ];
}

export async function runSSR(): Promise<void> {
  const rounds = envNumber("ROUNDS", 9, 3);
  const sliceMs = envNumber("SLICE_MS", 300, 100);
  assertBuiltPackageFresh();
  buildPeers(OUT);
  const data: Record<Page, Record<string, unknown>> = { table: tableData(100), search: searchData(100), cards: cardsData(50) };
  for (const page of Object.keys(PAGES) as Page[]) {
    // JavaScript output, as the Vite plugin and the Node loader serve templates. (Loading the
    // TypeScript output through tsx would add esbuild's keepNames wrapper to every closure.)
    const template = await livehtmlTemplate(page, "js");
    const served = await getPath(page, template, data[page]);
    const list = [...(await engines(page, data[page], template)), ...served.engines];
    const reference = await list[0]!.once();
    const bytes = new Map<string, number>();
    for (const engine of list) {
      const out = await engine.once();
      if (engine.name !== OURS.tokens) assertEquivalent(reference, OURS.html, out, engine.name);
      bytes.set(engine.name, out.length);
    }
    const results = await interleave(list, { rounds, sliceMs, warmupMs: sliceMs });
    await served.server.close();
    const byName = (name: string) => results.find((r) => r.name === name)!;
    const ours = byName(OURS.html).opsPerSecond;
    const hand = byName(OURS.hand).opsPerSecond;
    printTable(
      `ssr / ${page} (${PAGES[page]}) — node ${process.version}, ${runtimeLabel}, median of ${rounds} interleaved rounds × ${sliceMs} ms`,
      ["engine", "ops/s", "µs/op", "CPU µs/op", "time ÷ livehtml .html()", "time ÷ hand-written", "bytes", "ops/s range"],
      results.map((r) => [r.name, fmt(r.opsPerSecond), fmt(1e6 / r.opsPerSecond), fmt(r.cpuUsPerOp), ratio(ours / r.opsPerSecond), ratio(hand / r.opsPerSecond), bytes.get(r.name)!, spread(r.samples)]),
    );
    const ourNames: readonly string[] = Object.values(OURS);
    const peers = results.filter((r) => !ourNames.includes(r.name));
    const fastestPeer = peers.reduce((a, b) => (a.opsPerSecond > b.opsPerSecond ? a : b));
    goal(".html() faster than every peer", ours > fastestPeer.opsPerSecond, `fastest peer ${fastestPeer.name} takes ${ratio(ours / fastestPeer.opsPerSecond)} our time`);
    goal(".html() within 1.3× of hand-written", hand / ours <= 1.3, `${ratio(hand / ours)} hand-written's time`);
    // Judged on wall time, then on CPU time, which a shared machine stretches far less.
    const times = [
      { what: "", us: (name: string) => 1e6 / byName(name).opsPerSecond },
      { what: " (CPU time)", us: (name: string) => byName(name).cpuUsPerOp },
    ];
    for (const { what, us } of times) {
      const getUs = us(OURS.get);
      if (page === "cards") {
        goal(`GET path (liveRender) faster than Svelte 5${what}`, getUs < us("svelte 5 ssr"), `${fmt(getUs)} µs vs ${fmt(us("svelte 5 ssr"))} µs`);
      } else {
        const limit = us(OURS.hand) + us(OURS.tokens);
        goal(`GET path (liveRender) within 1.3× of hand-written + token signing${what}`, getUs <= 1.3 * limit, `${fmt(getUs)} µs = ${ratio(getUs / limit)} of ${fmt(limit)} µs`);
      }
    }
  }
  printCommand("npm run bench -- ssr   (QUICK=1 for a short run; ROUNDS, SLICE_MS override)");
}
