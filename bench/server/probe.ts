// Where latency goes inside one process: event-loop delay (how late a ready callback runs) and
// garbage-collection pauses, observed while a latency run is under way. Both the server child
// and the client process keep one, so a slow round trip can be pinned on the side that stalled.
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from "node:perf_hooks";

export interface ProbeSample {
  /** Event-loop delay, ms (resolution 1 ms: values below it read as ~1). */
  loopP50: number;
  loopP99: number;
  loopMax: number;
  /** GC pauses during the window: count, total and longest, ms; `major` counts mark-compacts. */
  gcCount: number;
  gcTotal: number;
  gcMax: number;
  gcMajor: number;
}

export class Probe {
  #loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  #gc = { count: 0, total: 0, max: 0, major: 0 };
  #observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.#gc.count++;
      this.#gc.total += entry.duration;
      if (entry.duration > this.#gc.max) this.#gc.max = entry.duration;
      // NODE_PERFORMANCE_GC_MAJOR = 4 (mark-sweep-compact).
      if (((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind === 4) this.#gc.major++;
    }
  });

  /** Starts a fresh window. */
  start(): void {
    this.#loop.reset();
    this.#loop.enable();
    this.#gc = { count: 0, total: 0, max: 0, major: 0 };
    this.#observer.observe({ entryTypes: ["gc"] });
  }

  stop(): ProbeSample {
    this.#loop.disable();
    this.#observer.disconnect();
    const ms = (ns: number) => ns / 1e6;
    return {
      loopP50: ms(this.#loop.percentile(50)),
      loopP99: ms(this.#loop.percentile(99)),
      loopMax: ms(this.#loop.max),
      gcCount: this.#gc.count,
      gcTotal: this.#gc.total,
      gcMax: this.#gc.max,
      gcMajor: this.#gc.major,
    };
  }
}

/**
 * Linux's CPU pressure counter (`some` total, µs): time during which at least one runnable task
 * waited for a CPU. Its growth over a run tells whether other jobs competed for the cores
 * (null where /proc/pressure is missing).
 */
export function cpuPressureMicros(): number | null {
  try {
    const match = /some .*total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
