// Signed, expiring tokens for `data-phx-session`, `data-phx-static` and the CSRF token.
//
// The browser hands these back on join; signing lets the server trust which view to mount,
// the session values and the container id without keeping anything in memory (PROTOCOL.md §4.3).
// The official client treats tokens as opaque, so the format is our own:
// `base64url(JSON {d, t, m}) "." base64url(HMAC-SHA256(salt, payload))`.
import { sameBytes } from "./constant-time.ts";
import { HmacSha256 } from "./hmac.ts";

export const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * Default lifetime of session and static tokens. A page left open longer than this reloads on its
 * next rejoin (the join is answered `stale`); shorter than Phoenix's two weeks, so a leaked token
 * is worth less for less long.
 */
export const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export type TokenFailure = "invalid" | "expired";
export type VerifyResult<T> = { ok: true; data: T } | { ok: false; reason: TokenFailure };

const SCRATCH_BYTES = 4096;

interface Envelope {
  d: unknown;
  /** signed at, ms since epoch */
  t: number;
  /** max age in ms */
  m: number;
}

export class TokenSigner {
  /** Newest first: signs with the first, verifies with any (key rotation). */
  readonly #keys: readonly HmacSha256[];
  /** Where a payload's UTF-8 bytes are written before base64url: a page's token needs no Buffer of its own. */
  readonly #scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  constructor(secrets: string | readonly string[]) {
    const list = typeof secrets === "string" ? [secrets] : [...secrets];
    if (list.length === 0 || list.some((s) => typeof s !== "string" || s.length < 16)) {
      throw new Error("livehtml: `secret` must be a string of at least 16 characters (it signs session tokens), or a list of such strings");
    }
    this.#keys = list.map((secret) => new HmacSha256(secret));
  }

  sign(salt: string, data: unknown, maxAgeMs = ONE_DAY_MS, now = Date.now()): string {
    const payload = this.#base64url(envelopeJSON(data, now, maxAgeMs));
    return `${payload}.${this.#keys[0]!.mac(salt, payload)}`;
  }

  #base64url(text: string): string {
    const scratch = this.#scratch;
    const written = scratch.write(text, 0);
    // `write` stops short of a character that does not fit (at most 4 bytes): with room for
    // one more left, all of `text` was written.
    if (written <= scratch.length - 4) return scratch.toString("base64url", 0, written);
    return Buffer.from(text).toString("base64url");
  }

  verify<T>(salt: string, token: unknown, now = Date.now()): VerifyResult<T> {
    if (typeof token !== "string") return { ok: false, reason: "invalid" };
    const dot = token.indexOf(".");
    if (dot <= 0) return { ok: false, reason: "invalid" };
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), "base64url");
    if (!this.#keys.some((key) => sameBytes(given, Buffer.from(key.mac(salt, payload), "base64url")))) return { ok: false, reason: "invalid" };
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
}

/** `JSON.stringify({ d, t, m })`, without building the object for the common case (plain data, finite numbers). */
function envelopeJSON(data: unknown, t: number, m: number): string {
  const d = JSON.stringify(data);
  if (d === undefined || !Number.isFinite(t) || !Number.isFinite(m)) return JSON.stringify({ d: data, t, m } satisfies Envelope);
  return `{"d":${d},"t":${t},"m":${m}}`;
}
