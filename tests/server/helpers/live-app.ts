// A small live server for the hostile-input, limits and trust tests: one counter view with a
// form, started on a free loopback port, plus what a test needs to reach it (pages, joins, raw
// HTTP requests that `fetch` would refuse to send).
import { connect } from "node:net";
import { createServer, defineView, live, MemoryLogger, type LiveServer, type ServerOptions } from "../../../runtime/server/index.ts";
import { loadTemplate } from "../../helpers/load-template.ts";
import { TestSocket, readPage, type Message } from "./client.ts";

export interface CounterAssigns {
  count: number;
  seen: string;
}

/** Named callbacks a test can swap in (`hooks.onEvent = …`) to act as a buggy view. */
export const hooks: { onEvent?: (event: string, value: Record<string, unknown>) => void } = {};

export const CounterView = defineView<CounterAssigns, string>({
  name: "CounterView",
  mount(params, _session, socket) {
    socket.assign({ count: 0, seen: "" });
    // `?feed=1`: the view shows every message broadcast on "feed" (a server that pushes).
    if (socket.connected && params.feed) socket.subscribe("feed");
  },
  handleInfo: (message, socket) => void socket.assign("seen", String(message)),
  handleEvent(event, value, socket) {
    hooks.onEvent?.(event, value as Record<string, unknown>);
    if (event === "inc") socket.update("count", (n) => n + 1);
    if (event === "save") socket.assign("seen", JSON.stringify(value));
  },
  template: await loadTemplate('<p id="count">{@count}</p><form phx-submit="save"><input name="a"></form><pre>{@seen}</pre>'),
});

export interface App {
  server: LiveServer;
  port: number;
  logger: MemoryLogger;
  origin: string;
}

export const TEST_SECRET = "hostile input test secret, 0123456789abcdef";

export async function startApp(options: Partial<ServerOptions> = {}): Promise<App> {
  const logger = new MemoryLogger();
  const server = createServer({ routes: [live("/counter", CounterView)], secret: TEST_SECRET, logger, ...options });
  const { port } = await server.listen(0);
  return { server, port, logger, origin: `http://127.0.0.1:${port}` };
}

export async function getPage(app: App, path = "/counter"): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(`${app.origin}${path}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** Loads the page, opens a socket and joins its view. */
export async function joinCounter(app: App, path = "/counter") {
  const { html } = await getPage(app, path);
  const page = readPage(html);
  const socket = await TestSocket.open(app.port, { _csrf_token: page.csrf });
  const topic = `lv:${page.id}`;
  const reply = await socket.push("1", topic, "phx_join", {
    url: `${app.origin}${path}`,
    params: { _csrf_token: page.csrf, _mounts: 0 },
    session: page.session,
    static: page.static,
  });
  return { socket, topic, reply, page };
}

export const status = (m: Message) => (m[4] as { status: string }).status;
export const response = (m: Message) => (m[4] as { response: Record<string, unknown> }).response;

/** One click on the counter; resolves with the reply. */
export function click(socket: TestSocket, topic: string, event = "inc"): Promise<Message> {
  return socket.push("1", topic, "event", { type: "click", event, value: {} });
}

/** Rejects after `ms` when `promise` has not settled (a test must not wait forever for what never comes). */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms).unref())]);
}

/** Sends `head` (request line and headers, no final blank line) on a raw socket; resolves with the status line. */
export function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(data.split("\r\n")[0] ?? ""));
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}
