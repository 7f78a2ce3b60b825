// Interleaved timing: every contender runs for a fixed time slice in turn, round after round,
// so that machine noise (thermal, GC of a neighbour, other processes) spreads evenly across
// contenders instead of landing on whichever ran last. Each contender's result is the median
// of its per-round throughputs. Each slice's CPU time (process.cpuUsage: every thread of the
// process, so the garbage collector's helpers count) is kept too: on a shared machine the
// scheduler stretches wall time, far less the CPU time an operation takes.
//
// No garbage collection is forced between slices. A forced full collection discards optimized
// code whose embedded objects died (V8 logs "marking dependent code … for deoptimization,
// reason: weak objects"), so each contender came out of one running partly interpreted until
// the JIT had compiled it again: 100–250 ms on a loaded machine, at 5–15× the steady cost per
// op (`liveRender` on the 100-row table: 210, 55, 27, then 13 µs CPU per op in successive 50 ms
// pieces after one forced collection; 13 throughout without it). That penalty grew with the
// code a contender runs per operation (a whole GET path, Svelte's runtime) and measured how
// fast V8 re-optimises, not the contender. Without it each contender pays the scavenges of its
// own allocations inside its own slices, and the rare full collection the heap's growth brings
// (8 in a whole `QUICK=1` ssr run) lands in one slice of one round, which the median discards.
import { median } from "./stats.ts";

export interface Contender {
  readonly name: string;
  /** One operation; its result is kept alive so that the work cannot be optimised away. */
  readonly run?: () => unknown;
  /** One asynchronous operation (engines without a synchronous API, e.g. Vue's renderToString). */
  readonly runAsync?: () => Promise<unknown>;
}

export interface InterleaveOptions {
  rounds: number;
  /** Length of one time slice per contender and round. */
  sliceMs: number;
  /** Warm-up time per contender before the first round (lets the JIT settle). */
  warmupMs: number;
}

export interface ContenderResult {
  readonly name: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSecond: number;
  readonly samples: readonly number[];
  /** Median CPU time per operation (µs) over the rounds. */
  readonly cpuUsPerOp: number;
}

interface Slice {
  opsPerSecond: number;
  cpuUsPerOp: number;
}

let sink: unknown;

function measured(n: number, start: number, now: number, cpu: NodeJS.CpuUsage): Slice {
  const used = process.cpuUsage(cpu);
  return { opsPerSecond: n / ((now - start) / 1000), cpuUsPerOp: (used.user + used.system) / n };
}

/** Runs `run` in batches until `ms` elapsed. */
function runFor(run: () => unknown, ms: number): Slice {
  let n = 0;
  let batch = 1;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  do {
    for (let i = 0; i < batch; i++) sink = run();
    n += batch;
    now = performance.now();
    // Grow the batch so that timer reads stay a negligible part of the slice.
    if (now - start < ms / 20) batch *= 2;
  } while (now - start < ms);
  return measured(n, start, now, cpu);
}

/** The asynchronous twin of `runFor`: one `await` per operation. */
async function runForAsync(run: () => Promise<unknown>, ms: number): Promise<Slice> {
  let n = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  do {
    for (let i = 0; i < 16; i++) sink = await run();
    n += 16;
    now = performance.now();
  } while (now - start < ms);
  return measured(n, start, now, cpu);
}

function slice(c: Contender, ms: number): Slice | Promise<Slice> {
  if (c.run) return runFor(c.run, ms);
  if (c.runAsync) return runForAsync(c.runAsync, ms);
  throw new Error(`bench: contender ${c.name} has nothing to run`);
}

export async function interleave(contenders: readonly Contender[], options: InterleaveOptions): Promise<ContenderResult[]> {
  for (const c of contenders) await slice(c, options.warmupMs);
  const samples = contenders.map(() => [] as number[]);
  const cpu = contenders.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const measured = await slice(contenders[i]!, options.sliceMs);
      samples[i]!.push(measured.opsPerSecond);
      cpu[i]!.push(measured.cpuUsPerOp);
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return contenders.map((c, i) => ({ name: c.name, opsPerSecond: median(samples[i]!), samples: samples[i]!, cpuUsPerOp: median(cpu[i]!) }));
}
