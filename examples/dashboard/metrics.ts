// A metrics feed: a timer samples (fake) server metrics, keeps a bounded history and publishes
// each sample on a pubsub topic that every dashboard subscribes to.
import type { PubSub } from "livehtml/server";

export interface Metric {
  id: number;
  at: string;
  cpu: number;
  memory: number;
  requests: number;
}

export type MetricMessage = { type: "metric"; metric: Metric };

export const METRICS_TOPIC = "metrics";
const HISTORY = 100;

export class MetricsFeed {
  /** Newest first. */
  readonly history: Metric[] = [];
  #timer: NodeJS.Timeout | null = null;
  #nextId = 1;

  constructor(readonly pubsub: PubSub) {}

  /** Records a sample and publishes it to the dashboards. */
  record(sample: Omit<Metric, "id" | "at">, at: Date = new Date()): Metric {
    const metric = { id: this.#nextId++, at: at.toISOString().slice(11, 19), ...sample };
    this.history.unshift(metric);
    this.history.length = Math.min(this.history.length, HISTORY);
    this.pubsub.broadcast(METRICS_TOPIC, { type: "metric", metric } satisfies MetricMessage);
    return metric;
  }

  start(everyMs: number): void {
    this.stop();
    this.#timer = setInterval(() => this.record(fakeSample()), everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * A slow source: the peak of the history so far, answered after `delayMs` as a reporting
   * database would. Rejects when `signal` aborts (the dashboard went away).
   */
  peaks(delayMs: number, signal?: AbortSignal): Promise<Peaks> {
    const snapshot = [...this.history];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        resolve({
          samples: snapshot.length,
          cpu: Math.max(0, ...snapshot.map((m) => m.cpu)),
          requests: Math.max(0, ...snapshot.map((m) => m.requests)),
        });
      }, delayMs);
      signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  }
}

export interface Peaks {
  samples: number;
  cpu: number;
  requests: number;
}

function fakeSample(): Omit<Metric, "id" | "at"> {
  return {
    cpu: Math.round(20 + Math.random() * 60),
    memory: Math.round(40 + Math.random() * 30),
    requests: Math.round(100 + Math.random() * 900),
  };
}
