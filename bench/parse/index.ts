// Parser throughput: livehtml's parse() against parse5.parseFragment on the same markup and
// svelte/compiler's parse on an equivalent Svelte template, ~1 MB each. Rounds are interleaved
// (each parser once per round) and the median is reported.
//
//   node --import tsx bench/parse/index.ts [rounds]
import { parseFragment } from "parse5";
import { parse as svelteParse } from "svelte/compiler";
import { parse } from "../../compiler/index.ts";

const TARGET_BYTES = 1_000_000;
const ROUNDS = Number(process.argv[2]) || 15;

/** One block of a dashboard-like page, written once per syntax. */
function block(i: number, syntax: "livehtml" | "svelte"): string {
  const lh = syntax === "livehtml";
  const each = lh ? `<li :for={r of @rows} :key={r.id} class={["row", r.active && "on"]}>` : `{#each rows as r (r.id)}<li class={["row", r.active && "on"]}>`;
  const eachEnd = lh ? `</li>` : `</li>{/each}`;
  const ifOpen = lh ? `<%= if @user do %>` : `{#if user}`;
  const ifElse = lh ? `<% else %>` : `{:else}`;
  const ifEnd = lh ? `<% end %>` : `{/if}`;
  const at = (name: string) => (lh ? `@${name}` : name);
  return `<section id="s${i}" class="card" data-index="${i}">
  <header class="card-header">
    <h2 title={${at("title")}}>Section ${i}: {${at("title")}.toUpperCase()}</h2>
    <button phx-click="toggle" phx-value-id="${i}" disabled={${at("busy")}}>Toggle</button>
  </header>
  <!-- section ${i} body -->
  <ul class="rows">
    ${each}
      <span class="label">{r.label}</span>
      <span class="value">{r.value.toFixed(${i % 97})} {${at("unit")}}</span>
      <a href={"/rows/${i}/" + r.id}>details &raquo;</a>
    ${eachEnd}
  </ul>
  ${ifOpen}
    <p class="greeting">Hello {${at("user")}.name}, you have {${at("count")}} new messages.</p>
  ${ifElse}
    <p class="greeting">Please <a href="/login">sign in</a>.</p>
  ${ifEnd}
  <footer><small>Updated {formatTime(${at("updatedAt")}, ${i})}</small><br><img src="/i/${i}.png" alt=""></footer>
</section>
`;
}

function build(syntax: "livehtml" | "svelte"): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const b = block(i, syntax);
    parts.push(b);
    size += b.length;
  }
  return parts.join("");
}

const livehtmlSource = build("livehtml");
const svelteSource = build("svelte");

interface Contender {
  name: string;
  source: string;
  run: (s: string) => unknown;
  times: number[];
}

const contenders: Contender[] = [
  { name: "livehtml parse", source: livehtmlSource, run: (s) => parse(s), times: [] },
  { name: "parse5.parseFragment", source: livehtmlSource, run: (s) => parseFragment(s), times: [] },
  { name: "svelte/compiler parse", source: svelteSource, run: (s) => svelteParse(s, { modern: true }), times: [] },
];

// Sanity: the benchmark template must be valid, or we would be timing error recovery.
const check = parse(livehtmlSource);
if (check.diagnostics.length > 0) throw new Error(`benchmark template has diagnostics: ${check.diagnostics[0]!.message}`);

for (const c of contenders) for (let i = 0; i < 3; i++) c.run(c.source); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const c of contenders) {
    const t0 = performance.now();
    c.run(c.source);
    c.times.push(performance.now() - t0);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const parse5Rate = livehtmlSource.length / 1e6 / (median(contenders[1]!.times) / 1000);
const rows = contenders.map((c) => {
  const ms = median(c.times);
  const rate = c.source.length / 1e6 / (ms / 1000);
  return { parser: c.name, "size (KB)": Math.round(c.source.length / 1000), "median (ms)": ms.toFixed(1), "MB/s": rate.toFixed(1), "vs parse5": (rate / parse5Rate).toFixed(2) + "x" };
});
console.log(`${ROUNDS} interleaved rounds, median per parser`);
console.table(rows);
