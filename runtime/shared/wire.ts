// The one home of LiveView wire keys, pinned protocol versions and the JSON shapes of a
// rendered diff (PROTOCOL.md §2.2). The shapes are type aliases, not interfaces, so that they
// stay assignable to `Record<string, unknown>` (plain JSON data). Keys mirror `diff.ex` module attributes and the official
// client's `constants.ts`; nothing else in the runtime spells them out.

/** The phoenix_live_view version we speak; sent as `liveview_version` in join replies. */
export const LIVEVIEW_VERSION = "1.2.12";
/** Phoenix Channels serializer version (`vsn` socket parameter). */
export const CHANNEL_VSN = "2.0.0";

/** Statics: an array of strings, or an integer index into the nearest template table. */
export const STATIC = "s";
/** `1` on a node whose template is a single static root tag (required on component roots). */
export const ROOT = "r";
/** Template table of shared statics (`{"0": [...], ...}`) at the diff root or in a comprehension. */
export const TEMPLATES = "p";
/** Keyed comprehension entries. */
export const KEYED = "k";
/** Entry count after the diff, inside `k`. */
export const KEYED_COUNT = "kc";
/** Present (`true`) inside `k` when some entry moved. */
export const KEYED_MOVED = "km";
/** Top-level component diffs by cid. */
export const COMPONENTS = "c";
/** Top-level new page title. */
export const TITLE = "t";
/** Top-level pushed events. */
export const EVENTS = "e";
/**
 * Top-level reply map of an event reply. IMPORTANT: the same letter as `ROOT`; only the top
 * level of a message diff carries a reply, and `extract()` removes it before merging.
 */
export const REPLY = "r";
/** Stream operations of a comprehension. */
export const STREAM = "stream";

/** Statics as sent: inline strings, or an index into the nearest `p` table. */
export type WireStatics = string[] | number;

/** A slot value: an escaped HTML string, a nested node or comprehension, or a component cid. */
export type WireDynamic = string | number | WireNode;

/** Shared statics by template index. */
export type Templates = {
  [index: number]: string[];
};

/** One stream insert: `[domId, at, limit, updateOnly]`. */
export type WireStreamInsert = [string, number, number | null, boolean | null];

/**
 * `[ref, inserts, deletedDomIds]`, plus a trailing `true` only when the stream is reset: the
 * official client resets whenever a fourth element is present, even `false`.
 */
export type WireStream =
  | [string, WireStreamInsert[], string[]]
  | [string, WireStreamInsert[], string[], true];

/** One keyed entry in a diff: new/changed dynamics, a move `from`, or a move with changes. */
export type WireKeyedEntry = WireNode | number | [number, WireNode];

/** The `k` object of a comprehension. */
export type WireKeyed = {
  [index: number]: WireKeyedEntry;
  kc: number;
  km?: true;
};

/**
 * A rendered node or a comprehension, in a diff or in merged client state. Slots are the
 * numeric keys. A comprehension is a node with `k` (and `s`, `p`, `stream`).
 */
export type WireNode = {
  [slot: number]: WireDynamic;
  s?: WireStatics;
  r?: 1;
  p?: Templates;
  k?: WireKeyed;
  stream?: WireStream;
};

/** Component diffs by cid. A component's integer `s` names another cid whose statics it shares. */
export type WireComponents = {
  [cid: number]: WireNode;
};

/** A pushed event: `[name, payload]`, or `[name, payload, true]` to dispatch before the patch. */
export type WireEvent = readonly [string, unknown] | readonly [string, unknown, true];

/** A rendered diff (or a full render) as produced by the diff engine. */
export type WireDiff = WireNode & {
  c?: WireComponents;
};

/** A diff as carried in a message: may also hold title, events and a reply (`r`). */
export type WireMessageDiff = Omit<WireDiff, "r"> & {
  r?: 1 | Record<string, unknown>;
  t?: string;
  e?: readonly WireEvent[];
};
