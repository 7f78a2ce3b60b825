// A page's CSRF token is its nonce: 12 random bytes (base64url), unguessable, and bound to every
// view of the page by that view's signed session token (`SessionToken.csrf`). A join must
// present the nonce its session token names, so a forged token (any other string) or another
// page's token is refused, and the session token's lifetime is the CSRF token's. Signing the
// nonce separately as well would prove nothing more (a signed nonce is no harder to read from
// the page than a bare one) and cost a MAC per page.
//
// Pages rendered before this scheme carry a signed token (`SALT.csrf`) whose data is the
// nonce: those still join.
import { sameText } from "./constant-time.ts";
import { newNonce, SALT } from "./context.ts";
import type { TokenSigner } from "./token.ts";

const NONCE = /^[A-Za-z0-9_-]{16}$/;

/** A fresh page CSRF token (it is its own nonce). */
export function newCsrfToken(): string {
  return newNonce();
}

/** The nonce `token` stands for, or null when it is not a CSRF token of this server's. */
export function csrfNonce(signer: TokenSigner, token: unknown): string | null {
  if (typeof token !== "string") return null;
  if (NONCE.test(token)) return token;
  const signed = signer.verify<unknown>(SALT.csrf, token);
  return signed.ok && typeof signed.data === "string" ? signed.data : null;
}

/** Whether `token` is the CSRF token of the page whose session token names `nonce`. */
export function csrfMatches(signer: TokenSigner, token: unknown, nonce: string): boolean {
  const given = csrfNonce(signer, token);
  return given !== null && sameText(given, nonce);
}
