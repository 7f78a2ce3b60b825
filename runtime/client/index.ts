// `livehtml/client`: the browser client. `LiveSocket` connects the page's live views and
// patches only the DOM the server's diffs name.
export { LiveSocket } from "./live-socket.ts";
export type { LiveSocketOptions } from "./live-socket.ts";
export type { Hook, HookCallbacks } from "./hooks.ts";
export type { JS } from "./js.ts";
