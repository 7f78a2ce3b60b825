// What a template reads of an upload (`@uploads.avatar`): the upload's settings, its entries and
// their errors, as the server keeps them (runtime/server/uploads/config.ts). Here so that
// templates and the built-in components can name them without depending on the server.

/** LiveView's error reasons, as the strings `uploadErrors` returns. */
export type UploadError = "too_large" | "too_many_files" | "not_accepted" | "external_client_failure" | "external_metadata_failure" | (string & {});

export interface UploadEntry {
  /** The client's ref for the file (unique within the upload). */
  readonly ref: string;
  /** The upload's ref (`UploadConfig.ref`). */
  readonly uploadRef: string;
  /** The upload's name. */
  readonly uploadConfig: string;
  /** A server-made id, for naming the stored file. */
  readonly uuid: string | null;
  /** 0–100, as the client reports it. */
  readonly progress: number;
  readonly preflighted: boolean;
  /** Every byte arrived (or, for an external upload, the client reported it finished). */
  readonly done: boolean;
  readonly valid: boolean;
  readonly cancelled: boolean;
  readonly clientName: string;
  readonly clientRelativePath: string | null;
  /** The size the client declared; the server never accepts more bytes than this. */
  readonly clientSize: number;
  readonly clientType: string;
  readonly clientLastModified: number | null;
  readonly clientMeta: unknown;
}

export interface UploadConfig {
  readonly name: string;
  readonly ref: string;
  /** The `accept` attribute of the file input ("image/*,.pdf"), or null for any file. */
  readonly accept: string | null;
  readonly maxEntries: number;
  readonly maxFileSize: number;
  readonly chunkSize: number;
  readonly chunkTimeout: number;
  readonly autoUpload: boolean;
  readonly external: boolean;
  readonly entries: readonly UploadEntry[];
  /** `[ref, reason]`: an entry's ref, or the upload's own ref for `too_many_files`. */
  readonly errors: readonly (readonly [string, UploadError])[];
}

/** The errors of an upload (`too_many_files`), or of one of its entries. */
export function uploadErrors(upload: UploadConfig, entry?: UploadEntry): UploadError[] {
  const ref = entry ? entry.ref : upload.ref;
  return upload.errors.filter(([r]) => r === ref).map(([, reason]) => reason);
}
