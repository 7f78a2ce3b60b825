// A Phoenix Channels V2 binary push (PROTOCOL.md §4.1): kind 0, the lengths of join_ref, ref,
// topic and event in one byte each, those strings, then the bytes.
export function binaryPush(joinRef: string, ref: string, topic: string, event: string, payload: ArrayBuffer): ArrayBuffer {
  const encoder = new TextEncoder();
  const fields = [joinRef, ref, topic, event].map((f) => encoder.encode(f));
  const header = 5 + fields.reduce((n, f) => n + f.byteLength, 0);
  const out = new Uint8Array(header + payload.byteLength);
  fields.forEach((f, i) => (out[1 + i] = f.byteLength));
  let offset = 5;
  for (const f of fields) {
    out.set(f, offset);
    offset += f.byteLength;
  }
  out.set(new Uint8Array(payload), offset);
  return out.buffer;
}
