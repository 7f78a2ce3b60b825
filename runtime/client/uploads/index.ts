// Upload support for livehtml's client, loaded on demand (runtime/client/upload-hook.ts): the
// `allow_upload` preflight, one `lvu:` channel per file sending it as binary chunks of the
// size the server asked for, progress reports, external uploaders (`uploaders` option), image
// previews of chosen files, and drop targets. It speaks LiveView's upload protocol
// (PROTOCOL.md §4.5), so it works against any server that does.
import type { LiveSocket } from "../live-socket.ts";
import type { Payload } from "../transport.ts";
import type { Uploads } from "../upload-hook.ts";
import type { View } from "../view.ts";
import type { WireMessageDiff } from "../../shared/wire.ts";
import { binaryPush } from "./binary-frame.ts";
import { activeFiles, describe, entryOf, errorRefs, preflightedRefs, refOf, track } from "./files.ts";
import { watchPreviews } from "./previews.ts";
import { watchDropTargets } from "./drop.ts";

interface UploadConfig {
  chunk_size: number;
  chunk_timeout: number;
}

/** What an external uploader receives per entry, as the official client's `uploaders` do. */
export interface ExternalEntry {
  readonly file: File;
  readonly ref: string;
  readonly meta: Record<string, unknown>;
  progress(percent: number): void;
  error(reason?: string): void;
}
export type Uploader = (entries: ExternalEntry[], onViewError: (callback: () => void) => void) => void;

export function create(socket: LiveSocket): Uploads {
  /** Uploads under way per input, so that a submit waits for them. */
  const running = new Map<HTMLInputElement, Promise<void>>();
  /** Files whose preflight was sent (not sent again while it runs). */
  const started = new WeakSet<File>();
  const uploaders = (socket.opts.uploaders ?? {}) as Record<string, Uploader>;

  watchPreviews();
  watchDropTargets(socket.prefix);

  async function reply(view: View, event: string, payload: Payload): Promise<Payload | null> {
    const result = await view.channel.push(event, payload);
    if (result.status !== "ok") return null;
    const diff = result.response.diff as WireMessageDiff | undefined;
    if (diff) view.update(diff);
    return result.response;
  }

  function progress(view: View, input: HTMLInputElement, ref: string, value: number | { error: string }): Promise<Payload | null> {
    return reply(view, "progress", {
      event: input.getAttribute(`${socket.prefix}progress`) ?? undefined,
      ref: input.getAttribute("data-phx-upload-ref"),
      entry_ref: ref,
      progress: value,
      cid: view.targetCid(input.form ?? input, null),
    });
  }

  /** Preflights the files not yet preflighted, then uploads each one the server accepted. */
  async function upload(view: View, input: HTMLInputElement): Promise<void> {
    const preflighted = preflightedRefs(input);
    const files = activeFiles(input).filter((f) => !preflighted.includes(refOf(f)) && !started.has(f));
    if (files.length === 0) return;
    for (const f of files) started.add(f);
    const response = await reply(view, "allow_upload", {
      ref: input.getAttribute("data-phx-upload-ref"),
      entries: files.map((f) => entryOf(input, f)),
      cid: view.targetCid(input.form ?? input, null),
    });
    const entries = response?.entries as Record<string, unknown> | undefined;
    if (!response || response.error || !entries) {
      // Refused (the view shows why): these files may be chosen again.
      for (const f of files) started.delete(f);
      return;
    }
    const config = response.config as UploadConfig;
    const external = new Map<string, ExternalEntry[]>();
    const transfers: Promise<void>[] = [];
    for (const file of files) {
      const ref = refOf(file);
      const meta = entries[ref];
      if (meta === undefined) continue;
      if (typeof meta === "string") {
        transfers.push(sendFile(view, input, file, meta, config));
        continue;
      }
      const name = String((meta as { uploader?: unknown }).uploader);
      const list = external.get(name) ?? [];
      transfers.push(new Promise<void>((done) => list.push(externalEntry(view, input, file, meta as Record<string, unknown>, done))));
      external.set(name, list);
    }
    for (const [name, list] of external) {
      const uploader = uploaders[name];
      if (!uploader) {
        console.error(`livehtml: no uploader "${name}" in the LiveSocket's uploaders option`);
        for (const entry of list) entry.error("missing uploader");
        continue;
      }
      uploader(list, (callback) => view.channel.on("phx_error", callback));
    }
    await Promise.all(transfers);
  }

  function externalEntry(view: View, input: HTMLInputElement, file: File, meta: Record<string, unknown>, done: () => void): ExternalEntry {
    let last = -1;
    return {
      file,
      ref: refOf(file),
      meta,
      progress(percent) {
        const value = Math.min(100, Math.floor(percent));
        if (value <= last) return;
        last = value;
        const sent = progress(view, input, refOf(file), value);
        if (value === 100) void sent.then(done);
      },
      error(reason = "failed") {
        last = 100;
        void progress(view, input, refOf(file), { error: reason }).then(done);
      },
    };
  }

  /** One file over its `lvu:` channel, chunk after chunk, each waiting for the server's reply. */
  function sendFile(view: View, input: HTMLInputElement, file: File, token: string, config: UploadConfig): Promise<void> {
    const ref = refOf(file);
    const channel = socket.channel(`lvu:${ref}`, () => ({ token }));
    let closed = false;
    const stop = () => {
      closed = true;
      channel.leave();
    };
    // The server ends the channel when the entry is consumed or cancelled.
    channel.on("phx_close", stop);
    channel.on("phx_error", stop);
    return new Promise<void>((resolve) => {
      channel.join(async (joined) => {
        if (closed) return;
        if (joined.status !== "ok") {
          stop();
          await progress(view, input, ref, { error: String(joined.response.reason ?? "join failed") });
          return resolve();
        }
        let offset = 0;
        let sent = 0;
        while (offset < file.size && !closed) {
          const chunk = await file.slice(offset, offset + config.chunk_size).arrayBuffer();
          const answer = await channel.push("chunk", chunk as unknown as Payload, config.chunk_timeout, (joinRef, pushRef) => binaryPush(joinRef, pushRef, channel.topic, "chunk", chunk));
          if (closed) break;
          if (answer.status !== "ok") {
            stop();
            // A writer error is recorded by the server itself; anything else is reported.
            if (answer.response.reason !== "writer_error") await progress(view, input, ref, { error: String(answer.response.reason ?? answer.status) });
            break;
          }
          offset += chunk.byteLength;
          const percent = Math.floor((offset / file.size) * 100);
          if (percent > sent) {
            sent = percent;
            // The last report waits for the server (the entry is then done); the others do not.
            const report = progress(view, input, ref, percent);
            if (percent === 100) await report;
          }
        }
        resolve();
      });
    });
  }

  return {
    async change(view, input, push) {
      if (input.files && input.files.length > 0) track(input, Array.from(input.files));
      await push(describe(input));
      if (!input.hasAttribute("data-phx-auto-upload")) return;
      const run = upload(view, input).finally(() => running.delete(input));
      running.set(input, run);
      await run;
    },

    async submit(view, form, push) {
      const inputs = Array.from(form.querySelectorAll<HTMLInputElement>("input[type=file][data-phx-upload-ref]"));
      // An entry in error (too large, not accepted, too many) stops the submit, as in LiveView.
      if (inputs.some((i) => errorRefs(i).length > 0)) return;
      await Promise.all(inputs.map((i) => running.get(i)));
      await Promise.all(inputs.map((i) => upload(view, i)));
      if (inputs.some((i) => errorRefs(i).length > 0)) return;
      await push();
    },

    drop(zone, files) {
      const input = document.getElementById(zone.getAttribute(`${socket.prefix}drop-target`) ?? "");
      if (!(input instanceof HTMLInputElement) || input.disabled || files.length === 0) return;
      if (!input.multiple) {
        // The input shows the dropped file, and a later change reads it from there.
        const transfer = new DataTransfer();
        for (const f of files.slice(0, 1)) transfer.items.add(f);
        input.files = transfer.files;
        track(input, Array.from(input.files));
      } else track(input, files);
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
  };
}

