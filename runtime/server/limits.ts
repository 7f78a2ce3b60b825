// What one client may cost the server, in one place: every limit has a default meant to be safe
// for a public server and can be changed through `createServer({ limits })`.
import { DEFAULT_PARAM_LIMITS, type ParamLimits } from "./params.ts";

export interface Limits {
  /** Largest WebSocket frame accepted; a larger one closes that socket with 1009. */
  readonly frameBytes: number;
  /** Events a connection may send per second, on average (a token bucket, refilled continuously). */
  readonly eventsPerSecond: number;
  /** Events a connection may send at once before the per-second rate applies. */
  readonly eventBurst: number;
  /** Views joined at the same time on one connection. */
  readonly viewsPerConnection: number;
  /** Views joined at the same time from one signed session token (one page's tokens), across connections. */
  readonly viewsPerSession: number;
  /** WebSocket upgrades one client address may make per second, on average (a token bucket; loopback is not limited unless `trustProxy`). */
  readonly upgradesPerSecond: number;
  /** Upgrades one client address may make at once before the per-second rate applies. */
  readonly upgradeBurst: number;
  /** Open WebSocket connections on one server; upgrades beyond it are answered 503. */
  readonly connections: number;
  /** Bytes queued for a client that does not read; past it, the socket is closed (1013). */
  readonly outgoingBufferBytes: number;
  /** A connection that sends nothing (not even a heartbeat) for this long is closed. */
  readonly heartbeatTimeoutMs: number;
  /** Longest log line the runtime writes (client text such as topics can be long). */
  readonly logLineLength: number;
  /** Query strings and form payloads: depth, number of keys, length. */
  readonly params: ParamLimits;
}

export type LimitOptions = Partial<Omit<Limits, "params">> & { readonly params?: Partial<ParamLimits> };

export const DEFAULT_LIMITS: Limits = {
  frameBytes: 1024 * 1024,
  eventsPerSecond: 100,
  eventBurst: 200,
  viewsPerConnection: 100,
  // One for the page, more for a reconnect that overlaps the old socket (it is not yet known closed).
  viewsPerSession: 4,
  // A page opens one socket and reconnects with backoff; a burst covers a page with a few tabs behind one address (a NAT).
  upgradesPerSecond: 10,
  upgradeBurst: 50,
  connections: 10_000,
  outgoingBufferBytes: 4 * 1024 * 1024,
  // The official client sends a heartbeat every 30 s; Phoenix closes a socket after 60 s of silence.
  heartbeatTimeoutMs: 60_000,
  logLineLength: 2000,
  params: DEFAULT_PARAM_LIMITS,
};

export function resolveLimits(options: LimitOptions | undefined, maxFrameBytes?: number): Limits {
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    ...(maxFrameBytes !== undefined ? { frameBytes: maxFrameBytes } : {}),
    ...definedOnly(options ?? {}),
    params: { ...DEFAULT_PARAM_LIMITS, ...definedOnly(options?.params ?? {}) },
  };
  for (const [name, value] of Object.entries(limits)) {
    if (name !== "params") checkPositive(`limits.${name}`, value as number);
  }
  for (const [name, value] of Object.entries(limits.params)) checkPositive(`limits.params.${name}`, value as number);
  return limits;
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkPositive(name: string, value: number): void {
  if (typeof value !== "number" || !(value > 0)) throw new Error(`livehtml: ${name} must be a positive number (got ${String(value)})`);
}
