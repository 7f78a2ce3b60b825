// One server process of the scale-out test: the room view on `/room`, pubsub through Redis.
// Run with `node --import tsx --import ./runtime/register.ts`; env NODE_NAME, REDIS_URL, SECRET.
// Prints `listening <port>`; exits when its parent closes stdin (so it never outlives the test).
import { createServer, live } from "../../../runtime/server/index.ts";
import { createRedisPubSub } from "../../../runtime/redis/index.ts";
import { roomView } from "./room.ts";

const node = process.env.NODE_NAME ?? "node";
const pubsub = await createRedisPubSub({ url: process.env.REDIS_URL });
const server = createServer({ routes: [live("/room", roomView(node))], pubsub, secret: process.env.SECRET! });
const { port } = await server.listen(0);
console.log(`listening ${port}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await pubsub.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
