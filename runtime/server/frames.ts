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
  if (data.length !== 5) return rejected(`a frame must have 5 elements, got ${data.length}`, joinRef, ref, topic);
  if (!isRef(joinRef) || !isRef(ref)) return rejected("join_ref and ref must be strings or null", joinRef, ref, topic);
  if (typeof topic !== "string" || topic === "") return rejected("topic must be a non-empty string", joinRef, ref, topic);
  if (typeof event !== "string" || event === "") return rejected("event must be a non-empty string", joinRef, ref, topic);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return rejected(`payload of "${event}" must be a JSON object`, joinRef, ref, topic);
  }
  return { ok: true, frame: { joinRef, ref, topic, event, payload: payload as Record<string, unknown> } };
}

/** A frame that could be read as JSON but not used: keeps what can address the error reply. */
function rejected(error: string, joinRef: unknown, ref: unknown, topic: unknown): ParsedFrame {
  return {
    ok: false,
    error,
    joinRef: typeof joinRef === "string" ? joinRef : null,
    ref: typeof ref === "string" ? ref : null,
    topic: typeof topic === "string" ? topic : null,
  };
}

export function encodeFrame(joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown): string {
  return JSON.stringify([joinRef, ref, topic, event, payload]);
}

export function encodeReply(frame: { joinRef: string | null; ref: string | null; topic: string }, status: "ok" | "error", response: unknown): string {
  return encodeFrame(frame.joinRef, frame.ref, frame.topic, "phx_reply", { status, response });
}

/** A frame whose payload is JSON text already (a diff kept for resume is encoded once, sent and kept as is). */
export function encodeFrameJSON(joinRef: string | null, ref: string | null, topic: string, event: string, payloadJSON: string): string {
  return `[${JSON.stringify(joinRef)},${JSON.stringify(ref)},${JSON.stringify(topic)},${JSON.stringify(event)},${payloadJSON}]`;
}

/** An ok reply whose response is `response` plus keys whose values are JSON text already. */
export function encodeReplyJSON(frame: { joinRef: string | null; ref: string | null; topic: string }, response: Record<string, unknown>, encoded: Record<string, string>): string {
  const plain = JSON.stringify(response);
  const extra = Object.entries(encoded).map(([key, json]) => `${JSON.stringify(key)}:${json}`).join(",");
  const body = extra === "" ? plain : plain === "{}" ? `{${extra}}` : `${plain.slice(0, -1)},${extra}}`;
  return encodeFrameJSON(frame.joinRef, frame.ref, frame.topic, "phx_reply", `{"status":"ok","response":${body}}`);
}
