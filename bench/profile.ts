// Runs one benchmark case in a loop so that `node --cpu-prof` sees only it:
//   node --cpu-prof --cpu-prof-dir=bench/out/prof --import tsx bench/profile.ts <case> [seconds]
// then `node bench/lib/summarise-profile.mjs bench/out/prof/<file>.cpuprofile` lists self time.
// Cases: ssr-table, ssr-search, ssr-cards, get-table, get-search, get-cards (the GET path,
// `liveRender`), update-slots, update-rows, update-select (10,000 rows).
import { randomBytes } from "node:crypto";
// As in the ssr group, `livehtml/server` is the built package here (npm run build first), the
// runtime the compiled templates import too (bench/lib/server-runtime.ts).
import { createServer, defineView, MemoryLogger } from "livehtml/server";
import { DiffEngine } from "../runtime/server/diff.ts";
import { assignValue } from "../runtime/shared/changes.ts";
import { compileTo, loadTemplate, type Template } from "./lib/livehtml.ts";
import * as live from "./ssr/templates.ts";
import { tableData, searchData } from "./peers/ssr-templates.mjs";
import { cardsData } from "./peers/cards-templates.mjs";
import type { UpdateCase } from "./update/cases.ts";

type Page = "table" | "search" | "cards";

async function page(name: Page): Promise<{ data: Record<string, unknown>; template: Template }> {
  const data: Record<string, unknown> = name === "table" ? tableData(100) : name === "search" ? searchData(100) : cardsData(50);
  const template: Template =
    name === "cards"
      ? await loadTemplate("cards-js", live.cards(compileTo("cards-card-js", live.card, "js")), "js")
      : await loadTemplate(`${name}-js`, live[name], "js");
  return { data, template };
}

async function ssr(name: Page): Promise<() => unknown> {
  const { data, template } = await page(name);
  return () => template(data).html();
}

/** The GET path as the ssr bench times it: a view whose mount assigns the page's data. */
async function get(name: Page): Promise<() => unknown> {
  const { data, template } = await page(name);
  const view = defineView<Record<string, unknown>>({ name: `profile-${name}`, mount: (_p, _s, socket) => void socket.assign(data), template });
  const server = createServer({ secret: randomBytes(48).toString("base64url"), routes: [], logger: new MemoryLogger(), processGuard: false });
  return () => server.liveRender(view);
}

async function update(c: UpdateCase, index: number): Promise<() => unknown> {
  const template = await loadTemplate(`update-${index}-js`, c.source, "js");
  const assigns = c.initial();
  const engine = new DiffEngine();
  engine.render(template(assigns, null));
  let n = 0;
  return () => {
    const changed: Record<string, unknown> = {};
    const [key, value] = c.change(assigns, n++);
    assignValue(assigns, changed, key, value);
    return engine.render(template(assigns, changed));
  };
}

const CASES: Record<string, () => Promise<() => unknown>> = {
  "ssr-table": () => ssr("table"),
  "ssr-search": () => ssr("search"),
  "ssr-cards": () => ssr("cards"),
  "get-table": () => get("table"),
  "get-search": () => get("search"),
  "get-cards": () => get("cards"),
  // Loaded on demand: the update cases import liveviewjs, which tries the network when it loads.
  "update-slots": async () => update((await import("./update/cases.ts")).manySlots, 0),
  "update-rows": async () => update((await import("./update/cases.ts")).keyedRows, 1),
  "update-select": async () => update((await import("./update/cases.ts")).selectRow(10000), 2),
};

const [name = "", seconds = "5"] = process.argv.slice(2);
const make = CASES[name];
if (!make) {
  console.error(`bench/profile.ts: unknown case "${name}"; cases: ${Object.keys(CASES).join(", ")}`);
  process.exit(2);
}
const run = await make();
const end = performance.now() + Number(seconds) * 1000;
let count = 0;
while (performance.now() < end) {
  // An async case (the GET path) is awaited one run at a time, as a request would be.
  for (let i = 0; i < 10; i++) await run();
  count += 10;
}
console.log(`${name}: ${count} runs in ${seconds} s`);
