// The part of a node-redis client the adapter uses, and how the adapter gets one.
//
// `redis` is an optional peer dependency: applications that run one process never install it,
// so it is loaded with a dynamic import only when `createRedisPubSub` is called, and a missing
// package is reported with the command that installs it. The adapter is written against the
// small structural interface below rather than node-redis's generic client types, which keeps
// `livehtml/redis` type-checking in projects without the package and lets tests hand in their
// own connection.

/** One Redis connection, as node-redis's `createClient()` returns it (v5 and later). */
export interface RedisConnection {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  unsubscribe(channel: string, listener?: (message: string, channel: string) => void): Promise<unknown>;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "ready" | "end" | "reconnecting", listener: () => void): unknown;
  /** Waits for commands already sent, then closes. */
  close(): Promise<unknown>;
  /** Closes at once, failing pending commands. */
  destroy(): void;
}

/** `(retries, cause) => delay in ms`, or an Error to stop retrying (node-redis's contract). */
export type ReconnectStrategy = (retries: number, cause: Error) => number | Error;

export interface ConnectionOptions {
  url: string;
  /** Shown by `CLIENT LIST` on the Redis server: which process and which role. */
  name: string;
  reconnectStrategy: ReconnectStrategy;
  /** Fail commands at once while disconnected instead of queueing them without bound. */
  disableOfflineQueue: boolean;
}

interface RedisModule {
  createClient(options: {
    url: string;
    name: string;
    disableOfflineQueue: boolean;
    socket: { reconnectStrategy: ReconnectStrategy };
  }): RedisConnection;
}

let loaded: Promise<RedisModule> | null = null;

/** Creates (does not connect) one node-redis client. */
export async function createConnection(options: ConnectionOptions): Promise<RedisConnection> {
  const redis = await (loaded ??= loadRedis());
  return redis.createClient({
    url: options.url,
    name: options.name,
    disableOfflineQueue: options.disableOfflineQueue,
    socket: { reconnectStrategy: options.reconnectStrategy },
  });
}

async function loadRedis(): Promise<RedisModule> {
  // A specifier in a variable: TypeScript does not resolve it (no dependency on redis's types)
  // and bundlers leave it to Node.
  const specifier = "redis";
  try {
    const module = (await import(specifier)) as Partial<RedisModule> & { default?: Partial<RedisModule> };
    const createClient = module.createClient ?? module.default?.createClient;
    if (typeof createClient !== "function") throw new Error(`livehtml/redis: the installed "redis" package has no createClient(); install redis@6`);
    return { createClient };
  } catch (error) {
    loaded = null;
    if (isMissingPackage(error, specifier)) {
      throw new Error('livehtml/redis needs the "redis" package, which is not installed: run `npm install redis@6`');
    }
    throw error;
  }
}

function isMissingPackage(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === "ERR_MODULE_NOT_FOUND" && typeof e.message === "string" && e.message.includes(`'${name}'`);
}

/** The URL for log lines: its password replaced, so logs never carry the credential. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return "(unparseable Redis URL)";
  }
}
