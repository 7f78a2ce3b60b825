// Group `compile`: the medium TodoMVC-like component, written once per language, compiled by
// livehtml, Svelte 5 (server output), Vue 3's SFC compiler and Marko 6. Warm = median per file
// in a process that already compiled it many times; cold = a fresh process per measurement.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COMPILERS } from "./compilers.mjs";
import { interleave } from "../lib/interleave.ts";
import { envNumber } from "../lib/env.ts";
import { fmt, median, ratio } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { goal } from "../lib/report.ts";
import { OUT } from "../lib/livehtml.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COLD = fileURLToPath(new URL("./cold.mjs", import.meta.url));
const CLI = fileURLToPath(new URL("../../compiler/cli/bin.mjs", import.meta.url));

/** Runs a command `times` times; returns the wall times (spawn to exit) and the last stdout. */
function timeProcess(args: readonly string[], times: number): { wallMs: number[]; stdout: string[]; failure: string | null } {
  const wallMs: number[] = [];
  const stdout: string[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
    wallMs.push(performance.now() - start);
    if (r.status !== 0) return { wallMs, stdout, failure: (r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n").slice(0, 3).join(" | ") };
    stdout.push(r.stdout);
  }
  return { wallMs, stdout, failure: null };
}

export async function runCompile(): Promise<void> {
  const rounds = envNumber("ROUNDS", 9, 3);
  const sliceMs = envNumber("SLICE_MS", 400, 150);
  const coldRuns = envNumber("COLD_RUNS", 7, 3);

  // ---- warm
  const fns = await Promise.all(Object.entries(COMPILERS).map(async ([name, load]) => ({ name, run: await load() })));
  for (const f of fns) if (f.run().length === 0) throw new Error(`bench: ${f.name} produced no code`);
  const warm = await interleave(fns, { rounds, sliceMs, warmupMs: sliceMs * 2 });
  const ours = warm[0]!.opsPerSecond;
  printTable(
    `compile / warm: the medium component, median of ${rounds} interleaved rounds × ${sliceMs} ms`,
    ["compiler", "ms/file", "files/s", "time ÷ livehtml"],
    warm.map((r) => [r.name, fmt(1000 / r.opsPerSecond), fmt(r.opsPerSecond), ratio(ours / r.opsPerSecond)]),
  );
  const svelte = warm.find((r) => r.name.startsWith("svelte"))!;
  goal("warm ≤ 2 ms/file", 1000 / ours <= 2, `${fmt(1000 / ours)} ms`);
  goal("≥ 2.5× faster than Svelte", ours / svelte.opsPerSecond >= 2.5, `${ratio(ours / svelte.opsPerSecond)} faster`);

  // ---- cold
  const rows: (string | number)[][] = [];
  for (const name of Object.keys(COMPILERS)) {
    const args = name === "livehtml" ? ["--import", "tsx", COLD, name] : [COLD, name];
    const r = timeProcess(args, coldRuns);
    if (r.failure) throw new Error(`bench: cold ${name} failed: ${r.failure}`);
    const first = r.stdout.map((s) => (JSON.parse(s) as { firstMs: number }).firstMs);
    rows.push([name + (name === "livehtml" ? " (node --import tsx)" : ""), fmt(median(first)), fmt(median(r.wallMs))]);
  }
  // The CLI on one file, on a copy in bench/out/, writing under bench/out/cli/build.
  mkdirSync(`${OUT}cli`, { recursive: true });
  const copy = `${OUT}cli/todo.live.html`;
  copyFileSync(fileURLToPath(new URL("./todo.live.html", import.meta.url)), copy);
  let cliMs: number;
  let cliLabel: string;
  const cliArgs = [CLI, "compile", copy, "--out-dir", `${OUT}cli/build`];
  // One untimed run first: after a source changed, the launcher rebuilds its bundle once (and a
  // new TypeScript or Node writes its code cache once); the runs timed are the ones after.
  let cli: ReturnType<typeof timeProcess> | null = null;
  if (existsSync(CLI)) {
    const first = timeProcess(cliArgs, 1);
    cli = first.failure ? first : timeProcess(cliArgs, coldRuns);
  }
  if (cli && !cli.failure) {
    cliMs = median(cli.wallMs);
    cliLabel = "livehtml CLI: node compiler/cli/bin.mjs compile <file>";
  } else {
    if (cli) console.log(`note: the CLI exists but failed (${cli.failure}); timing the fallback instead`);
    const fallback = timeProcess(["--import", "tsx", COLD, "livehtml"], coldRuns);
    cliMs = median(fallback.wallMs);
    cliLabel = "FALLBACK (no working CLI): node --import tsx, import compiler/index.ts, compile one file";
  }
  rows.push([cliLabel, "", fmt(cliMs)]);
  printTable(
    `compile / cold: a fresh process per run, median of ${coldRuns} runs`,
    ["compiler", "first compile ms (from process start)", "process wall ms (spawn → exit)"],
    rows,
  );
  goal("CLI cold for one file ≤ 300 ms", cliMs <= 300, `${fmt(cliMs)} ms (${cliLabel.split(":")[0]})`);
  printCommand("npm run bench -- compile   (QUICK=1 for a short run; ROUNDS, SLICE_MS, COLD_RUNS override)");
}
