// Signed, expiring tokens for `data-phx-session`, `data-phx-static` and the CSRF token.
//
// The browser hands these back on join; signing lets the server trust which view to mount,
// the session values and the container id without keeping anything in memory (PROTOCOL.md §4.3).
// The official client treats tokens as opaque, so the format is our own:
// `base64url(JSON {d, t, m}) "." base64url(HMAC-SHA256(salt, payload))`.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;

export type TokenFailure = "invalid" | "expired";
export type VerifyResult<T> = { ok: true; data: T } | { ok: false; reason: TokenFailure };

interface Envelope {
  d: unknown;
  /** signed at, ms since epoch */
  t: number;
  /** max age in ms */
  m: number;
}

export class TokenSigner {
  readonly #secret: string;

  constructor(secret: string) {
    if (typeof secret !== "string" || secret.length < 16) {
      throw new Error("livehtml: `secret` must be a string of at least 16 characters (it signs session tokens)");
    }
    this.#secret = secret;
  }

  sign(salt: string, data: unknown, maxAgeMs = TWO_WEEKS_MS, now = Date.now()): string {
    const envelope: Envelope = { d: data, t: now, m: maxAgeMs };
    const payload = Buffer.from(JSON.stringify(envelope)).toString("base64url");
    return `${payload}.${this.#mac(salt, payload)}`;
  }

  verify<T>(salt: string, token: unknown, now = Date.now()): VerifyResult<T> {
    if (typeof token !== "string") return { ok: false, reason: "invalid" };
    const dot = token.indexOf(".");
    if (dot <= 0) return { ok: false, reason: "invalid" };
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), "base64url");
    const expected = Buffer.from(this.#mac(salt, payload), "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
    let envelope: Envelope;
    try {
      envelope = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Envelope;
    } catch {
      return { ok: false, reason: "invalid" };
    }
    if (typeof envelope.t !== "number" || typeof envelope.m !== "number") return { ok: false, reason: "invalid" };
    if (now > envelope.t + envelope.m) return { ok: false, reason: "expired" };
    return { ok: true, data: envelope.d as T };
  }

  #mac(salt: string, payload: string): string {
    return createHmac("sha256", this.#secret).update(salt).update("\0").update(payload).digest("base64url");
  }
}
