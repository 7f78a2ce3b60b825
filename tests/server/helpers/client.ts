// A minimal Phoenix Channels V2 client over a real `ws` socket, for protocol tests.
import WebSocket from "ws";

export type Message = [string | null, string | null, string, string, Record<string, unknown>];

export class TestSocket {
  readonly messages: Message[] = [];
  #waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  #ref = 0;
  closeCode: number | null = null;
  #closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as Message;
      this.messages.push(msg);
      this.#waiters = this.#waiters.filter((w) => (w.match(msg) ? (w.resolve(msg), false) : true));
    });
    this.#closed = new Promise((resolve) => ws.on("close", (code) => resolve((this.closeCode = code))));
  }

  /** `headers` go with the upgrade request (a cookie for a sticky load balancer, say). */
  static open(port: number, params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<TestSocket> {
    const query = new URLSearchParams({ ...params, vsn: "2.0.0" });
    const ws = new WebSocket(`ws://127.0.0.1:${port}/live/websocket?${query}`, { headers });
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new TestSocket(ws)));
      ws.once("error", reject);
    });
  }

  nextRef(): string {
    return String(++this.#ref);
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** Sends a frame and resolves with the reply to its ref. */
  push(joinRef: string | null, topic: string, event: string, payload: Record<string, unknown>, timeoutMs?: number): Promise<Message> {
    const ref = this.nextRef();
    const reply = this.waitFor((m) => m[1] === ref && m[3] === "phx_reply", timeoutMs);
    this.ws.send(JSON.stringify([joinRef, ref, topic, event, payload]));
    return reply;
  }

  waitFor(match: (m: Message) => boolean, timeoutMs = 2000): Promise<Message> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for a message; got ${JSON.stringify(this.messages.slice(-5))}`)), timeoutMs);
      this.#waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  closed(): Promise<number> {
    return this.#closed;
  }

  close(): void {
    this.ws.close();
  }
}

/** The live container's tokens and the CSRF token, read from a page. */
export function readPage(html: string) {
  const container = /<div id="(phx-[^"]+)"[^>]*data-phx-session="([^"]+)" data-phx-static="([^"]*)"/.exec(html);
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(html);
  if (!container || !csrf) throw new Error(`no live container in page:\n${html}`);
  return { id: container[1]!, session: container[2]!, static: container[3]!, csrf: csrf[1]! };
}
