// Where an upload's bytes go while it is in progress: a file of its own in the upload directory,
// written chunk by chunk in order, and removed by whoever ends the upload (consumed, cancelled,
// the view or connection gone, the server closed: `upload-channels.ts`). `discard` removes the
// file at once, even with a write in flight: the write lands in the unlinked file, freed when its
// handle closes.
import { open, type FileHandle } from "node:fs/promises";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { randomToken } from "../random.ts";

export class TempUpload {
  readonly path: string;
  #handle: Promise<FileHandle>;
  /** Writes in order: each waits for the one before. */
  #queue: Promise<unknown>;
  #closed = false;
  #discarded = false;

  constructor(dir: string) {
    this.path = join(dir, `livehtml-upload-${randomToken(12)}`);
    // `wx`: a fresh file, never one that exists; readable by this user only.
    this.#handle = open(this.path, "wx", 0o600);
    // A failed open is reported by the first write; it is not an unhandled rejection meanwhile.
    this.#queue = this.#handle.catch(() => {});
  }

  /** Appends bytes; resolves once they are written. */
  write(bytes: Uint8Array): Promise<void> {
    const done = this.#queue.then(async () => {
      if (this.#discarded) throw new Error("the upload was discarded");
      const handle = await this.#handle;
      let offset = 0;
      while (offset < bytes.byteLength) offset += (await handle.write(bytes, offset, bytes.byteLength - offset)).bytesWritten;
    });
    this.#queue = done.catch(() => {});
    return done;
  }

  /** The last chunk was written: the file is closed and stays until `discard`. */
  finish(): Promise<void> {
    const done = this.#queue.then(() => this.#close());
    this.#queue = done;
    return done;
  }

  /** Removes the file (idempotent). */
  discard(): void {
    if (this.#discarded) return;
    this.#discarded = true;
    rmSync(this.path, { force: true });
    void this.#queue.then(() => this.#close());
  }

  get discarded(): boolean {
    return this.#discarded;
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await (await this.#handle.catch(() => null))?.close();
  }
}
