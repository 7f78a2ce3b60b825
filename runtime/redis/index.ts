// `livehtml/redis`: pubsub across several server processes through Redis. A subpath of its own so
// that applications running one process load nothing of it, and need not install `redis`.
export { createRedisPubSub, RedisPubSub, type RedisPubSubOptions } from "./pubsub.ts";
export type { RedisConnection } from "./connection.ts";
