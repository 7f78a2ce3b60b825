// Upload support is a module of its own (`/livehtml/uploads.js`, served beside the client), so
// that pages without uploads do not download it: it is imported the first time a page uses an
// upload (a file chosen, a form with a file input submitted, a file dropped on a drop target).
import type { LiveSocket } from "./live-socket.ts";
import type { Payload } from "./transport.ts";
import type { View } from "./view.ts";

/** What the upload module offers the client (runtime/client/uploads/index.ts). */
export interface Uploads {
  /** A file input of an upload changed: its files are tracked, then `push` sends the form event. */
  change(view: View, input: HTMLInputElement, push: (uploads: Payload) => Promise<unknown>): Promise<void>;
  /** A form with file inputs is submitted: its files are uploaded first, then `push` submits. */
  submit(view: View, form: HTMLFormElement, push: () => Promise<unknown>): Promise<void>;
  /** Files dropped on a `phx-drop-target`. */
  drop(zone: Element, files: File[]): void;
}

export const UPLOAD_INPUT = "input[type=file][data-phx-upload-ref]";

let loading: Promise<Uploads> | null = null;

export function uploads(socket: LiveSocket, url: string): Promise<Uploads> {
  return (loading ??= import(/* @vite-ignore */ url).then((m: { create(socket: LiveSocket): Uploads }) => m.create(socket)));
}
