// The latency run's load generator, in a process of its own (forked by run.ts with
// `<port> <clients> <rate> <seconds>`): joins the clients, sends `click` events at a steady
// pace for a 1 s warm-up plus `seconds`, and reports the timed round trips over IPC. It sends
// `window` when the warm-up ends so that the server starts its own timing then.
import { connect } from "./client.ts";
import { Probe, type ProbeSample } from "./probe.ts";
import { percentile } from "../lib/stats.ts";

export interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  count: number;
  achieved: number;
  /** The load process's own event-loop delay and GC during the timed window. */
  client: ProbeSample;
}

const [port, clients, rate, seconds] = process.argv.slice(2).map(Number) as [number, number, number, number];
if (![port, clients, rate, seconds].every((n) => Number.isFinite(n) && n > 0)) {
  throw new Error(`bench/server/load.ts: expected <port> <clients> <rate> <seconds>, got ${process.argv.slice(2).join(" ")}`);
}

/**
 * Each event has its due time (start + i / rate) and a timer sends whatever is due, so the
 * server sees one or two frames at a time rather than bursts. A round trip runs from just
 * after `ws.send` to the reply's "message" event.
 */
async function run(): Promise<LoadResult> {
  const joined = await connect(port, "livehtml", clients);
  const samples: number[] = [];
  const probe = new Probe();
  let sent = 0;
  let inFlight = 0;
  const start = performance.now();
  const warmupEnd = start + 1000;
  const end = warmupEnd + seconds * 1000;
  let windowOpen = false;
  await new Promise<void>((resolve, reject) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) {
        const wait = setInterval(() => inFlight === 0 && (clearInterval(wait), resolve()), 10);
        return;
      }
      if (!windowOpen && now >= warmupEnd) {
        windowOpen = true;
        probe.start();
        process.send!({ type: "window" });
      }
      const due = Math.floor(((now - start) / 1000) * rate);
      for (; sent < due; sent++) {
        const { client, topic } = joined[sent % joined.length]!;
        const timed = windowOpen;
        inFlight++;
        void client.push(topic, "event", { type: "click", event: sent % 2 ? "inc" : "dec", value: { value: "" } }).then((reply) => {
          inFlight--;
          if (reply.payload.status !== "ok") reject(new Error(`bench: event refused: ${JSON.stringify(reply.payload)}`));
          if (timed) samples.push(reply.receivedAt - reply.sentAt);
        });
      }
      setTimeout(tick, Math.max(0, start + ((sent + 1) * 1000) / rate - performance.now()));
    };
    tick();
  });
  const client = probe.stop();
  for (const { client: c } of joined) c.close();
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), max: Math.max(...samples), count: samples.length, achieved: samples.length / seconds, client };
}

process.send!({ type: "done", result: await run() });
