// Phoenix Channels V2 JSON frames: `[join_ref, ref, topic, event, payload]` (PROTOCOL.md §4.1).
// Parsing never throws: a bad frame becomes a described error the connection can log and answer.

export interface Frame {
  readonly joinRef: string | null;
  readonly ref: string | null;
  readonly topic: string;
  readonly event: string;
  readonly payload: Record<string, unknown>;
}

export type ParsedFrame =
  | { ok: true; frame: Frame }
  /** `ref`/`topic`/`joinRef` are given when they could be read, so the error can be answered. */
  | { ok: false; error: string; joinRef: string | null; ref: string | null; topic: string | null };

const isRef = (v: unknown): v is string | null => v === null || typeof v === "string";

export function parseFrame(text: string): ParsedFrame {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `malformed JSON (${(error as Error).message})`, joinRef: null, ref: null, topic: null };
  }
  if (!Array.isArray(data)) return { ok: false, error: "a frame must be a JSON array [join_ref, ref, topic, event, payload]", joinRef: null, ref: null, topic: null };
  const [joinRef, ref, topic, event, payload] = data as unknown[];
  const known = {
    joinRef: typeof joinRef === "string" ? joinRef : null,
    ref: typeof ref === "string" ? ref : null,
    topic: typeof topic === "string" ? topic : null,
  };
  if (data.length !== 5) return { ok: false, error: `a frame must have 5 elements, got ${data.length}`, ...known };
  if (!isRef(joinRef) || !isRef(ref)) return { ok: false, error: "join_ref and ref must be strings or null", ...known };
  if (typeof topic !== "string" || topic === "") return { ok: false, error: "topic must be a non-empty string", ...known };
  if (typeof event !== "string" || event === "") return { ok: false, error: "event must be a non-empty string", ...known };
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return { ok: false, error: `payload of "${event}" must be a JSON object`, ...known };
  }
  return { ok: true, frame: { joinRef, ref, topic, event, payload: payload as Record<string, unknown> } };
}

export function encodeFrame(joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown): string {
  return JSON.stringify([joinRef, ref, topic, event, payload]);
}

export function encodeReply(frame: { joinRef: string | null; ref: string | null; topic: string }, status: "ok" | "error", response: unknown): string {
  return encodeFrame(frame.joinRef, frame.ref, frame.topic, "phx_reply", { status, response });
}
