// The `lvu:<entry ref>` channels of one connection: the browser joins one per file with the
// token from the preflight reply, then pushes the file's bytes as binary `chunk` frames, each
// answered once it is written. Limits hold whatever the client says: an entry receives at most
// the size it declared (itself checked against `maxFileSize`), a channel that goes quiet for
// `chunkTimeout` is closed, and a frame is no larger than the socket's frame limit. However a
// channel ends, its temporary file is removed unless the entry was completed and is still held
// by its view (consumed later, or removed with the view).
import type { Frame } from "../frames.ts";
import { channelCloseFrame, errorReply, okReply } from "../outgoing.ts";
import type { Logger } from "../log.ts";
import type { TokenSigner } from "../token.ts";
import type { BinaryFrame } from "./binary-frame.ts";
import { TempUpload } from "./temp-file.ts";
import type { EntryChannel, UploadToken, ViewUploads } from "./view-uploads.ts";

export const UPLOAD_SALT = "livehtml upload";

/** What upload channels need from their connection. */
export interface UploadChannelHost {
  send(text: string): void;
  readonly signer: TokenSigner;
  readonly logger: Logger;
  /** The upload directory (`createServer({ uploadDir })`). */
  readonly dir: string;
  /** The uploads of the view `id` joined on this connection, or null. */
  viewUploads(id: string): ViewUploads | null;
  /** Runs after a channel ended on its own, so the view can re-render without the entry. */
  ended(token: UploadToken, channel: EntryChannel): void;
}

class UploadChannel implements EntryChannel {
  #file: TempUpload | null = null;
  received = 0;
  size = 0;
  chunkTimeout = 0;
  #timer: NodeJS.Timeout | null = null;
  closed = false;

  constructor(
    readonly topic: string,
    readonly joinRef: string,
    readonly token: UploadToken,
    private readonly channels: UploadChannels,
  ) {}

  /** The view accepted the channel: its file is opened and the chunk timer runs. */
  start(size: number, chunkTimeout: number): void {
    this.size = size;
    this.chunkTimeout = chunkTimeout;
    this.#file = new TempUpload(this.channels.host.dir);
    this.#arm();
  }

  get file(): TempUpload {
    if (!this.#file) throw new Error("upload channel not started");
    return this.#file;
  }

  get path(): string {
    return this.file.path;
  }

  /** Closed by the view (consumed, cancelled, replaced, view ended): the client is told, the file goes. */
  close(): void {
    if (this.closed) return;
    this.#stop();
    this.channels.host.send(channelCloseFrame(this.joinRef, this.topic));
  }

  /** Ended from this side: the view forgets the entry. */
  end(why: string | null): void {
    if (this.closed) return;
    if (why) this.channels.host.logger.warn(`upload ${this.topic}: ${why}`);
    this.#stop();
    this.channels.host.ended(this.token, this);
  }

  #stop(): void {
    this.closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#file?.discard();
    this.channels.forget(this);
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.channels.host.send(channelCloseFrame(this.joinRef, this.topic));
      this.end(`no chunk for ${this.chunkTimeout} ms: closed`);
    }, this.chunkTimeout);
    this.#timer.unref();
  }

  chunk(frame: BinaryFrame): void {
    const bytes = frame.payload;
    if (this.received + bytes.byteLength > this.size) {
      this.channels.host.send(errorReply(frame, { reason: "file_size_limit_exceeded", limit: this.size }));
      this.channels.host.send(channelCloseFrame(this.joinRef, this.topic));
      this.end(`${this.received + bytes.byteLength} bytes sent for a file declared as ${this.size}: refused`);
      return;
    }
    this.#arm();
    this.received += bytes.byteLength;
    const last = this.received === this.size;
    // `ws` may reuse the frame's buffer once this returns: the bytes are copied for the write.
    this.file.write(Uint8Array.from(bytes)).then(
      async () => {
        if (last) {
          await this.file.finish();
          if (this.#timer) clearTimeout(this.#timer);
          this.channels.host.viewUploads(this.token.view)?.complete(this.token);
        }
        if (!this.closed) this.channels.host.send(okReply(frame, {}));
      },
      (error: unknown) => {
        if (this.closed) return;
        this.channels.host.send(errorReply(frame, { reason: "writer_error" }));
        this.end(`writing ${this.path} failed: ${(error as Error).message}`);
      },
    );
  }
}

export class UploadChannels {
  readonly #channels = new Map<string, UploadChannel>();

  constructor(readonly host: UploadChannelHost) {}

  get size(): number {
    return this.#channels.size;
  }

  /** Whether a binary frame goes to a joined upload channel (its chunks are not rate limited as events). */
  joined(frame: { topic: string; joinRef: string | null }): boolean {
    const channel = this.#channels.get(frame.topic);
    return channel !== undefined && channel.joinRef === frame.joinRef;
  }

  join(frame: Frame): void {
    const { topic } = frame;
    const refuse = (reason: string, why: string) => {
      this.host.logger.warn(`upload join ${topic} refused: ${why}`);
      this.host.send(errorReply(frame, { reason }));
    };
    if (frame.joinRef === null) return refuse("invalid_token", "no join_ref");
    const verified = this.host.signer.verify<UploadToken>(UPLOAD_SALT, frame.payload.token);
    if (!verified.ok) return refuse("invalid_token", `token ${verified.reason}`);
    const token = verified.data;
    if (topic !== `lvu:${token.entry}`) return refuse("invalid_token", "the token is for another entry");
    const uploads = this.host.viewUploads(token.view);
    if (!uploads) return refuse("disallowed", "its view is not joined on this connection");
    // One channel per entry: a second join while the first holds it is refused (as LiveView does).
    if (this.#channels.has(topic)) return refuse("already_registered", "the entry's channel is already joined");
    const channel = new UploadChannel(topic, frame.joinRef, token, this);
    const result = uploads.register(token, channel);
    if (!result.ok) return refuse(result.reason, `entry ${token.entry}: ${result.reason}`);
    channel.start(result.size, result.chunkTimeout);
    this.#channels.set(topic, channel);
    this.host.send(okReply(frame, {}));
    if (result.size === 0) uploads.complete(token);
  }

  leave(frame: Frame): void {
    const channel = this.#channels.get(frame.topic);
    const leaving = channel !== undefined && channel.joinRef === frame.joinRef;
    this.host.send(okReply(frame, {}));
    if (!leaving) return;
    channel.end(null);
    this.host.send(channelCloseFrame(frame.joinRef, frame.topic));
  }

  /** A binary push: a `chunk` for a joined channel, or an error reply. */
  chunk(frame: BinaryFrame): void {
    const channel = this.#channels.get(frame.topic);
    if (!channel || channel.joinRef !== frame.joinRef) {
      this.host.logger.error(`websocket: binary "${frame.event}" for ${frame.topic}, which is not a joined upload channel`);
      if (frame.ref !== null) this.host.send(errorReply(frame, { reason: "unmatched topic" }));
      return;
    }
    if (frame.event !== "chunk") {
      this.host.logger.error(`websocket: unknown binary event "${frame.event}" on ${frame.topic}`);
      if (frame.ref !== null) this.host.send(errorReply(frame, { reason: "unknown event" }));
      return;
    }
    channel.chunk(frame);
  }

  forget(channel: UploadChannel): void {
    if (this.#channels.get(channel.topic) === channel) this.#channels.delete(channel.topic);
  }

  /** The socket closed: every upload channel ends and its file goes. */
  closeAll(): void {
    for (const channel of [...this.#channels.values()]) channel.end(null);
  }
}
