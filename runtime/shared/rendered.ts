// Server-side values produced by compiled templates, before they become wire JSON.
//
// This is the contract between the compiler's generated code (compiler/emit/) and the
// diff engine (runtime/server/diff.ts), modelled on Phoenix LiveView's `%Rendered{}`,
// `%Comprehension{}` and `%Component{}` (engine.ex / diff.ex):
//
// - A `Rendered` is one template node: its statics (shared by every render of that node,
//   `static.length === dynamics.length + 1`), a fingerprint that identifies the shape, and a
//   lazy `dynamic(track)` that computes the slots. With `track === false` every slot is
//   computed (a fresh node, or one whose shape the client does not have yet). With
//   `track === true` a slot whose dependencies did not change since the last render is
//   `null`, and is neither computed nor sent.
// - Each `if`/`else` branch, loop body and slot body is its own node with its own fingerprint,
//   so switching branch sends that branch whole and staying in it sends only what changed.
// - A `Comprehension` shares one set of statics across its entries. Each entry carries its
//   key (the `:key` value, or its index) and the values of its loop variables, so the diff
//   engine can compare them with the entry that had the same key last time and tell the
//   entry which variables changed (per-entry change tracking, PROTOCOL.md §2.4 / §3.3).
// - `html()` renders the node to an HTML string directly, without building the tree: the
//   first (HTTP) render and `renderToString` use it.

/**
 * What changed since the last render, with LiveView's `__changed__` semantics:
 * `null` means "everything" (first render, or tracking off); otherwise each changed key maps to
 * `true`, or to its previous value when that was an object/array (so that nested paths such as
 * `@user.name` can be compared field by field). Keys absent from the map did not change.
 */
export type Changed = Readonly<Record<string, unknown>> | null;

export interface Rendered {
  readonly kind: "rendered";
  readonly static: readonly string[];
  /** Stable per template node shape: a hash of its statics and expression code. */
  readonly fingerprint: number;
  /** The node is a single static root tag (wire `r: 1`). */
  readonly root: boolean;
  /**
   * One value per slot; `null` = unchanged (only ever with `track === true`). A node with many
   * slots may answer a tracked render with only the slots it recomputed (`SparseDynamics`), so
   * that a change costs in proportion to what it touches, not to the node's size.
   */
  dynamic(track: boolean): Dynamic[] | SparseDynamics;
  /** The node as HTML, computed directly from the assigns. */
  html(): string;
}

export interface Comprehension {
  readonly kind: "comprehension";
  /** Statics shared by every entry. */
  readonly static: readonly string[];
  readonly fingerprint: number;
  /** Keyed by `:key` (true) or by index (false). */
  readonly hasKey: boolean;
  readonly entries: readonly ComprehensionEntry[];
  /**
   * Whether anything the entries read from outside the loop (assigns, outer loop variables)
   * may have changed. When false, an entry at the same position whose variables are the same
   * values (`===`) as last time renders nothing and is skipped without being rendered.
   */
  readonly outerChanged: boolean;
  /** Set when the comprehension renders a stream (`phx-update="stream"`). */
  readonly stream: StreamPatch | null;
  /**
   * The items behind `entries`, for compiled loops (null for hand-built comprehensions). With it
   * the diff engine finds an unchanged entry (same item, same place, `outerChanged` false) by its
   * key alone and never builds it, so a change to one row of a long list costs a walk over the
   * keys, not a render of every row.
   */
  readonly source: ComprehensionSource | null;
}

export interface ComprehensionSource {
  readonly items: readonly unknown[];
  /**
   * An item's key without building its entry: its `:key`, or `"position"` for an unkeyed loop;
   * null when a `:if` filter decides positions (then every entry is built).
   */
  readonly keyOf: ((item: unknown, index: number) => unknown) | "position" | null;
  /** Builds the entry of the item at `index`, at `position` among kept entries; null when filtered out. */
  entryFor(item: unknown, index: number, position: number): ComprehensionEntry | null;
  /**
   * The slots `entryFor(...).render(noneChanged, track)` returns, for an entry whose item and
   * place are those it had last time (so none of its variables changed), written into `into`
   * (an array the diff engine reuses from row to row: every slot must be written) and returned;
   * no entry is built (a change to an assign every row reads visits every row, and this keeps
   * that visit free of allocations but the slots' own strings). Null when the item is filtered
   * out. Optional: hand-built sources may leave it null.
   */
  readonly slotsInPlace?: ((item: unknown, index: number, position: number, track: boolean, into: Dynamic[]) => Dynamic[] | null) | null;
}

export interface ComprehensionEntry {
  /** The `:key` value, or the entry's index. */
  readonly key: unknown;
  /** The entry's loop variables by name (e.g. `{ item: …, index: 3 }`), compared per key. */
  readonly vars: Readonly<Record<string, unknown>>;
  /**
   * The entry's slot values. `varsChanged` has the same shape as `Changed`, for the loop
   * variables: `null` = all of them (a new entry). `parent` tracking still applies to slots
   * that read assigns.
   */
  render(varsChanged: Changed, track: boolean): Dynamic[];
}

/** A stateful component placed in a slot; the diff engine resolves it to a cid. */
export interface ComponentRef {
  readonly kind: "component";
  /** The component definition (runtime/server decides its shape). */
  readonly component: unknown;
  readonly id: string;
  readonly assigns: Readonly<Record<string, unknown>>;
}

/** Stream operations for one render (PROTOCOL.md §2.5, `stream` wire key). */
export interface StreamPatch {
  readonly ref: string;
  /** `[domId, at, limit, updateOnly]` */
  readonly inserts: ReadonlyArray<readonly [string, number, number | null, boolean | null]>;
  readonly deletes: readonly string[];
  readonly reset: boolean;
}

export type Dynamic = null | string | Rendered | Comprehension | ComponentRef;

/** The recomputed slots of a tracked render, as parallel lists; every other slot is `null`. */
export interface SparseDynamics {
  readonly sparse: true;
  /** The node's slot count. */
  readonly length: number;
  readonly indices: readonly number[];
  readonly values: readonly Dynamic[];
}
