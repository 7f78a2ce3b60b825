// One allowed upload (`socket.allowUpload(name, options)`): its options checked once, the
// entries the client selected, and the errors found in them, with LiveView's rules
// (PROTOCOL.md §4.5 `allow_upload`): every entry is checked against the size the client
// declares and the accepted types, the count against `maxEntries`, and an entry's bytes are
// counted again as they arrive (`channel.ts`). What templates read is a frozen snapshot
// (`UploadConfig`), replaced on every change so that change tracking sees it.
import { randomUUID } from "node:crypto";
import type { UploadConfig, UploadEntry, UploadError } from "../../shared/uploads.ts";
import { extensionOf, mimeOfExtension } from "./mime.ts";
import { MAX_BINARY_HEADER } from "./binary-frame.ts";

export type { UploadConfig, UploadEntry, UploadError };

/** What a client uploader receives for an entry of an external upload (`uploader` names it). */
export type ExternalMeta = { readonly uploader: string } & Readonly<Record<string, unknown>>;

export interface UploadOptions<S = unknown> {
  /** Extensions (".png") and MIME types ("image/png", "image/*"), or "any". Required. */
  accept: readonly string[] | "any";
  /** Files at once (default 1). */
  maxEntries?: number;
  /** Bytes per file (default 8 000 000). */
  maxFileSize?: number;
  /** Bytes per chunk the client sends (default 64 000). */
  chunkSize?: number;
  /** An upload channel that receives no chunk for this long is closed (ms, default 10 000). */
  chunkTimeout?: number;
  /** Upload as soon as files are chosen, rather than on the form's submit. */
  autoUpload?: boolean;
  /** Runs after each progress report of an entry (LiveView's `handle_progress`). */
  progress?: (name: string, entry: UploadEntry, socket: S) => void | Promise<void>;
  /**
   * Makes the upload external: the browser sends the file elsewhere (a presigned URL), with the
   * client uploader the returned meta's `uploader` names. Return `{ error }` to refuse the entry.
   */
  external?: (entry: UploadEntry, socket: S) => ExternalMeta | { error: unknown } | Promise<ExternalMeta | { error: unknown }>;
}

export const UPLOAD_DEFAULTS = { maxEntries: 1, maxFileSize: 8_000_000, chunkSize: 64_000, chunkTimeout: 10_000 } as const;

/**
 * A chunk travels in one WebSocket frame with its header, and the server closes the socket on a
 * frame over `limits.frameBytes` (1009): a `chunkSize` that cannot fit is refused when the upload
 * is allowed, not when the first chunk kills the connection. External uploads send no chunks here.
 */
export function checkChunkSize(upload: Upload, frameBytes: number): void {
  if (upload.external) return;
  const largest = frameBytes - MAX_BINARY_HEADER;
  if (upload.options.chunkSize <= largest) return;
  throw new Error(
    `livehtml: allowUpload("${upload.name}"): chunkSize ${upload.options.chunkSize} does not fit in a WebSocket frame: ` +
      `limits.frameBytes is ${frameBytes} and a chunk's frame header takes up to ${MAX_BINARY_HEADER} bytes, ` +
      `so chunkSize must be at most ${largest} (or raise limits.frameBytes in createServer)`,
  );
}

const WILDCARDS = new Set(["image/*", "audio/*", "video/*"]);
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const EXTENSION = /^\.[a-z0-9][a-z0-9_+-]*$/i;

/** A client entry as the `allow_upload` and form events carry it. */
export interface ClientEntry {
  ref: string;
  name: string;
  size: number;
  type: string;
  last_modified?: number;
  relative_path?: string;
  meta?: unknown;
}

/** Reads a client entry, or says what is wrong with it. */
export function clientEntry(value: unknown): ClientEntry | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "an entry must be an object";
  const e = value as Record<string, unknown>;
  if (typeof e.ref !== "string" || e.ref === "" || e.ref.length > 64) return `entry "ref" must be a string of 1 to 64 characters`;
  if (typeof e.name !== "string" || e.name.length > 1024) return `entry ${e.ref}: "name" must be a string of at most 1024 characters`;
  if (typeof e.size !== "number" || !Number.isSafeInteger(e.size) || e.size < 0) return `entry ${e.ref}: "size" must be a non-negative integer`;
  if (typeof e.type !== "string" || e.type.length > 255) return `entry ${e.ref}: "type" must be a string`;
  return {
    ref: e.ref,
    name: e.name,
    size: e.size,
    type: e.type,
    ...(typeof e.last_modified === "number" ? { last_modified: e.last_modified } : {}),
    ...(typeof e.relative_path === "string" ? { relative_path: e.relative_path.slice(0, 1024) } : {}),
    ...(e.meta !== undefined ? { meta: e.meta } : {}),
  };
}

/** An entry's server side: the public entry plus what only the server tracks. */
interface EntryState {
  entry: UploadEntry;
  /** Bytes received on its upload channel, and whether they are all there. */
  complete: boolean;
  /** The meta its external uploader got (external uploads). */
  meta: ExternalMeta | null;
}

export class Upload<S = unknown> {
  readonly name: string;
  readonly ref: string;
  readonly options: Required<Pick<UploadOptions, "maxEntries" | "maxFileSize" | "chunkSize" | "chunkTimeout">> & UploadOptions<S>;
  /** The component that allowed it (its `allow_upload` and `progress` carry this cid), or null. */
  cid: number | null = null;
  readonly #types = new Set<string>();
  readonly #extensions = new Set<string>();
  readonly #accept: string | null;
  #entries: EntryState[] = [];
  #errors: (readonly [string, UploadError])[] = [];
  #snapshot: UploadConfig | null = null;

  constructor(name: string, ref: string, options: UploadOptions<S>) {
    if (typeof name !== "string" || name === "") throw new Error("livehtml: allowUpload needs a name (a non-empty string)");
    const where = `allowUpload("${name}")`;
    this.name = name;
    this.ref = ref;
    if (typeof options !== "object" || options === null) throw new Error(`livehtml: ${where} needs options with \`accept\``);
    const accept = options.accept;
    if (accept === "any") this.#accept = null;
    else if (Array.isArray(accept) && accept.length > 0) {
      for (const spec of accept as readonly unknown[]) {
        if (typeof spec !== "string") throw new Error(`livehtml: ${where}: accept entries must be strings, got ${typeof spec}`);
        if (spec.startsWith(".")) {
          if (!EXTENSION.test(spec)) throw new Error(`livehtml: ${where}: "${spec}" is not a file extension (like ".png")`);
          this.#extensions.add(spec.toLowerCase());
          const type = mimeOfExtension(spec);
          if (type) this.#types.add(type);
        } else if (WILDCARDS.has(spec.toLowerCase()) || MIME.test(spec)) {
          this.#types.add(spec.toLowerCase());
        } else {
          throw new Error(`livehtml: ${where}: "${spec}" is neither an extension (".png") nor a MIME type ("image/png", "image/*")`);
        }
      }
      this.#accept = accept.join(",");
    } else {
      throw new Error(`livehtml: ${where} needs \`accept\`: a non-empty list of extensions and MIME types (".png", "image/*"), or "any"`);
    }
    for (const key of ["maxEntries", "maxFileSize", "chunkSize", "chunkTimeout"] as const) {
      const value = options[key];
      if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) throw new Error(`livehtml: ${where}: ${key} must be a positive integer (got ${String(value)})`);
    }
    for (const key of ["progress", "external"] as const) {
      if (options[key] !== undefined && typeof options[key] !== "function") throw new Error(`livehtml: ${where}: ${key} must be a function`);
    }
    this.options = { ...UPLOAD_DEFAULTS, ...definedOnly(options), accept };
  }

  get external(): boolean {
    return this.options.external !== undefined;
  }

  /** What the template reads: the same object until something changes. */
  snapshot(): UploadConfig {
    return (this.#snapshot ??= Object.freeze({
      name: this.name,
      ref: this.ref,
      accept: this.#accept,
      maxEntries: this.options.maxEntries,
      maxFileSize: this.options.maxFileSize,
      chunkSize: this.options.chunkSize,
      chunkTimeout: this.options.chunkTimeout,
      autoUpload: this.options.autoUpload === true,
      external: this.external,
      entries: Object.freeze(this.#entries.map((s) => s.entry)),
      errors: Object.freeze([...this.#errors]),
    }));
  }

  entry(ref: string): UploadEntry | undefined {
    return this.#state(ref)?.entry;
  }

  get entries(): readonly UploadEntry[] {
    return this.snapshot().entries;
  }

  /** Whether every byte of `ref` arrived on its channel. */
  complete(ref: string): boolean {
    return this.#state(ref)?.complete ?? false;
  }

  /**
   * Adds the client's new entries (known refs are kept as they are), checking each, then the
   * count. `ok` is false when the selection cannot be uploaded as a whole (a form's upload): too
   * many files, or (unless it uploads automatically) an invalid entry.
   */
  putEntries(entries: readonly ClientEntry[]): { ok: boolean; replaced: UploadEntry[] } {
    const replaced: UploadEntry[] = [];
    // One file at a time: a new choice replaces the one before.
    if (this.options.maxEntries === 1 && entries.length === 1 && !this.#state(entries[0]!.ref)) {
      for (const s of this.#entries) replaced.push(s.entry);
      for (const e of replaced) this.drop(e.ref);
    }
    for (const client of entries) {
      if (this.#state(client.ref)) continue;
      const reason = this.#check(client);
      const entry: UploadEntry = Object.freeze({
        ref: client.ref,
        uploadRef: this.ref,
        uploadConfig: this.name,
        uuid: reason === null ? randomUUID() : null,
        progress: 0,
        preflighted: false,
        done: false,
        valid: reason === null,
        cancelled: false,
        clientName: client.name,
        clientRelativePath: client.relative_path ?? null,
        clientSize: client.size,
        clientType: client.type,
        clientLastModified: client.last_modified ?? null,
        clientMeta: client.meta ?? null,
      });
      this.#entries.push({ entry, complete: false, meta: null });
      if (reason !== null) this.#errors.push([client.ref, reason]);
    }
    this.#recount();
    this.#changed();
    const tooMany = this.#tooMany();
    const ok = this.options.autoUpload ? true : !tooMany && this.#errors.length === 0;
    return { ok, replaced };
  }

  /** Marks the first `maxEntries` of `refs` preflighted; returns those newly marked. */
  preflight(refs: readonly string[]): UploadEntry[] {
    const out: UploadEntry[] = [];
    this.#entries.forEach((s, i) => {
      if (i >= this.options.maxEntries || s.entry.preflighted || !refs.includes(s.entry.ref)) return;
      s.entry = Object.freeze({ ...s.entry, preflighted: true });
      out.push(s.entry);
    });
    if (out.length) this.#changed();
    return out;
  }

  /** Records the client's progress; `done` only once every byte is here (or the upload is external). */
  progress(ref: string, percent: number): UploadEntry | undefined {
    const s = this.#state(ref);
    if (!s) return undefined;
    const arrived = this.external || s.complete;
    // A client that claims 100% before its bytes are here is shown 99%: done means received.
    const progress = percent >= 100 && !arrived ? 99 : percent;
    const done = progress >= 100;
    if (s.entry.progress !== progress || s.entry.done !== done) {
      s.entry = Object.freeze({ ...s.entry, progress, done });
      this.#changed();
    }
    return s.entry;
  }

  /** Every byte of `ref` arrived on its channel. */
  markComplete(ref: string): void {
    const s = this.#state(ref);
    if (s) s.complete = true;
  }

  setMeta(ref: string, meta: ExternalMeta): void {
    const s = this.#state(ref);
    if (s) s.meta = meta;
  }

  meta(ref: string): ExternalMeta | null {
    return this.#state(ref)?.meta ?? null;
  }

  putError(ref: string, reason: UploadError): void {
    const key = reason === "too_many_files" ? this.ref : ref;
    this.#errors = this.#errors.filter(([r, e]) => !(r === key && e === reason));
    this.#errors.push([key, reason]);
    this.#changed();
  }

  /** Removes an entry and its errors. */
  drop(ref: string): UploadEntry | undefined {
    const s = this.#state(ref);
    if (!s) return undefined;
    this.#entries = this.#entries.filter((x) => x !== s);
    this.#errors = this.#errors.filter(([r]) => r !== ref);
    this.#recount();
    this.#changed();
    return s.entry;
  }

  #state(ref: string): EntryState | undefined {
    return this.#entries.find((s) => s.entry.ref === ref);
  }

  #check(client: ClientEntry): UploadError | null {
    if (client.size > this.options.maxFileSize) return "too_large";
    if (!this.#accepts(client)) return "not_accepted";
    return null;
  }

  #accepts(client: ClientEntry): boolean {
    if (this.#accept === null) return true;
    const type = client.type.toLowerCase();
    const family = type.slice(0, type.indexOf("/") + 1);
    if (family && this.#types.has(`${family}*`)) return true;
    if (type && this.#types.has(type)) return true;
    return this.#extensions.has(extensionOf(client.name));
  }

  #tooMany(): boolean {
    return this.#entries.length > this.options.maxEntries;
  }

  /** `too_many_files` is on the upload while it holds more entries than allowed, and only then. */
  #recount(): void {
    const has = this.#errors.some(([r, e]) => r === this.ref && e === "too_many_files");
    if (this.#tooMany() && !has) this.#errors.push([this.ref, "too_many_files"]);
    if (!this.#tooMany() && has) this.#errors = this.#errors.filter(([r, e]) => !(r === this.ref && e === "too_many_files"));
  }

  #changed(): void {
    this.#snapshot = null;
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

