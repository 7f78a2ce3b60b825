import { copyFile } from "node:fs/promises";
import { defineView, type UploadConfig } from "livehtml/server";
import template from "./avatar.live.html";

export const AvatarView = defineView<{ saved: string[]; uploads?: Record<string, UploadConfig> }>({
  mount(_params, _session, socket) {
    socket.assign("saved", []);
    socket.allowUpload("avatar", { accept: [".png", ".jpg"], maxEntries: 1, maxFileSize: 2_000_000 });
  },
  async handleEvent(event, value, socket) {
    if (event === "cancel") socket.cancelUpload("avatar", String(value.ref));
    if (event === "save") {
      // `file.path` is the upload's temporary file, removed once this callback settles.
      const saved = await socket.consumeUploadedEntries("avatar", async (file, entry) => {
        const dest = `/tmp/avatar-${entry.uuid}`;
        await copyFile(file.path!, dest);
        return dest;
      });
      socket.update("saved", (list) => [...list, ...saved]);
    }
  },
  render: template,
});
