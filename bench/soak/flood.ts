// The flooding client, in a process of its own (so that its sending loop does not slow the
// client whose round trips are measured): joins the counter at `<port>` and sends events as fast
// as the socket takes them; when the server cuts it off, it connects and joins again. Reports
// `{ sent, cutOff }` over IPC when asked to stop.
import { fetchTokens, LoadClient } from "../server/client.ts";

const port = Number(process.argv[2]);
if (!Number.isFinite(port) || !process.send) throw new Error("bench/soak/flood.ts is forked by bench/soak/index.ts with <port>");

let sent = 0;
let cutOff = 0;
let stopping = false;

async function floodOnce(): Promise<void> {
  const tokens = await fetchTokens(port, "/counter");
  const client = await LoadClient.open(port, { _csrf_token: tokens.csrf });
  const topic = await client.join(port, "/counter", tokens);
  const closed = client.closed();
  const frame = JSON.stringify(["1", "1", topic, "event", { type: "click", event: "inc", value: {} }]);
  while (client.isOpen && !stopping) {
    // As fast as the server reads: a few hundred KiB in flight, no more (the flooder's own memory stays bounded).
    if (client.bufferedAmount < 256 * 1024) {
      for (let i = 0; i < 200; i++) client.sendRaw(frame);
      sent += 200;
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  if (!stopping) cutOff++;
  client.close();
  await closed;
}

process.on("message", (m: { type: string }) => {
  if (m.type === "stop") stopping = true;
});
process.send({ type: "started" });
while (!stopping) await floodOnce().catch(() => new Promise((resolve) => setTimeout(resolve, 20)));
process.send({ type: "stopped", sent, cutOff }, () => process.exit(0));
