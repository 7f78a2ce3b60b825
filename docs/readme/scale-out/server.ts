import { createServer, live } from "livehtml/server";
import { createRedisPubSub } from "livehtml/redis";        // npm install redis@6
import { ThermostatView } from "../views/thermostat.ts";

const pubsub = await createRedisPubSub({ url: process.env.REDIS_URL, prefix: "myapp:" });
const server = createServer({ routes: [live("/thermostat", ThermostatView)], pubsub, secret: process.env.SECRET_KEY_BASE! });
await server.listen(Number(process.env.PORT));
process.on("SIGTERM", async () => { await server.close(); await pubsub.close(); });
