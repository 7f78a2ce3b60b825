// The uploads of one running view and its components: which socket allowed each (by the
// upload's ref, which every client message names), the `allow_upload` preflight and its reply,
// progress reports, cancelling and consuming, and the upload channels (`upload-channels.ts`)
// that carry each entry's bytes. Each change is published to the owner's `uploads` assign.
// Every path that ends an entry ends its channel too, and that removes its temporary file.
import { randomToken } from "../random.ts";
import type { SocketState } from "../socket.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import { checkChunkSize, clientEntry, Upload, type ClientEntry, type ExternalMeta, type UploadConfig, type UploadEntry, type UploadOptions } from "./config.ts";

/** What the client's `lvu:` join carries, signed by the server in the preflight reply. */
export interface UploadToken {
  /** The view's container id. */
  readonly view: string;
  readonly config: string;
  readonly entry: string;
}

/** An entry's upload channel, as the view sees it. */
export interface EntryChannel {
  /** Where its bytes are written. */
  readonly path: string;
  /** Ends the channel from the server side and removes its file. */
  close(): void;
}

/** A socket that allowed an upload: a view's (cid null) or a component's. */
export interface UploadOwner {
  readonly state: SocketState;
  readonly cid: number | null;
  /** The socket passed to the `progress` and `external` callbacks. */
  readonly socket: unknown;
}

/**
 * What an entry's consumer receives: the temporary file's path (removed once the consumer
 * settles), or for an external upload the meta its uploader was given.
 */
export type UploadedFile = { readonly path: string; readonly meta: null } | { readonly path: null; readonly meta: ExternalMeta };

export type RegisterResult = { ok: true; size: number; chunkTimeout: number } | { ok: false; reason: "disallowed" | "already_registered" };

interface Allowed {
  readonly upload: Upload;
  readonly owner: UploadOwner;
}

export class UploadError extends Error {}

export class ViewUploads {
  readonly #byRef = new Map<string, Allowed>();
  /** `config ref \0 entry ref` → the entry's channel. */
  readonly #channels = new Map<string, EntryChannel>();

  constructor(
    /** The view's container id (it goes into upload tokens). */
    readonly viewId: string,
    /** Signs an upload token; null where there is no channel to upload over (an HTTP render). */
    private readonly sign: ((token: UploadToken) => string) | null,
    /** The server's `limits.frameBytes`: every chunk must fit in one frame. */
    private readonly frameBytes: number = DEFAULT_LIMITS.frameBytes,
  ) {}

  allow(owner: UploadOwner, name: string, options: UploadOptions<never>): UploadConfig {
    const previous = this.#named(owner, name);
    if (previous && previous.upload.entries.length > 0) {
      throw new Error(`livehtml: allowUpload("${name}") again while it has entries: consume or cancel them first (cancelUpload, consumeUploadedEntries)`);
    }
    const upload = new Upload(name, randomToken(9), options as UploadOptions<unknown>);
    checkChunkSize(upload, this.frameBytes);
    upload.cid = owner.cid;
    if (previous) this.#byRef.delete(previous.upload.ref);
    this.#byRef.set(upload.ref, { upload, owner });
    this.#publish({ upload, owner });
    return upload.snapshot();
  }

  disallow(owner: UploadOwner, name: string): void {
    const allowed = this.#require(owner, name, "disallowUpload");
    if (allowed.upload.entries.length > 0) throw new Error(`livehtml: disallowUpload("${name}") while it has entries: consume or cancel them first`);
    this.#byRef.delete(allowed.upload.ref);
    const uploads = { ...(owner.state.assigns.uploads as Record<string, UploadConfig>) };
    delete uploads[name];
    owner.state.setManaged("uploads", uploads);
  }

  cancel(owner: UploadOwner, name: string, entryRef: string): void {
    const allowed = this.#require(owner, name, "cancelUpload");
    if (!allowed.upload.entry(entryRef)) throw new Error(`livehtml: cancelUpload("${name}"): no entry with ref ${JSON.stringify(entryRef)}`);
    this.#end(allowed, entryRef);
    this.#publish(allowed);
  }

  entries(owner: UploadOwner, name: string): { completed: UploadEntry[]; inProgress: UploadEntry[] } {
    const allowed = this.#named(owner, name);
    const entries = allowed?.upload.entries ?? [];
    return { completed: entries.filter((e) => e.done), inProgress: entries.filter((e) => !e.done) };
  }

  /** Runs `fn` for each completed entry, then removes the entries and their files. */
  async consume<T>(owner: UploadOwner, name: string, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T[]> {
    const allowed = this.#require(owner, name, "consumeUploadedEntries");
    const { completed, inProgress } = this.entries(owner, name);
    if (inProgress.length > 0) throw new Error(`livehtml: consumeUploadedEntries("${name}"): ${inProgress.length} entr${inProgress.length === 1 ? "y is" : "ies are"} still in progress`);
    const results: T[] = [];
    for (const entry of completed) results.push(await this.#consumeOne(allowed, entry, fn));
    return results;
  }

  async consumeOne<T>(owner: UploadOwner, entry: UploadEntry, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T> {
    const allowed = this.#require(owner, entry.uploadConfig, "consumeUploadedEntry");
    const current = allowed.upload.entry(entry.ref);
    if (!current) throw new Error(`livehtml: consumeUploadedEntry: entry ${JSON.stringify(entry.ref)} of "${entry.uploadConfig}" is gone (consumed or cancelled)`);
    if (!current.done) throw new Error(`livehtml: consumeUploadedEntry: entry ${JSON.stringify(entry.ref)} of "${entry.uploadConfig}" is still in progress`);
    return this.#consumeOne(allowed, current, fn);
  }

  async #consumeOne<T>(allowed: Allowed, entry: UploadEntry, fn: (file: UploadedFile, entry: UploadEntry) => T | Promise<T>): Promise<T> {
    const channel = this.#channels.get(key(allowed.upload.ref, entry.ref));
    const meta = allowed.upload.meta(entry.ref);
    const file: UploadedFile | null = allowed.upload.external ? (meta ? { path: null, meta } : null) : channel ? { path: channel.path, meta: null } : null;
    try {
      if (!file) throw new Error(`livehtml: entry ${JSON.stringify(entry.ref)} of "${entry.uploadConfig}" has no uploaded file`);
      return await fn(file, entry);
    } finally {
      // Whatever the consumer did, the entry is used up and its temporary file goes.
      this.#end(allowed, entry.ref);
      this.#publish(allowed);
    }
  }

  /** A form event's `uploads` (`{ ref: [entries] }`): selected files are added, errors shown. */
  formUploads(uploads: unknown, cid: number | null): void {
    if (typeof uploads !== "object" || uploads === null) return;
    for (const [ref, list] of Object.entries(uploads)) {
      const allowed = this.#byRef.get(ref);
      // A stale ref (an input still rendered after its upload was disallowed) is ignored, as LiveView does.
      if (!allowed || allowed.owner.cid !== cid || !Array.isArray(list)) continue;
      const entries = list.map(clientEntry).filter((e): e is ClientEntry => typeof e !== "string");
      this.#put(allowed, entries);
    }
  }

  /**
   * The `allow_upload` message: adds the entries, then answers with the config the client
   * uploads with and a signed token per valid entry (or an external uploader's meta).
   */
  async preflight(payload: Record<string, unknown>, cid: number | null): Promise<Record<string, unknown>> {
    const allowed = typeof payload.ref === "string" ? this.#byRef.get(payload.ref) : undefined;
    if (!allowed) throw new UploadError(`allow_upload for ref ${JSON.stringify(payload.ref)}, which no upload of this view has`);
    if (allowed.owner.cid !== cid) throw new UploadError(`allow_upload for "${allowed.upload.name}" names component ${String(cid)}, but it belongs to ${allowed.owner.cid === null ? "the view" : `component ${allowed.owner.cid}`}`);
    if (!Array.isArray(payload.entries)) throw new UploadError(`allow_upload needs "entries" (a list)`);
    const entries: ClientEntry[] = [];
    for (const raw of payload.entries as unknown[]) {
      const entry = clientEntry(raw);
      if (typeof entry === "string") throw new UploadError(`allow_upload for "${allowed.upload.name}": ${entry}`);
      entries.push(entry);
    }
    const { upload } = allowed;
    const ok = this.#put(allowed, entries);
    if (!ok) return { ref: upload.ref, error: upload.snapshot().errors.map(([ref, reason]) => [ref, reason]) };
    const preflighted = upload.preflight(entries.map((e) => e.ref));
    const config = { max_file_size: upload.options.maxFileSize, max_entries: upload.options.maxEntries, chunk_size: upload.options.chunkSize, chunk_timeout: upload.options.chunkTimeout };
    const replyEntries: Record<string, unknown> = {};
    const errors: Record<string, unknown[]> = {};
    for (const entry of preflighted) {
      if (!entry.valid) {
        errors[entry.ref] = upload.snapshot().errors.filter(([ref]) => ref === entry.ref).map(([, reason]) => reason);
        continue;
      }
      if (upload.options.external) {
        const meta = await upload.options.external(entry, allowed.owner.socket);
        if (isRefusal(meta)) {
          upload.putError(entry.ref, "external_metadata_failure");
          errors[entry.ref] = [meta.error];
          if (!upload.options.autoUpload) {
            this.#publish(allowed);
            return { ref: upload.ref, error: [[entry.ref, meta.error]] };
          }
          continue;
        }
        if (typeof meta !== "object" || meta === null || typeof meta.uploader !== "string") {
          throw new Error(`allowUpload("${upload.name}"): external must return the uploader's meta with an \`uploader\` name (the client uploader to use), or { error }`);
        }
        upload.setMeta(entry.ref, meta);
        replyEntries[entry.ref] = meta;
      } else {
        if (!this.sign) throw new UploadError(`uploads need a connected view`);
        replyEntries[entry.ref] = this.sign({ view: this.viewId, config: upload.ref, entry: entry.ref });
      }
    }
    this.#publish(allowed);
    return { ref: upload.ref, config, entries: replyEntries, errors };
  }

  /** The `progress` message; returns the callback to run (the upload's `progress`), if any. */
  progress(payload: Record<string, unknown>, cid: number | null): (() => void | Promise<void>) | null {
    const allowed = typeof payload.ref === "string" ? this.#byRef.get(payload.ref) : undefined;
    if (!allowed || allowed.owner.cid !== cid) throw new UploadError(`progress for ref ${JSON.stringify(payload.ref)}, which no upload of this ${cid === null ? "view" : `component (${cid})`} has`);
    const { upload } = allowed;
    const entryRef = payload.entry_ref;
    if (typeof entryRef !== "string") throw new UploadError(`progress needs "entry_ref" (a string)`);
    const progress = payload.progress;
    let entry: UploadEntry | undefined;
    if (typeof progress === "object" && progress !== null && typeof (progress as { error?: unknown }).error === "string") {
      // The client failed the entry; only an external upload's failure is the client's to report.
      entry = upload.entry(entryRef);
      if (entry && upload.external) upload.putError(entryRef, "external_client_failure");
    } else if (typeof progress === "number" && Number.isInteger(progress) && progress >= 0 && progress <= 100) {
      entry = upload.progress(entryRef, progress);
    } else {
      throw new UploadError(`progress must be an integer from 0 to 100 or { error }, got ${JSON.stringify(progress)?.slice(0, 40)}`);
    }
    this.#publish(allowed);
    const callback = upload.options.progress;
    if (!entry || !callback) return null;
    const current = upload.entry(entryRef) ?? entry;
    return () => callback(upload.name, current, allowed.owner.socket);
  }

  /** An `lvu:` channel joins for its entry. */
  register(token: UploadToken, channel: EntryChannel): RegisterResult {
    const allowed = this.#byRef.get(token.config);
    const entry = allowed?.upload.entry(token.entry);
    if (!allowed || !entry || !entry.valid || !entry.preflighted || allowed.upload.external) return { ok: false, reason: "disallowed" };
    const k = key(token.config, token.entry);
    if (this.#channels.has(k)) return { ok: false, reason: "already_registered" };
    this.#channels.set(k, channel);
    return { ok: true, size: entry.clientSize, chunkTimeout: allowed.upload.options.chunkTimeout };
  }

  /** Every byte of the entry arrived. */
  complete(token: UploadToken): void {
    this.#byRef.get(token.config)?.upload.markComplete(token.entry);
  }

  /**
   * The entry's channel ended on its own (the client left, the socket closed, too many bytes, a
   * chunk timeout): the entry goes, as its file did. Returns the owner's cid (null for the
   * view) when that changed its uploads, undefined otherwise.
   */
  channelEnded(token: UploadToken, channel: EntryChannel): number | null | undefined {
    const k = key(token.config, token.entry);
    if (this.#channels.get(k) !== channel) return undefined;
    this.#channels.delete(k);
    const allowed = this.#byRef.get(token.config);
    if (!allowed?.upload.drop(token.entry)) return undefined;
    this.#publish(allowed);
    return allowed.owner.cid;
  }

  /** A component is gone: its uploads end. */
  componentsDestroyed(cids: readonly number[]): void {
    for (const [ref, allowed] of this.#byRef) {
      if (allowed.owner.cid === null || !cids.includes(allowed.owner.cid)) continue;
      for (const entry of allowed.upload.entries) this.#end(allowed, entry.ref);
      this.#byRef.delete(ref);
    }
  }

  /** The view ended: every channel closes and every file goes. */
  clear(): void {
    for (const channel of this.#channels.values()) channel.close();
    this.#channels.clear();
    this.#byRef.clear();
  }

  #put(allowed: Allowed, entries: readonly ClientEntry[]): boolean {
    const { ok, replaced } = allowed.upload.putEntries(entries);
    for (const entry of replaced) this.#closeChannel(allowed.upload.ref, entry.ref);
    this.#publish(allowed);
    return ok;
  }

  /** Drops an entry and closes its channel (which removes its file). */
  #end(allowed: Allowed, entryRef: string): void {
    allowed.upload.drop(entryRef);
    this.#closeChannel(allowed.upload.ref, entryRef);
  }

  #closeChannel(configRef: string, entryRef: string): void {
    const k = key(configRef, entryRef);
    const channel = this.#channels.get(k);
    if (!channel) return;
    this.#channels.delete(k);
    channel.close();
  }

  #named(owner: UploadOwner, name: string): Allowed | undefined {
    for (const allowed of this.#byRef.values()) if (allowed.owner.state === owner.state && allowed.upload.name === name) return allowed;
    return undefined;
  }

  #require(owner: UploadOwner, name: string, what: string): Allowed {
    const allowed = this.#named(owner, name);
    if (!allowed) throw new Error(`livehtml: ${what}("${name}"): no upload of that name was allowed on this ${owner.cid === null ? "view" : "component"} (call allowUpload first)`);
    return allowed;
  }

  #publish({ upload, owner }: Allowed): void {
    const current = (owner.state.assigns.uploads ?? {}) as Record<string, UploadConfig>;
    if (current[upload.name] === upload.snapshot()) return;
    owner.state.setManaged("uploads", { ...current, [upload.name]: upload.snapshot() });
  }
}

function key(configRef: string, entryRef: string): string {
  return `${configRef}\0${entryRef}`;
}

function isRefusal(meta: ExternalMeta | { error: unknown }): meta is { error: unknown } {
  return typeof meta === "object" && meta !== null && "error" in meta && !("uploader" in meta);
}
