// The browser client the server serves by default (`/livehtml/client.js`, see
// runtime/server/client-asset.ts): the official phoenix + phoenix_live_view clients, connected
// to `/live` with the page's CSRF token. Bundled by scripts/build-client.mjs. Plain JavaScript:
// the phoenix package ships no types.
import { Socket } from "phoenix";
import { LiveSocket } from "phoenix_live_view";

const csrfToken = document.querySelector("meta[name='csrf-token']")?.getAttribute("content") ?? "";
const liveSocket = new LiveSocket("/live", Socket, { params: { _csrf_token: csrfToken } });
liveSocket.connect();
// For the browser console (`liveSocket.enableDebug()`), as Phoenix apps expose it.
window.liveSocket = liveSocket;
