// Pubsub across processes through Redis: the same `PubSub` contract as `MemoryPubSub`, with every
// broadcast also published on a Redis channel that the other processes subscribe to.
//
// Each process keeps its own subscribers in a `MemoryPubSub` and delivers its own broadcasts to
// them at once, as a single process would; what it publishes carries its random id, so when Redis
// echoes the message back it is not delivered twice. This keeps the views of one process working
// while Redis is away: only the other processes miss what is broadcast meanwhile, and the logs say
// so. A Redis channel is subscribed while at least one local subscriber wants its topic.
//
// Two connections per process, because a Redis connection in subscribe mode can run no other
// command. The publisher fails its commands at once while disconnected (a broadcast is dropped,
// counted, and reported when Redis is back) rather than queueing without bound; the subscriber
// queues its SUBSCRIBEs and node-redis re-subscribes on reconnection.
import { randomBytes } from "node:crypto";
import { consoleLogger, type Logger } from "../server/log.ts";
import { MemoryPubSub, type PubSub, type Unsubscribe } from "../server/pubsub.ts";
import { createConnection, describeUrl, type ReconnectStrategy, type RedisConnection } from "./connection.ts";

export interface RedisPubSubOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. Default `redis://127.0.0.1:6379`. */
  url?: string;
  /** Put before every topic to make the Redis channel name, so several applications can share one Redis. Default `"livehtml:"`. */
  prefix?: string;
  logger?: Logger;
  /** How long `createRedisPubSub` waits for Redis before it rejects (after that first connection, reconnection never gives up). Default 10 000 ms. */
  startTimeoutMs?: number;
}

/** What travels on a channel: the sender's id (to skip our own echo) and the message as JSON. */
interface Envelope {
  v: 1;
  from: string;
  message?: unknown;
}

const ENVELOPE_VERSION = 1;
const DEFAULT_URL = "redis://127.0.0.1:6379";
const LOG_CLIP = 200;

/**
 * Connects a publisher and a subscriber to Redis and resolves once both are ready; rejects with
 * the reason if Redis cannot be reached within `startTimeoutMs` or `redis` is not installed.
 * Pass the result as `createServer({ pubsub })`, and `await pubsub.close()` on shutdown.
 */
export async function createRedisPubSub(options: RedisPubSubOptions = {}): Promise<RedisPubSub> {
  const url = options.url ?? DEFAULT_URL;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const startedAt = Date.now();
  let started = false;
  // Before the first connection a wrong URL should fail the start, not hang it; after it, a
  // restarting Redis is waited for as long as it takes, backing off to 2 s (plus jitter, so a
  // fleet of processes does not reconnect in lockstep).
  const reconnectStrategy: ReconnectStrategy = (retries, cause) =>
    !started && Date.now() - startedAt >= startTimeoutMs ? cause : Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
  const [publisher, subscriber] = await Promise.all([
    createConnection({ url, name: "livehtml-publisher", reconnectStrategy, disableOfflineQueue: true }),
    createConnection({ url, name: "livehtml-subscriber", reconnectStrategy, disableOfflineQueue: false }),
  ]);
  const pubsub = new RedisPubSub({ publisher, subscriber, url, prefix: options.prefix, logger: options.logger });
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.destroy();
    subscriber.destroy();
    throw new Error(`livehtml/redis: could not connect to ${describeUrl(url)} within ${startTimeoutMs} ms: ${reason(error)}`);
  }
  started = true;
  (options.logger ?? consoleLogger).info(`redis pubsub: connected to ${describeUrl(url)}, channels prefixed "${pubsub.prefix}"`);
  return pubsub;
}

/** One connection's health, for logging transitions rather than every retry. */
interface Link {
  readonly role: "publisher" | "subscriber";
  up: boolean;
  everUp: boolean;
  /** A "cannot reach" warning was logged since the link was last up. */
  warned: boolean;
}

export class RedisPubSub implements PubSub {
  /** This process's id in envelopes. */
  readonly id = randomBytes(9).toString("base64url");
  readonly prefix: string;
  readonly #local = new MemoryPubSub();
  /** Topics with local subscribers: the channels this process wants. */
  readonly #topics = new Set<string>();
  readonly #publisher: RedisConnection;
  readonly #subscriber: RedisConnection;
  readonly #logger: Logger;
  readonly #where: string;
  readonly #pending = new Set<Promise<unknown>>();
  /** Broadcasts not published since the publisher was last up. */
  #dropped = 0;
  #closed = false;

  constructor(options: { publisher: RedisConnection; subscriber: RedisConnection; url: string; prefix?: string; logger?: Logger }) {
    this.#publisher = options.publisher;
    this.#subscriber = options.subscriber;
    this.prefix = options.prefix ?? "livehtml:";
    this.#logger = options.logger ?? consoleLogger;
    this.#where = describeUrl(options.url);
    this.#watch(this.#publisher, { role: "publisher", up: false, everUp: false, warned: false });
    this.#watch(this.#subscriber, { role: "subscriber", up: false, everUp: false, warned: false });
  }

  subscribe(topic: string, listener: (message: unknown) => void): Unsubscribe {
    const first = !this.#topics.has(topic);
    const unsubscribeLocal = this.#local.subscribe(topic, listener);
    this.#topics.add(topic);
    if (first && !this.#closed) this.#command(this.#subscriber.subscribe(this.prefix + topic, this.#receive), `subscribe to "${clip(topic)}"`);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsubscribeLocal();
      if (this.#local.subscriberCount(topic) > 0) return;
      this.#topics.delete(topic);
      if (!this.#closed) {
        this.#command(this.#subscriber.unsubscribe(this.prefix + topic), `unsubscribe from "${clip(topic)}"`);
      }
    };
  }

  broadcast(topic: string, message: unknown): void {
    // Encoded first: a message that cannot cross processes fails here, for every process alike,
    // instead of reaching this process's views only.
    const payload = encode(topic, { v: ENVELOPE_VERSION, from: this.id, message });
    this.#local.broadcast(topic, message);
    if (this.#closed) return;
    this.#publisher.publish(this.prefix + topic, payload).catch((error: unknown) => {
      if (this.#dropped++ === 0 && this.#publisher.isReady) {
        this.#logger.error(`redis pubsub: could not publish on "${clip(topic)}": ${reason(error)}; other processes miss this broadcast`);
      }
    });
  }

  /** Local subscribers of a topic (this process only). */
  subscriberCount(topic: string): number {
    return this.#local.subscriberCount(topic);
  }

  /** Resolves when Redis has answered every subscribe and unsubscribe made so far. */
  async ready(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Closes both connections. Later broadcasts reach this process's subscribers only. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([closeConnection(this.#publisher), closeConnection(this.#subscriber)]);
  }

  /** A message from a channel: delivered here unless this process sent it. */
  readonly #receive = (raw: string, channel: string): void => {
    const topic = channel.slice(this.prefix.length);
    const envelope = decode(raw);
    if (!envelope) {
      this.#logger.warn(`redis pubsub: ignored a message on ${JSON.stringify(clip(channel))} that is not a livehtml broadcast: ${JSON.stringify(clip(raw))}`);
      return;
    }
    if (envelope.from !== this.id) this.#local.broadcast(topic, envelope.message);
  };

  #command(promise: Promise<unknown>, what: string): void {
    const tracked = promise.catch((error: unknown) => {
      // A command lost with the connection is made again when the subscriber is back (#resubscribe).
      if (!this.#closed && this.#subscriber.isReady) this.#logger.error(`redis pubsub: could not ${what}: ${reason(error)}`);
    });
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  #watch(connection: RedisConnection, link: Link): void {
    connection.on("ready", () => {
      if (link.everUp && !link.up) {
        this.#logger.info(`redis pubsub: ${link.role} reconnected to ${this.#where}${this.#reconnected(link)}`);
      }
      link.up = link.everUp = true;
      link.warned = false;
    });
    // node-redis emits "error" on every failed attempt while it retries; log the transitions.
    connection.on("error", (error) => {
      if (this.#closed) return;
      if (link.up) {
        link.up = false;
        link.warned = true;
        this.#logger.warn(`redis pubsub: ${link.role} lost its connection to ${this.#where} (${reason(error)}); reconnecting. ${consequence(link.role)}`);
      } else if (!link.warned) {
        link.warned = true;
        this.#logger.warn(`redis pubsub: ${link.role} cannot reach ${this.#where} (${reason(error)}); retrying`);
      }
    });
  }

  /** What to do, and to say, when a link is back. */
  #reconnected(link: Link): string {
    if (link.role === "subscriber") {
      this.#resubscribe();
      return "";
    }
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped === 0 ? "" : `; ${dropped} broadcast${dropped === 1 ? "" : "s"} made meanwhile reached this process only`;
  }

  /**
   * node-redis re-subscribes the channels Redis had confirmed; a SUBSCRIBE still in flight when
   * the connection dropped is not among them, so every topic with local subscribers is asked
   * for again (node-redis sends nothing for channels it already holds).
   */
  #resubscribe(): void {
    for (const topic of this.#topics) {
      this.#command(this.#subscriber.subscribe(this.prefix + topic, this.#receive), `subscribe to "${clip(topic)}"`);
    }
  }
}

function consequence(role: Link["role"]): string {
  return role === "publisher"
    ? "Until it is back, broadcasts from this process reach this process only."
    : "Until it is back, this process misses broadcasts from the others.";
}

function encode(topic: string, envelope: Envelope): string {
  try {
    return JSON.stringify(envelope);
  } catch (error) {
    throw new TypeError(`livehtml/redis: the message broadcast on "${clip(topic)}" cannot be sent to other processes as JSON: ${reason(error)}`);
  }
}

function decode(raw: string): Envelope | null {
  try {
    const value = JSON.parse(raw) as Partial<Envelope> | null;
    return value && typeof value === "object" && value.v === ENVELOPE_VERSION && typeof value.from === "string" ? (value as Envelope) : null;
  } catch {
    return null;
  }
}

async function closeConnection(connection: RedisConnection): Promise<void> {
  // close() waits for pending commands, which never complete while Redis is away.
  if (!connection.isReady) return connection.destroy();
  const timer = setTimeout(() => connection.destroy(), 2000);
  try {
    await connection.close();
  } catch {
    connection.destroy();
  } finally {
    clearTimeout(timer);
  }
}

function reason(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown } | null;
  const message = typeof e?.message === "string" && e.message ? e.message : String(error);
  return typeof e?.code === "string" && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

function clip(text: string): string {
  return text.length > LOG_CLIP ? `${text.slice(0, LOG_CLIP)}…` : text;
}
