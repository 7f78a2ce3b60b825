// An avatar upload: choose or drop an image, see it at once (a preview the browser reads from
// the file), watch it upload in chunks (a progress bar), and save it. The server checks the
// type and size itself, shows why a file is refused, and removes the upload's temporary file
// once it is saved or cancelled.
import { readFile } from "node:fs/promises";
import { defineView, type UploadConfig } from "livehtml/server";
import template from "./avatar.live.html";
import { avatarURL, saveAvatar } from "./avatars.ts";

export const MAX_AVATAR_BYTES = 2_000_000;

/**
 * The type an avatar is served with, from its extension (which the upload's `accept` checked).
 * Never the type the browser declared: a client could call any file "text/html".
 */
const TYPES: Readonly<Record<string, string>> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" };
function imageType(name: string): string {
  return TYPES[name.slice(name.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
}

export interface AvatarAssigns {
  userId: string;
  avatarUrl: string | null;
  uploads?: Readonly<Record<string, UploadConfig>>;
}

export const AvatarView = defineView<AvatarAssigns>({
  name: "AvatarView",
  mount(_params, session, socket) {
    const userId = typeof session.userId === "string" ? session.userId : "guest";
    socket.assign({ userId, avatarUrl: avatarURL(userId) });
    socket.allowUpload("avatar", { accept: [".png", ".jpg", ".jpeg", ".gif", ".webp"], maxEntries: 1, maxFileSize: MAX_AVATAR_BYTES });
  },
  async handleEvent(event, value, socket) {
    if (event === "cancel") socket.cancelUpload("avatar", String(value.ref));
    if (event === "save") {
      const { userId } = socket.assigns;
      // The temporary file is removed once this returns: read (or move) it here.
      await socket.consumeUploadedEntries("avatar", async (file, entry) => saveAvatar(userId, await readFile(file.path!), imageType(entry.clientName)));
      socket.assign("avatarUrl", avatarURL(userId));
    }
  },
  template,
});
