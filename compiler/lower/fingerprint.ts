// A stable fingerprint per template node shape. LiveView hashes a node's statics and
// expression code (MD5 in engine.ex); any stable hash works, since fingerprints never leave
// the server. Two 32-bit FNV-1a lanes with different offsets make a 53-bit integer, exact
// as a JavaScript number and cheap to compare.

export function fingerprint(parts: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 15);
    }
    // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0xff, 0x01000193);
    b = Math.imul(b ^ 0xfe, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
