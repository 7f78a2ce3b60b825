// WebSocket upgrades per client address: a token bucket each (`limits.upgradesPerSecond`,
// `limits.upgradeBurst`), so one address cannot reconnect in a loop and make the server verify
// tokens and mount views without pause. The address is the socket's peer, or, when the server
// trusts its proxy (`trustProxy`), the last `X-Forwarded-For` entry (the one that proxy added).
// A loopback peer with no forwarded address is not limited: it is the host itself, or a local
// proxy that did not say for whom it connects (limiting it would limit every user at once).
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { TokenBucket } from "./token-bucket.ts";

/** Buckets kept before idle ones (refilled to full, so equal to a new one) are dropped. */
const MAX_TRACKED = 10_000;

export class UpgradeThrottle {
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly trustProxy: boolean,
  ) {}

  /** The address an upgrade counts against; null when it is not limited. */
  addressOf(request: IncomingMessage): string | null {
    if (this.trustProxy) {
      const forwarded = request.headers["x-forwarded-for"];
      const list = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
      const last = list?.split(",").pop()?.trim();
      if (last && isIP(last)) return last;
    }
    const peer = request.socket.remoteAddress ?? "";
    return isLoopback(peer) ? null : peer;
  }

  /** Takes one upgrade for the request's address; false when that address is over its rate. */
  allow(request: IncomingMessage, now = performance.now()): boolean {
    const address = this.addressOf(request);
    if (address === null) return true;
    let bucket = this.#buckets.get(address);
    if (!bucket) {
      if (this.#buckets.size >= MAX_TRACKED) this.#prune(now);
      bucket = new TokenBucket(this.rate, this.burst, now);
      this.#buckets.set(address, bucket);
    }
    return bucket.take(now);
  }

  get tracked(): number {
    return this.#buckets.size;
  }

  /** Drops the buckets that are full again; if every one is in use (many addresses at once), the oldest half. */
  #prune(now: number): void {
    for (const [address, bucket] of this.#buckets) if (bucket.isFull(now)) this.#buckets.delete(address);
    if (this.#buckets.size < MAX_TRACKED) return;
    let drop = this.#buckets.size / 2;
    for (const address of this.#buckets.keys()) {
      if (drop-- <= 0) break;
      this.#buckets.delete(address);
    }
  }
}

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}
