// Server work per event without sockets: one joined Thermostat driven through LiveConnection
// (frame parsing, dispatch, the view's callback, render, diff, reply encoding) with an in-memory
// transport. Prints µs and bytes allocated per event and per timer tick, the costs that decide
// how often the server must collect garbage under load. Run:
//   node --import tsx --import ./runtime/register.ts --max-semi-space-size=128 bench/server/alloc.ts [events]
// (a young generation large enough that no collection runs inside a batch, so the heap's growth
// over a batch is what it allocated).
import { LiveConnection } from "../../runtime/server/connection.ts";
import { createContext, SALT, type SessionToken } from "../../runtime/server/context.ts";
import { live } from "../../runtime/server/index.ts";
import { LIVEVIEW_VERSION } from "../../runtime/shared/wire.ts";
import { ThermostatView } from "../../examples/thermostat/thermostat.ts";

const events = Number(process.argv[2] ?? 20_000);
const ctx = createContext({ routes: [live("/thermostat", ThermostatView)], secret: "benchmark secret, long enough for the signer" }, LIVEVIEW_VERSION);
let lastFrame = "";
const connection = new LiveConnection(ctx, { send: (text) => void (lastFrame = text), close: () => {} });
const id = "phx-alloc";
const nonce = "nonce";
const session: SessionToken = { id, view: ctx.registry.keyOf(ThermostatView), main: true, session: { userId: "alice" }, csrf: nonce };
const join = ["1", "1", `lv:${id}`, "phx_join", { url: "http://127.0.0.1/thermostat", params: { _csrf_token: ctx.signer.sign(SALT.csrf, nonce) }, session: ctx.signer.sign(SALT.session, session) }];
connection.receive(JSON.stringify(join));
await new Promise((resolve) => setTimeout(resolve, 10));
if (!lastFrame.includes('"status":"ok"')) throw new Error(`bench/server/alloc.ts: join failed: ${lastFrame.slice(0, 300)}`);

const frames = Array.from({ length: 64 }, (_, i) => JSON.stringify(["1", String(i + 2), `lv:${id}`, "event", { type: "click", event: i % 2 ? "inc" : "dec", value: { value: "" } }]));
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function batch(n: number): Promise<{ us: number; bytes: number }> {
  await settle();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  // In groups of 64, each group answered before the next, as separate client frames are.
  for (let i = 0; i < n; i += 64) {
    for (const frame of frames) connection.receive(frame);
    await settle();
  }
  const us = ((performance.now() - t0) * 1000) / n;
  return { us, bytes: (process.memoryUsage().heapUsed - heap0) / n };
}

await batch(events); // warm-up (JIT)
const runs = [await batch(events), await batch(events), await batch(events)].sort((a, b) => a.bytes - b.bytes);
const median = runs[1]!;
console.log(`event round (parse → handleEvent → render → diff → reply): ${median.us.toFixed(2)} µs, ${Math.round(median.bytes)} bytes allocated per event`);
console.log(`last reply: ${lastFrame}`);
connection.closed(); // stops the view's sensor timer, so the process can end
