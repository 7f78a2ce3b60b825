// Runs one benchmark case in a loop so that `node --cpu-prof` sees only it:
//   node --cpu-prof --cpu-prof-dir=bench/out/prof --import tsx bench/profile.ts <case> [seconds]
// then `node bench/lib/summarise-profile.mjs bench/out/prof/<file>.cpuprofile` lists self time.
// Cases: ssr-table, ssr-search, ssr-cards, update-slots, update-rows, update-select (10,000 rows).
import { DiffEngine } from "../runtime/server/diff.ts";
import { assignValue } from "../runtime/shared/changes.ts";
import { compileTo, loadTemplate, type Template } from "./lib/livehtml.ts";
import * as live from "./ssr/templates.ts";
import { tableData, searchData } from "./peers/ssr-templates.mjs";
import { cardsData } from "./peers/cards-templates.mjs";
import { keyedRows, manySlots, selectRow, type UpdateCase } from "./update/cases.ts";

async function ssr(name: "table" | "search" | "cards"): Promise<() => unknown> {
  const data: Record<string, unknown> = name === "table" ? tableData(100) : name === "search" ? searchData(100) : cardsData(50);
  const template: Template =
    name === "cards"
      ? await loadTemplate("cards-js", live.cards(compileTo("cards-card-js", live.card, "js")), "js")
      : await loadTemplate(`${name}-js`, live[name], "js");
  return () => template(data).html();
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
  "update-slots": () => update(manySlots, 0),
  "update-rows": () => update(keyedRows, 1),
  "update-select": () => update(selectRow(10000), 2),
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
  for (let i = 0; i < 10; i++) run();
  count += 10;
}
console.log(`${name}: ${count} runs in ${seconds} s`);
