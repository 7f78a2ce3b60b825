// `view.upload(name, files)`: chooses files for an upload and sends them whole, as a browser
// would (LiveView's `render_upload`): the preflight, each accepted file's bytes (written to a
// temporary file, removed with the entry), then its progress report.
import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UploadConfig } from "../shared/uploads.ts";
import { CRASHED, type ReplyPayload, type ViewRuntime } from "../server/view-runtime.ts";

export interface TestFile {
  readonly name: string;
  readonly content: string | Uint8Array;
  /** The MIME type the browser would declare (default none, as for an unknown extension). */
  readonly type?: string;
  readonly lastModified?: number;
}

export interface UploadOptions {
  /** The component that allowed the upload (default the view). */
  readonly cid?: number;
  /** The progress to report for each file (default 100: uploaded). */
  readonly progress?: number;
}

let nextRef = 0;

const bytesOf = (file: TestFile) => (typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content);

export async function uploadFiles(runtime: ViewRuntime, name: string, files: readonly TestFile[], options: UploadOptions, apply: (reply: ReplyPayload) => void, crash: () => never): Promise<ReplyPayload> {
  const cid = options.cid ?? null;
  const state = cid === null ? runtime.state : runtime.components.get(cid)?.state;
  const config = (state?.assigns.uploads as Readonly<Record<string, UploadConfig>> | undefined)?.[name];
  if (!config) throw new Error(`livehtml/test: no upload "${name}" is allowed on ${cid === null ? "the view" : `component ${cid}`}`);
  const entries = files.map((f) => ({ ref: `test-${nextRef++}`, name: f.name, size: bytesOf(f).byteLength, type: f.type ?? "", last_modified: f.lastModified ?? 0 }));
  const withCid = cid === null ? {} : { cid };
  const preflight = await runtime.allowUpload({ ref: config.ref, entries, ...withCid });
  if (preflight === CRASHED) return crash();
  if ("refused" in preflight) throw new Error(`livehtml/test: allow_upload refused: ${preflight.refused}`);
  apply(preflight.ok);
  const accepted = (preflight.ok.entries ?? {}) as Record<string, unknown>;
  for (const [i, entry] of entries.entries()) {
    const token = accepted[entry.ref];
    if (token === undefined) continue;
    if (typeof token === "string") {
      // The channel an upload's bytes arrive on, reduced to its file.
      const path = join(tmpdir(), `livehtml-test-upload-${randomUUID()}`);
      writeFileSync(path, bytesOf(files[i]!));
      const ref = { view: runtime.id, config: config.ref, entry: entry.ref };
      const registered = runtime.uploads!.register(ref, { path, close: () => rmSync(path, { force: true }) });
      if (!registered.ok) {
        rmSync(path, { force: true });
        throw new Error(`livehtml/test: entry ${entry.ref} of "${name}" cannot upload: ${registered.reason}`);
      }
      runtime.uploads!.complete(ref);
    }
    const progress = await runtime.uploadProgress({ ref: config.ref, entry_ref: entry.ref, progress: options.progress ?? 100, ...withCid });
    if (progress === CRASHED) return crash();
    if ("refused" in progress) throw new Error(`livehtml/test: progress refused: ${progress.refused}`);
    apply(progress.ok);
  }
  return preflight.ok;
}
