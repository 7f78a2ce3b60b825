// CPU time per operation (process.cpuUsage), which a shared machine disturbs far less than wall
// time: each piece runs in interleaved slices, round after round, and its best (least
// disturbed) slice is kept. Operations are awaited one at a time, as requests would be.

let sink: unknown;

/** The best CPU µs per operation of each piece, by name, over `rounds` rounds of `sliceMs` slices. */
export async function bestCpuPerOp(pieces: ReadonlyArray<readonly [string, () => unknown]>, rounds: number, sliceMs = 50): Promise<Map<string, number>> {
  for (const [, run] of pieces) for (let i = 0; i < 1000; i++) sink = await run();
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of pieces) {
      let n = 0;
      const start = performance.now();
      const cpu = process.cpuUsage();
      while (performance.now() - start < sliceMs) {
        for (let i = 0; i < 10; i++) sink = await run();
        n += 10;
      }
      const used = process.cpuUsage(cpu);
      best.set(name, Math.min(best.get(name) ?? Infinity, (used.user + used.system) / n));
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return best;
}
