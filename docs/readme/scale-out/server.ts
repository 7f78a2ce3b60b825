import { createServer } from "livehtml/server";
import { createRedisPubSub } from "livehtml/redis";        // npm install redis@6
import { routes } from "./routes.ts";

const pubsub = await createRedisPubSub({ url: process.env.REDIS_URL, prefix: "myapp:" });
const server = createServer({ routes, pubsub, secret: process.env.SECRET_KEY_BASE! });
await server.listen(Number(process.env.PORT));
process.on("SIGTERM", async () => { await server.close(); await pubsub.close(); });
