// Comparisons of secrets (MACs, nonces, resume tokens) in time that does not depend on where
// they first differ, so a client cannot guess one byte by byte from how fast it is refused.
import { timingSafeEqual } from "node:crypto";

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sameText(a: string, b: string): boolean {
  return sameBytes(Buffer.from(a), Buffer.from(b));
}
