// The ordinary (not live) pages of the examples: the index, and a server-rendered page that
// embeds both Thermostats with `liveRender`.
import type { LiveServer } from "livehtml/server";
import { escapeHTML } from "livehtml/runtime";
import { ThermostatView } from "./thermostat/thermostat.ts";
import { ColocatedThermostatView } from "./thermostat/thermostat-colocated.ts";

export const STYLESHEET_LINK = '<link rel="stylesheet" href="/app.css">';

export const EXAMPLES = [
  { path: "/thermostat", title: "Thermostat (live route, sibling .live.html)" },
  { path: "/thermostat/colocated", title: "Thermostat (live route, colocated live`…` template)" },
  { path: "/embedded", title: "Both Thermostats embedded in a server-rendered page (liveRender)" },
  { path: "/todos", title: "Todo list (forms, validation, a stream)" },
  { path: "/dashboard", title: "Dashboard (pubsub, pagination with live navigation)" },
  { path: "/house/kitchen", title: "House (a Thermostat nested per room, a sticky clock across live navigation)" },
  { path: "/avatar", title: "Avatar upload (preview, progress, drag and drop)" },
] as const;

export function indexPage(): string {
  const links = EXAMPLES.map((e) => `<li><a href="${e.path}">${escapeHTML(e.title)}</a></li>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>livehtml examples</title>${STYLESHEET_LINK}</head>
<body><h1>livehtml examples</h1><ul>
${links}
</ul></body></html>`;
}

/** A page the server renders itself; the two views inside it connect like routed ones. */
export async function embeddedPage(server: LiveServer, session: Record<string, unknown>, script: string): Promise<string> {
  const first = await server.liveRender(ThermostatView, { session, url: "http://localhost/embedded" });
  // The second view shares the page's CSRF token: one <meta name="csrf-token"> serves both.
  const second = await server.liveRender(ColocatedThermostatView, { session, url: "http://localhost/embedded", csrfToken: first.csrfToken });
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="csrf-token" content="${escapeHTML(first.csrfToken)}">
<title>Embedded thermostats</title>${STYLESHEET_LINK}
<script defer type="module" src="${escapeHTML(script)}"></script></head>
<body><h1>An ordinary page</h1>
<p>Rendered by the server's own handler; the thermostats below are live views.</p>
<h2>Sibling template</h2>
${first.html}
<h2>Colocated template</h2>
${second.html}
<p><a href="/">All examples</a></p>
</body></html>`;
}
