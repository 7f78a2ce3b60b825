// Streams: collections rendered by the client and never kept in server memory.
//
// A `StreamValue` holds only the operations of the render in progress (inserts, deletes, reset);
// the view clears it after each render (PROTOCOL.md §6 "Items are not kept on the server").
// Templates iterate it as `[domId, item]` pairs inside a `phx-update="stream"` container and the
// compiled comprehension (`comprehension` in shared/template.ts) attaches `patch` as the comprehension's `stream`.
import type { StreamPatch } from "../shared/rendered.ts";
import type { StreamSource } from "../shared/template.ts";

export interface StreamInsertOptions {
  /** 0 = prepend, -1 = append (default), n = index. */
  at?: number;
  /** Keep at most this many items on the client (negative: from the end). */
  limit?: number | null;
  /** Only update an item the client already has. */
  updateOnly?: boolean;
}

export interface StreamOptions extends StreamInsertOptions {
  /** Remove every item the client has before inserting these. */
  reset?: boolean;
}

export interface StreamConfig<T> {
  /** DOM id of an item; default `"<name>-<item.id>"`. */
  domId?: (item: T) => string;
}

export interface PendingInsert<T> {
  readonly domId: string;
  readonly item: T;
  readonly at: number;
  readonly limit: number | null;
  readonly updateOnly: boolean | null;
}

export class StreamValue<T = unknown> implements Iterable<[string, T]>, StreamSource<T> {
  /** Marks this value for the compiled comprehension (`iterate`/`comprehension` in shared/template.ts). */
  readonly __stream__ = true as const;
  #inserts: PendingInsert<T>[] = [];
  #deletes: string[] = [];
  #reset = false;
  readonly #domId: (item: T) => string;

  constructor(
    readonly name: string,
    /** Wire ref: `"0"`, `"1"`… per view, `"<cid>-<n>"` inside components. */
    readonly ref: string,
    config: StreamConfig<T> = {},
  ) {
    this.#domId = config.domId ?? ((item: T) => defaultDomId(name, item));
  }

  domIdOf(item: T): string {
    return this.#domId(item);
  }

  insert(item: T, opts: StreamInsertOptions = {}): void {
    const domId = this.#domId(item);
    // A second insert of the same item in one render replaces the first (last write wins).
    this.#inserts = this.#inserts.filter((i) => i.domId !== domId);
    this.#inserts.push({ domId, item, at: opts.at ?? -1, limit: opts.limit ?? null, updateOnly: opts.updateOnly ?? null });
  }

  deleteByDomId(domId: string): void {
    this.#inserts = this.#inserts.filter((i) => i.domId !== domId);
    if (!this.#deletes.includes(domId)) this.#deletes.push(domId);
  }

  delete(item: T): void {
    this.deleteByDomId(this.#domId(item));
  }

  reset(): void {
    this.#reset = true;
    this.#inserts = [];
    this.#deletes = [];
  }

  get inserts(): readonly PendingInsert<T>[] {
    return this.#inserts;
  }
  get deletes(): readonly string[] {
    return this.#deletes;
  }
  get isReset(): boolean {
    return this.#reset;
  }
  get pending(): boolean {
    return this.#reset || this.#inserts.length > 0 || this.#deletes.length > 0;
  }

  /** This render's items as `[domId, item]`, what a `:for` over the stream loops over. */
  get entries(): ReadonlyArray<readonly [string, T]> {
    return this.#inserts.map((i) => [i.domId, i.item] as const);
  }

  /** The `stream` wire value of this render. */
  get patch(): StreamPatch {
    return {
      ref: this.ref,
      inserts: this.#inserts.map((i) => [i.domId, i.at, i.limit, i.updateOnly] as const),
      deletes: [...this.#deletes],
      reset: this.#reset,
    };
  }

  /**
   * A copy of this render's operations that later `clear`s do not touch. A component's tree is
   * read by the diff engine (or the HTML renderer) after the component's state was reset for
   * its next render, so its template gets these copies instead of the live values.
   */
  snapshot(): StreamValue<T> {
    const copy = new StreamValue<T>(this.name, this.ref, { domId: this.#domId });
    copy.#inserts = this.#inserts;
    copy.#deletes = this.#deletes;
    copy.#reset = this.#reset;
    return copy;
  }

  /** Called after every render: the client now owns the items. */
  clear(): void {
    this.#inserts = [];
    this.#deletes = [];
    this.#reset = false;
  }

  *[Symbol.iterator](): Iterator<[string, T]> {
    for (const i of this.#inserts) yield [i.domId, i.item];
  }
}

function defaultDomId(name: string, item: unknown): string {
  const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
  if (id === undefined || id === null) {
    throw new Error(
      `livehtml: stream "${name}" item has no \`id\`; give it one or configure the stream with { domId: (item) => ... }`,
    );
  }
  return `${name}-${String(id)}`;
}
