// `livehtml/client/auto`: connects the page with the CSRF token from `<meta name="csrf-token">`
// and exposes the socket as `window.liveSocket`. For pages that need no hooks or options.
import { LiveSocket } from "./live-socket.ts";

const csrfToken = document.querySelector<HTMLMetaElement>("meta[name='csrf-token']")?.content;
const liveSocket = new LiveSocket("/live", { params: { _csrf_token: csrfToken } });
liveSocket.connect();
(window as unknown as { liveSocket: LiveSocket }).liveSocket = liveSocket;

export { liveSocket };
