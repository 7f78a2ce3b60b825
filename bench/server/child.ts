// The measured server, in its own process so that its memory holds nothing of the clients.
// `livehtml`: createServer with the Thermostat example. `bare-ws`: a `ws` server that accepts
// connections and does nothing (the reference line: the cost of a connection alone).
// Run with --expose-gc; answers `measure` requests over IPC with memory after forced GCs, and
// `window`/`stats` requests with the server's own view of a latency run (see ServerTiming).
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { Probe, type ProbeSample } from "./probe.ts";
import { createServer, live } from "../../runtime/server/index.ts";
import { ThermostatView } from "../../examples/thermostat/thermostat.ts";

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("bench/server/child.ts must run with --expose-gc");

/**
 * Server-side time of each client message: from the moment `ws` hands the frame over (the
 * socket's "message" event) to the moment its `phx_reply` is handed to `ws.send`. Round trip
 * minus this is transport, queueing before the frame is read, and the client's own delays.
 */
export interface ServerTiming {
  count: number;
  p50: number;
  p99: number;
  max: number;
  probe: ProbeSample;
}

const received = new WeakMap<WebSocket, number[]>();
let handling: number[] | null = null;
const probe = new Probe();

function timeHandling(): void {
  // Patching the prototype keeps the runtime untouched: the bench measures what ships.
  const proto = WebSocket.prototype as unknown as {
    emit(this: WebSocket, event: string | symbol, ...args: unknown[]): boolean;
    send(this: WebSocket, data: unknown, ...rest: unknown[]): void;
  };
  const emit = proto.emit;
  const send = proto.send;
  proto.emit = function (event, ...args) {
    if (handling !== null && event === "message") {
      let queue = received.get(this);
      if (!queue) received.set(this, (queue = []));
      queue.push(performance.now());
    }
    return emit.call(this, event, ...args);
  };
  proto.send = function (data, ...rest) {
    if (handling !== null && typeof data === "string" && data.includes('"phx_reply"')) {
      const t0 = received.get(this)?.shift();
      if (t0 !== undefined) handling.push(performance.now() - t0);
    }
    send.call(this, data, ...rest);
  };
}

function percentileOf(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : NaN;
}

function stats(): ServerTiming {
  const sorted = (handling ?? []).slice().sort((a, b) => a - b);
  handling = null;
  return { count: sorted.length, p50: percentileOf(sorted, 0.5), p99: percentileOf(sorted, 0.99), max: sorted.at(-1) ?? NaN, probe: probe.stop() };
}

async function measure(): Promise<MemorySample> {
  // Several passes with pauses: let sockets' buffers and finalizers settle between them.
  for (let i = 0; i < 4; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

async function listenLivehtml(): Promise<number> {
  const server = createServer({
    routes: [live("/thermostat", ThermostatView)],
    secret: "benchmark secret, long enough for the signer",
    session: () => ({ userId: "alice" }),
  });
  return (await server.listen(0)).port;
}

async function listenBare(): Promise<number> {
  const http = createHttpServer((_req, res) => res.end());
  const wss = new WebSocketServer({ server: http });
  wss.on("connection", (ws) => ws.on("message", () => undefined));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return (http.address() as AddressInfo).port;
}

timeHandling();
const mode = process.argv[2];
const port = mode === "livehtml" ? await listenLivehtml() : mode === "bare-ws" ? await listenBare() : null;
if (port === null) throw new Error(`bench/server/child.ts: unknown mode ${mode} (livehtml | bare-ws)`);
process.on("message", (message: { type: string }) => {
  if (message.type === "measure") void measure().then((sample) => process.send!({ type: "memory", sample }));
  if (message.type === "window") {
    handling = [];
    probe.start();
    process.send!({ type: "window" });
  }
  if (message.type === "stats") process.send!({ type: "stats", timing: stats() });
  if (message.type === "exit") process.exit(0);
});
process.send!({ type: "ready", port });
