// Every message the server sends on the live socket, built here and typed by what it carries
// (PROTOCOL.md §4.1, §4.4–4.6). frames.ts encodes; this file says which messages exist. A diff
// that is kept for resume arrives here already encoded (its JSON text is sent and kept as is).
import type { WireMessageDiff } from "../shared/wire.ts";
import { encodeFrame, encodeFrameJSON, encodeReply, encodeReplyJSON, type Frame } from "./frames.ts";

export type NavigationKind = "push" | "replace";
export type LivePatchTarget = { to: string; kind: NavigationKind };
export type LiveRedirectTarget = { to: string; kind: NavigationKind; flash?: string };
export type RedirectTarget = { to: string; flash?: string };

/** The response of an ok reply to `event` or `live_patch` (PROTOCOL.md §4.5). */
export type ReplyPayload = {
  diff?: WireMessageDiff;
  live_patch?: LivePatchTarget;
  live_redirect?: LiveRedirectTarget;
  redirect?: RedirectTarget;
  /** A `live_patch` to a URL of another view: the client navigates there instead. */
  link_redirect?: true;
} & Partial<PreflightResponse>;

/**
 * The reply to `allow_upload` (beside its diff): the upload's ref, then either the config the
 * client uploads with, a token (or an external uploader's meta) per accepted entry and the
 * reasons of the refused ones, or `error`: `[ref, reason]` pairs when the selection was refused.
 */
export type PreflightResponse = {
  ref: string;
  config: { max_file_size: number; max_entries: number; chunk_size: number; chunk_timeout: number };
  entries: Record<string, unknown>;
  errors: Record<string, unknown[]>;
  error: unknown[][];
};

/** Pushes on a `lv:` topic (PROTOCOL.md §4.6): each event and its payload. */
export type PushPayloads = {
  diff: WireMessageDiff;
  live_patch: LivePatchTarget;
  live_redirect: LiveRedirectTarget;
  redirect: RedirectTarget;
};
export type PushEvent = keyof PushPayloads;

/** What a client that asked for resume is given: its view's token, and the number of the last diff sent. */
export type ResumeGrant = { token: string; seq: number };

/** The ok reply to a join that mounted. */
export type JoinResponse = {
  rendered: WireMessageDiff;
  liveview_version: string;
  live_patch?: LivePatchTarget;
  resume?: ResumeGrant;
};

/** An error reply: a reason, or where the client goes instead. */
export type ErrorResponse = { reason: string } | { redirect: RedirectTarget } | { live_redirect: LiveRedirectTarget } | { reason: "file_size_limit_exceeded"; limit: number };

/** The frame a reply answers: its join ref, ref and topic. */
export type Addressed = Pick<Frame, "joinRef" | "ref" | "topic">;

export function pushFrame<E extends PushEvent>(joinRef: string | null, topic: string, event: E, payload: PushPayloads[E]): string {
  return encodeFrame(joinRef, null, topic, event, payload);
}

/** A `diff` push whose diff is JSON text already. */
export function diffPushFrame(joinRef: string | null, topic: string, diffJSON: string): string {
  return encodeFrameJSON(joinRef, null, topic, "diff", diffJSON);
}

/** An ok reply: to an event or patch, a heartbeat or leave (`{}`), or `cids_destroyed` (`{ cids }`). */
export function okReply(to: Addressed, response: ReplyPayload | { cids: number[] }): string {
  return encodeReply(to, "ok", response);
}

/** An ok reply whose diff is JSON text already. */
export function okReplyWithDiff(to: Addressed, rest: Omit<ReplyPayload, "diff">, diffJSON: string): string {
  return encodeReplyJSON(to, rest, { diff: diffJSON });
}

export function joinedReply(to: Addressed, response: JoinResponse): string {
  return encodeReply(to, "ok", response);
}

/** The reply to a join that resumed a kept view: no `rendered`, the diffs the client missed (JSON texts) in order. */
export function resumedReply(to: Addressed, liveVersion: string, grant: ResumeGrant, replay: readonly string[]): string {
  return encodeReplyJSON(to, { liveview_version: liveVersion, resume: grant }, { replay: `[${replay.join(",")}]` });
}

export function errorReply(to: Addressed, response: ErrorResponse): string {
  return encodeReply(to, "error", response);
}

/** The view on `topic` crashed: the client shows the error state and rejoins (PROTOCOL.md §5.4). */
export function channelErrorFrame(joinRef: string, topic: string): string {
  return encodeFrame(joinRef, joinRef, topic, "phx_error", {});
}

/** The channel of this join is closed (after a leave, or replaced by a second join). */
export function channelCloseFrame(joinRef: string | null, topic: string): string {
  return encodeFrame(joinRef, joinRef, topic, "phx_close", {});
}

/** A frame that could not be addressed (no topic or ref) is answered on the socket's own topic. */
export function socketErrorFrame(reason: string): string {
  return encodeFrame(null, null, "phoenix", "phx_error", { reason });
}
