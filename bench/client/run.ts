// `npm run bench -- client`: the same diff stream from our server applied in headless Chromium
// by our client, by the official client (phoenix_live_view + phoenix), and by direct DOM code
// doing the same operation, interleaved op by op; the three DOMs are compared after every op.
// Time = frame handed to the client's socket → DOM mutated → forced layout (median).
import { build, type BuildOptions } from "esbuild";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { fmt, median, ratio } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { DIRECT, MOCK_SOCKET, pageHTML } from "./page.ts";
import { clientSizes, CLIENT_BUILD_OPTIONS } from "../../scripts/build-client.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const QUICK = process.env.QUICK === "1";
const ROUNDS = Number(process.env.ROUNDS ?? (QUICK ? 2 : 7));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface Op {
  name: string;
  setup: string[];
  event: string;
  /** The direct DOM payload for this op, from the rows before and after. */
  direct(before: RowTuple[], after: RowTuple[]): unknown;
}
type RowTuple = [number, string, boolean];

const labels = (before: RowTuple[], after: RowTuple[]) => ({ kind: "labels", set: after.flatMap((r, i) => (r[1] !== before[i]![1] ? [[i, r[1]]] : [])) });
const OPS: Op[] = [
  { name: "create 1,000", setup: [], event: "run", direct: (_, a) => ({ kind: "replace", rows: a }) },
  { name: "replace all", setup: ["run"], event: "run", direct: (_, a) => ({ kind: "replace", rows: a }) },
  { name: "update every 10th", setup: ["run"], event: "update", direct: labels },
  { name: "select", setup: ["run"], event: "select", direct: (b, a) => ({ kind: "classes", set: a.flatMap((r, i) => (r[2] !== b[i]![2] ? [[i, r[2] ? "danger" : ""]] : [])) }) },
  { name: "swap", setup: ["run"], event: "swap", direct: () => ({ kind: "swap", pair: [1, 998] }) },
  { name: "remove", setup: ["run"], event: "remove", direct: () => ({ kind: "remove", index: 4 }) },
  { name: "create 10,000", setup: [], event: "runlots", direct: (_, a) => ({ kind: "replace", rows: a }) },
  { name: "append 1,000", setup: ["run"], event: "add", direct: (b, a) => ({ kind: "append", rows: a.slice(b.length) }) },
  { name: "clear", setup: ["run"], event: "clear", direct: () => ({ kind: "clear" }) },
  { name: "one cell in 10,000", setup: ["runlots"], event: "cell", direct: labels },
];

interface Recorded {
  setup: Array<{ client: string; direct: string }>;
  op: { client: string; direct: string };
  reset: { client: string; direct: string } | null;
}

async function record(): Promise<{ rendered: string; staticHTML: string; warm: Array<{ client: string; direct: string }>; ops: Recorded[] }> {
  await import("../../runtime/register.ts");
  const { mountView } = await import("../../runtime/test/index.ts");
  const { RowsView } = await import("./view.ts");
  const view = await mountView(RowsView);
  const rendered = JSON.stringify(view.diffs[0]);
  const rows = (): RowTuple[] => (view.assigns.rows as Array<{ id: number; label: string; selected: boolean }>).map((r) => [r.id, r.label, r.selected]);
  const step = async (event: string, direct: (b: RowTuple[], a: RowTuple[]) => unknown) => {
    const before = rows();
    const count = view.diffs.length;
    await view.click({ event });
    const diff: unknown = view.diffs.length > count ? view.lastDiff : {};
    return { client: JSON.stringify(diff), direct: JSON.stringify(direct(before, rows())) };
  };
  const setupDirect = (event: string) => OPS.find((o) => o.event === event && o.setup.length === 0)?.direct ?? ((_: RowTuple[], a: RowTuple[]) => ({ kind: "replace", rows: a }));
  // Warm the server's fingerprints: the recorded stream starts from "rendered once, now empty".
  const warm = [await step("run", setupDirect("run")), await step("clear", () => ({ kind: "clear" }))];
  const ops: Recorded[] = [];
  for (const op of OPS) {
    const setup = [];
    for (const event of op.setup) setup.push(await step(event, setupDirect(event)));
    const recorded = await step(op.event, op.direct);
    const reset = op.event === "clear" ? null : await step("clear", () => ({ kind: "clear" }));
    ops.push({ setup, op: recorded, reset });
  }
  return { rendered, staticHTML: view.staticHTML, warm, ops };
}

const ENTRIES = {
  livehtml: `import { LiveSocket } from "./runtime/client/index.ts";
new LiveSocket("/live", { params: { _csrf_token: "bench" } }).connect();`,
  official: `import { Socket } from "phoenix";
import { LiveSocket } from "phoenix_live_view";
new LiveSocket("/live", Socket, { params: { _csrf_token: "bench" } }).connect();`,
};

async function bundle(contents: string, minify: boolean, options: BuildOptions = {}): Promise<string> {
  const result = await build({ bundle: true, format: "esm", ...options, stdin: { contents, resolveDir: root, loader: "js" }, minify, write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function runClient(): Promise<void> {
  const { rendered, staticHTML, warm, ops } = await record();
  const container = (inner: string) => `<div id="phx-bench" data-phx-main data-phx-session="bench" data-phx-static="bench">${inner}</div>`;
  const deliver = `window.__prepare = window.__frame; window.__deliver = (frame) => window.__socket.onmessage({ data: frame });`;
  const pages: Record<string, string> = {
    livehtml: pageHTML(container(staticHTML), `${await bundle(ENTRIES.livehtml, true, CLIENT_BUILD_OPTIONS)}\n${deliver}`, rendered),
    official: pageHTML(container(staticHTML), `${await bundle(ENTRIES.official, true)}\n${deliver}`, rendered),
    direct: pageHTML(container(staticHTML), DIRECT, "null"),
  };
  const server: Server = createServer((req, res) => {
    const html = pages[(req.url ?? "/").slice(1)];
    // Cross-origin isolated pages get a fine `performance.now()` (microseconds instead of
    // 0.1 ms steps), which the sub-millisecond ops (select, one cell's script time) need.
    if (html) res.writeHead(200, { "content-type": "text/html", "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const names = ["livehtml", "official", "direct"] as const;
  const open: Record<string, Page> = {};
  try {
    for (const name of names) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.addInitScript(MOCK_SOCKET);
      await page.goto(`http://127.0.0.1:${port}/${name}`);
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error(`bench client: the ${name} page is not cross-origin isolated (coarse timers)`);
      if (name !== "direct") await page.waitForSelector("[data-phx-main].phx-connected", { state: "attached", timeout: 10_000 });
      open[name] = page;
    }
    const apply = (page: Page, payload: string) => page.evaluate((p) => (window as unknown as { __apply(p: string): [number, number] }).__apply(p), payload);
    const times: Record<string, Record<string, number[]>> = {};
    const scripts: Record<string, Record<string, number[]>> = {};
    for (const name of names) (times[name] = {}), (scripts[name] = {});
    for (const name of names) for (const w of warm) await apply(open[name]!, name === "direct" ? w.direct : w.client);
    const frame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, op] of OPS.entries()) {
        const recorded = ops[i]!;
        const order = [...names.slice(round % 3), ...names.slice(0, round % 3)];
        const canon: Record<string, unknown> = {};
        for (const name of order) {
          const page = open[name]!;
          const pick = (r: { client: string; direct: string }) => (name === "direct" ? r.direct : r.client);
          for (const s of recorded.setup) await apply(page, pick(s));
          await frame(page);
          const [script, total] = await apply(page, pick(recorded.op));
          canon[name] = await page.evaluate(() => (window as unknown as { __canon(): unknown }).__canon());
          (times[name]![op.name] ??= []).push(total);
          (scripts[name]![op.name] ??= []).push(script);
          await frame(page);
          if (recorded.reset) await apply(page, pick(recorded.reset));
        }
        const expected = JSON.stringify(canon.direct);
        for (const name of names) {
          if (JSON.stringify(canon[name]) !== expected) throw new Error(`bench client: after "${op.name}" the ${name} page's table differs from direct DOM code: ${JSON.stringify(canon[name])} vs ${expected}`);
        }
      }
    }
    const rows = OPS.map((op) => {
      const [ours, official, direct] = names.map((n) => median(times[n]![op.name]!));
      // official/direct: the most any client that writes the same DOM as direct code could gain.
      return [op.name, fmt(ours!), fmt(official!), fmt(direct!), ratio(ours! / direct!), ratio(official! / ours!), ratio(official! / direct!)];
    });
    const geo = (values: number[]) => Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
    const oursVsDirect = geo(OPS.map((op) => median(times.livehtml![op.name]!) / median(times.direct![op.name]!)));
    const officialVsOurs = geo(OPS.map((op) => median(times.official![op.name]!) / median(times.livehtml![op.name]!)));
    const officialVsDirect = geo(OPS.map((op) => median(times.official![op.name]!) / median(times.direct![op.name]!)));
    rows.push(["geometric mean", "", "", "", ratio(oursVsDirect), ratio(officialVsOurs), ratio(officialVsDirect)]);
    printTable(
      `Browser client: diff frame → DOM patched → layout, ms, median of ${ROUNDS} interleaved rounds (DOMs compared equal after each op)`,
      ["op", "livehtml", "official", "direct DOM", "livehtml/direct", "official/livehtml", "official/direct"],
      rows,
    );
    // What the same ops cost before layout: the client's own work, which layout (the same for
    // every contender that writes the same DOM) can hide in the table above.
    printTable(
      "Script only: diff frame → DOM mutated (before layout), ms, median",
      ["op", "livehtml", "official", "direct DOM", "livehtml − direct"],
      OPS.map((op) => {
        const [ours, official, direct] = names.map((n) => median(scripts[n]![op.name]!));
        return [op.name, fmt(ours!), fmt(official!), fmt(direct!), fmt(ours! - direct!)];
      }),
    );
    const cell = "one cell in 10,000";
    console.log(`script only, ${cell}: livehtml ${fmt(median(scripts.livehtml![cell]!))} ms (goal < 1 ms), official ${fmt(median(scripts.official![cell]!))} ms`);
    // The files the server serves at /livehtml/ (without their source map comments): client.js,
    // the modules it loads on demand, and their total, which is the whole client's size.
    const sizes = await clientSizes();
    const official = await bundle(`export { Socket } from "phoenix"; export { LiveSocket } from "phoenix_live_view";`, true);
    printTable("Bundle size (esbuild --minify, gzip -9)", ["client", "min", "min+gzip"], [
      ...[sizes.entry, ...sizes.chunks].map((f) => [`livehtml/client: ${f.name}`, kb(f.min), kb(f.gzip)]),
      ["livehtml/client: total", kb(sizes.total.min), kb(sizes.total.gzip)],
      ["livehtml uploads.js (upload pages only)", kb(sizes.uploads.min), kb(sizes.uploads.gzip)],
      ["phoenix_live_view + phoenix", kb(official.length), kb(gzipSync(official, { level: 9 }).length)],
    ]);
    printCommand("npm run bench -- client   (ROUNDS=n, QUICK=1)");
  } finally {
    await browser.close();
    server.close();
  }
}
