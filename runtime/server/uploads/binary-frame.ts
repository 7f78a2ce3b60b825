// Phoenix Channels V2 binary frames (PROTOCOL.md §4.1), which carry upload chunks: byte 0 the
// kind (0 = push), then one byte each for the lengths of join_ref, ref, topic and event, those
// UTF-8 strings, and the rest is the payload. Parsing never throws: a bad frame is described.
import type { Frame } from "../frames.ts";

export interface BinaryFrame extends Omit<Frame, "payload"> {
  readonly payload: Uint8Array;
}

const PUSH = 0;
const HEADER = 5;
/** The most a binary frame's header takes: the five bytes and four fields of up to 255 bytes. */
export const MAX_BINARY_HEADER = HEADER + 4 * 255;
const decoder = new TextDecoder("utf-8", { fatal: true });

export function parseBinaryFrame(data: Uint8Array): { ok: true; frame: BinaryFrame } | { ok: false; error: string } {
  if (data.byteLength < HEADER) return { ok: false, error: `a binary frame needs a ${HEADER}-byte header, got ${data.byteLength} bytes` };
  if (data[0] !== PUSH) return { ok: false, error: `binary frames from a client must be pushes (kind 0), got kind ${data[0]}` };
  const lengths = [data[1]!, data[2]!, data[3]!, data[4]!];
  const end = HEADER + lengths.reduce((a, b) => a + b, 0);
  if (end > data.byteLength) return { ok: false, error: `binary frame header names ${end - HEADER} bytes of fields, but the frame has ${data.byteLength - HEADER}` };
  const fields: string[] = [];
  let offset = HEADER;
  try {
    for (const length of lengths) {
      fields.push(decoder.decode(data.subarray(offset, offset + length)));
      offset += length;
    }
  } catch {
    return { ok: false, error: "binary frame fields must be UTF-8 text" };
  }
  const [joinRef, ref, topic, event] = fields as [string, string, string, string];
  if (topic === "") return { ok: false, error: "binary frame without a topic" };
  if (event === "") return { ok: false, error: "binary frame without an event" };
  return { ok: true, frame: { joinRef: joinRef || null, ref: ref || null, topic, event, payload: data.subarray(end) } };
}

/** A binary push (tests and tools): the inverse of `parseBinaryFrame`. */
export function encodeBinaryFrame(joinRef: string, ref: string, topic: string, event: string, payload: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const fields = [joinRef, ref, topic, event].map((f) => encoder.encode(f));
  for (const f of fields) if (f.byteLength > 255) throw new Error("binary frame fields are at most 255 bytes");
  const out = new Uint8Array(HEADER + fields.reduce((a, f) => a + f.byteLength, 0) + payload.byteLength);
  out[0] = PUSH;
  fields.forEach((f, i) => (out[1 + i] = f.byteLength));
  let offset = HEADER;
  for (const f of fields) {
    out.set(f, offset);
    offset += f.byteLength;
  }
  out.set(payload, offset);
  return out;
}
