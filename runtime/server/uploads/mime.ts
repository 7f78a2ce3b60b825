// The MIME types `allowUpload`'s `accept` understands: an extension (".png") stands for its
// type, and a type ("image/png") for its extensions, so either spelling accepts the same files.
// A small table of common types; an app with others passes them through `accept` as both.
const TYPES: Readonly<Record<string, readonly string[]>> = {
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "image/avif": [".avif"],
  "image/svg+xml": [".svg"],
  "image/bmp": [".bmp"],
  "image/x-icon": [".ico"],
  "image/tiff": [".tif", ".tiff"],
  "image/heic": [".heic"],
  "audio/mpeg": [".mp3"],
  "audio/ogg": [".ogg", ".oga"],
  "audio/wav": [".wav"],
  "audio/webm": [".weba"],
  "audio/aac": [".aac"],
  "audio/flac": [".flac"],
  "video/mp4": [".mp4"],
  "video/webm": [".webm"],
  "video/ogg": [".ogv"],
  "video/quicktime": [".mov"],
  "application/pdf": [".pdf"],
  "application/zip": [".zip"],
  "application/gzip": [".gz"],
  "application/json": [".json"],
  "application/xml": [".xml"],
  "application/msword": [".doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.ms-powerpoint": [".ppt"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": [".pptx"],
  "application/octet-stream": [".bin"],
  "text/plain": [".txt"],
  "text/csv": [".csv"],
  "text/html": [".html", ".htm"],
  "text/markdown": [".md"],
};

const BY_EXTENSION = new Map<string, string>();
for (const [type, extensions] of Object.entries(TYPES)) for (const ext of extensions) BY_EXTENSION.set(ext, type);

/** The MIME type of an extension (".PNG" → "image/png"), or null when the table has none. */
export function mimeOfExtension(ext: string): string | null {
  return BY_EXTENSION.get(ext.toLowerCase()) ?? null;
}

/** The lower-cased extension of a file name ("a.tar.GZ" → ".gz"), or "" when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}
