// Group `server`: (1) memory per connected idle Thermostat view over loopback WebSockets against
// a bare `ws` connection; (2) event round-trip latency with many connected clients sending
// clicks at a fixed total rate. The server runs in a child process (child.ts), the clients here.
import { fork, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { connect } from "./client.ts";
import type { LoadResult } from "./load.ts";
import type { MemorySample, ServerTiming } from "./child.ts";
import { cpuPressureMicros, type ProbeSample } from "./probe.ts";
import { envNumber } from "../lib/env.ts";
import { fmt, percentile } from "../lib/stats.ts";
import { printCommand, printTable } from "../lib/table.ts";
import { goal } from "../lib/report.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
const LOAD = fileURLToPath(new URL("./load.ts", import.meta.url));

interface Server {
  readonly port: number;
  measure(): Promise<MemorySample>;
  /** Starts the server's timing window (per-message handling time, event loop, GC). */
  openWindow(): Promise<void>;
  closeWindow(): Promise<ServerTiming>;
  stop(): void;
}

function startServer(mode: "livehtml" | "bare-ws"): Promise<Server> {
  const child: ChildProcess = fork(CHILD, [mode], {
    cwd: ROOT,
    // SERVER_NODE_FLAGS adds node flags to the server alone (e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof`).
    execArgv: ["--expose-gc", ...(process.env.SERVER_NODE_FLAGS ?? "").split(" ").filter(Boolean), "--import", "tsx", "--import", "./runtime/register.ts"],
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench: server child (${mode}) exited with ${code}`)));
    child.once("message", (m: { type: string; port: number }) => {
      resolve({
        port: m.port,
        measure: () =>
          new Promise((done) => {
            child.once("message", (r: { sample: MemorySample }) => done(r.sample));
            child.send({ type: "measure" });
          }),
        openWindow: () =>
          new Promise((done) => {
            child.once("message", () => done());
            child.send({ type: "window" });
          }),
        closeWindow: () =>
          new Promise((done) => {
            child.once("message", (r: { timing: ServerTiming }) => done(r.timing));
            child.send({ type: "stats" });
          }),
        stop: () => {
          child.removeAllListeners("exit");
          // Asked to exit (not killed) so that --cpu-prof and the like write their files.
          child.send({ type: "exit" });
          setTimeout(() => child.kill(), 5000).unref();
        },
      });
    });
  });
}

const KiB = 1024;

async function memoryPerConnection(mode: "livehtml" | "bare-ws", count: number) {
  const server = await startServer(mode);
  try {
    // Warm the server's code paths first so that one-off allocations are not counted per view.
    const warm = await connect(server.port, mode, 20);
    for (const { client } of warm) client.close();
    const before = await server.measure();
    const clients = await connect(server.port, mode, count);
    const after = await server.measure();
    for (const { client } of clients) client.close();
    return { rss: (after.rss - before.rss) / count, heap: (after.heapUsed - before.heapUsed) / count, external: (after.external - before.external) / count };
  } finally {
    server.stop();
  }
}

/**
 * Event round trips, measured by a load process of its own (load.ts): its heap holds only the
 * latency run's clients, not the garbage of the memory runs before it, so its GC pauses are not
 * charged to the server. The server's timing window opens when the load's warm-up ends.
 */
async function latency(clients: number, rate: number, seconds: number): Promise<LoadResult & { server: ServerTiming }> {
  const server = await startServer("livehtml");
  try {
    const load = fork(LOAD, [String(server.port), String(clients), String(rate), String(seconds)], {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const result = await new Promise<LoadResult>((resolve, reject) => {
      load.once("error", reject);
      load.once("exit", (code) => reject(new Error(`bench: load process exited with ${code}`)));
      load.on("message", (m: { type: string; result?: LoadResult }) => {
        if (m.type === "window") void server.openWindow();
        if (m.type === "done") resolve(m.result!);
      });
    });
    load.removeAllListeners("exit");
    load.kill();
    return { ...result, server: await server.closeWindow() };
  } finally {
    server.stop();
  }
}

export async function runServer(): Promise<void> {
  const views = envNumber("VIEWS", 10_000, 1_000);
  const clients = envNumber("CLIENTS", 1_000, 300);
  const rate = envNumber("RATE", 1_000, 1_000);
  const seconds = envNumber("SECONDS", 20, 5);

  const bare = await memoryPerConnection("bare-ws", views);
  const view = await memoryPerConnection("livehtml", views);
  printTable(
    `server / memory per connection: ${views} connections over loopback, delta after forced GC ÷ count`,
    ["server", "heap KiB/conn", "RSS KiB/conn", "external KiB/conn"],
    [
      ["bare ws (reference)", fmt(bare.heap / KiB), fmt(bare.rss / KiB), fmt(bare.external / KiB)],
      ["livehtml Thermostat view", fmt(view.heap / KiB), fmt(view.rss / KiB), fmt(view.external / KiB)],
      ["livehtml beyond bare ws", fmt((view.heap - bare.heap) / KiB), fmt((view.rss - bare.rss) / KiB), fmt((view.external - bare.external) / KiB)],
    ],
  );
  // The Thermostat's assigns (a user id and two numbers) are well under 100 bytes.
  goal("≤ 10 KB per idle view beyond its assigns (heap, view minus bare ws)", view.heap - bare.heap <= 10_000, `${fmt((view.heap - bare.heap) / 1000)} kB heap, ${fmt((view.rss - bare.rss) / 1000)} kB RSS`);

  const pressureBefore = cpuPressureMicros();
  const wallBefore = performance.now();
  const l = await latency(clients, rate, seconds);
  const pressureAfter = cpuPressureMicros();
  printTable(
    `server / event round trip: ${clients} joined clients, ${rate} clicks/s in total for ${seconds} s (after 1 s warm-up)`,
    ["server", "p50 ms", "p99 ms", "max ms", "events timed", "events/s achieved"],
    [
      ["round trip (client)", fmt(l.p50), fmt(l.p99), fmt(l.max), l.count, fmt(l.achieved)],
      ["handling (server, frame in → reply out)", fmt(l.server.p50), fmt(l.server.p99), fmt(l.server.max), l.server.count, ""],
    ],
  );
  const side = (name: string, p: ProbeSample): string[] => [name, fmt(p.loopP50), fmt(p.loopP99), fmt(p.loopMax), `${p.gcCount} (${p.gcMajor} major)`, fmt(p.gcTotal), fmt(p.gcMax)];
  printTable(
    "server / where the time goes during the timed window",
    ["process", "loop delay p50 ms", "p99 ms", "max ms", "GC pauses", "GC total ms", "GC max ms"],
    [side("server", l.server.probe), side("clients", l.client)],
  );
  if (pressureBefore !== null && pressureAfter !== null) {
    // Server and load together use about one of the two cores; more waiting than that means other jobs.
    const share = (pressureAfter - pressureBefore) / 1000 / (performance.now() - wallBefore);
    console.log(`machine: CPU pressure ${fmt(share * 100)} % of the latency run (time some task waited for a core), load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  }
  goal("p99 ≤ 5 ms", l.p99 <= 5, `${fmt(l.p99)} ms`);
  printCommand("npm run bench -- server   (QUICK=1: 1,000 views, 300 clients, 5 s; VIEWS, CLIENTS, RATE, SECONDS override)");
}
