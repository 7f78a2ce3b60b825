// The signing secret: what `createServer({ secret })` accepts. A list rotates keys (newest
// first: tokens are signed with the first and verified with any, so tokens signed before a
// rotation stay valid for their lifetime). A missing or weak secret is refused in production
// (`NODE_ENV=production`); elsewhere it is warned about loudly, and a missing one is replaced by a
// random secret for this process only.
import { randomBytes } from "node:crypto";
import type { Logger } from "./log.ts";

export type SecretOption = string | readonly string[];

/** Shortest secret accepted in production, in bytes (HMAC-SHA256 wants a key as long as its output). */
export const MIN_SECRET_BYTES = 32;
/** Fewest distinct characters: `"a".repeat(32)` is long, not secret. */
const MIN_DISTINCT_CHARACTERS = 10;

/** Why `secret` is weak, or null when it is not. */
export function secretWeakness(secret: string): string | null {
  const bytes = Buffer.byteLength(secret, "utf8");
  if (bytes < MIN_SECRET_BYTES) return `it is ${bytes} bytes long, shorter than ${MIN_SECRET_BYTES}`;
  const distinct = new Set(secret).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) return `it uses only ${distinct} distinct characters`;
  return null;
}

const HOW_TO = "generate one with `node -e \"console.log(require('crypto').randomBytes(48).toString('base64'))\"` and pass it (for instance from SECRET_KEY_BASE)";

/** The secrets to sign and verify with, newest first; throws in production when they are missing or weak. */
export function resolveSecrets(secret: SecretOption | undefined, logger: Logger, production = process.env.NODE_ENV === "production"): string[] {
  const given = (typeof secret === "string" ? [secret] : [...(secret ?? [])]).filter((s) => typeof s === "string" && s !== "");
  if (given.length === 0) {
    if (production) throw new Error(`livehtml: createServer needs a \`secret\` in production (it signs sessions and CSRF tokens): ${HOW_TO}`);
    logger.warn(`WARNING: no \`secret\` given: a random one was generated for this process, so sessions and open pages end when it restarts. Production (NODE_ENV=production) refuses to start without one: ${HOW_TO}`);
    return [randomBytes(48).toString("base64url")];
  }
  given.forEach((s, i) => {
    const weakness = secretWeakness(s);
    if (!weakness) return;
    const which = given.length > 1 ? `secret #${i + 1}` : "the secret";
    if (production) throw new Error(`livehtml: ${which} is too weak to sign sessions: ${weakness}; ${HOW_TO}`);
    logger.warn(`WARNING: ${which} is too weak to sign sessions (${weakness}); anyone who guesses it can forge any session. Production (NODE_ENV=production) refuses it: ${HOW_TO}`);
  });
  return given;
}
