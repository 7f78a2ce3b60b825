// Random ids for every page (container ids, CSRF nonces). Each `randomBytes` call enters the
// system's CSPRNG, which for a few bytes costs more than a whole page's HTML (≈3.5 µs on the
// benchmark machine, two per GET); one call fills a pool instead, and every byte of it is
// handed out once.
import { randomBytes } from "node:crypto";

const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let used = 0;

/** `bytes` fresh random bytes, as base64url text. */
export function randomToken(bytes: number): string {
  if (used + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const text = pool.toString("base64url", used, used + bytes);
  used += bytes;
  return text;
}
