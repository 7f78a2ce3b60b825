// A lean Phoenix Channels V2 client for load: thousands of these share one process, so it keeps
// only what a benchmark needs (pending replies by ref), and ignores server pushes.
import WebSocket from "ws";

type Frame = [string | null, string | null, string, string, Record<string, unknown>];

export interface LiveTokens {
  readonly id: string;
  readonly session: string;
  readonly static: string;
  readonly csrf: string;
}

/** The container's tokens and the CSRF token from a page rendered over HTTP (without a flash, its static token is empty). */
export async function fetchTokens(port: number, path: string): Promise<LiveTokens> {
  const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
  const container = /<div id="(phx-[^"]+)"[^>]*data-phx-session="([^"]+)" data-phx-static="([^"]*)"/.exec(html);
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(html);
  if (!container || !csrf) throw new Error(`bench: no live container in the page at ${path}:\n${html.slice(0, 500)}`);
  return { id: container[1]!, session: container[2]!, static: container[3]!, csrf: csrf[1]! };
}

/** A reply with the client-side times of its round trip, taken right at the socket calls. */
export interface TimedReply {
  readonly payload: Record<string, unknown>;
  /** performance.now() just after `ws.send` returned, and when the reply's "message" event fired. */
  readonly sentAt: number;
  readonly receivedAt: number;
}

export class LoadClient {
  private ref = 1;
  private readonly pending = new Map<string, { sentAt: number; resolve: (reply: TimedReply) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const receivedAt = performance.now();
      const text = data.toString();
      // Pushes (`diff` from timers) have a null ref; only replies are parsed.
      if (!text.includes('"phx_reply"')) return;
      const frame = JSON.parse(text) as Frame;
      const waiting = frame[1] === null ? undefined : this.pending.get(frame[1]);
      if (waiting) {
        this.pending.delete(frame[1]!);
        waiting.resolve({ payload: frame[4], sentAt: waiting.sentAt, receivedAt });
      }
    });
  }

  static open(port: number, query: Record<string, string> = {}): Promise<LoadClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/live/websocket?${new URLSearchParams({ ...query, vsn: "2.0.0" })}`);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new LoadClient(ws)));
      ws.once("error", reject);
    });
  }

  /** Sends a frame; resolves with the reply's payload and the times around it. */
  push(topic: string, event: string, payload: Record<string, unknown>): Promise<TimedReply> {
    const ref = String(this.ref++);
    const text = JSON.stringify(["1", ref, topic, event, payload]);
    return new Promise((resolve) => {
      this.ws.send(text);
      this.pending.set(ref, { sentAt: performance.now(), resolve });
    });
  }

  /** Joins the live view of a rendered page; throws unless the reply is ok. */
  async join(port: number, path: string, tokens: LiveTokens): Promise<string> {
    const topic = `lv:${tokens.id}`;
    const reply = (
      await this.push(topic, "phx_join", {
        url: `http://127.0.0.1:${port}${path}`,
        params: { _csrf_token: tokens.csrf, _mounts: 0 },
        session: tokens.session,
        static: tokens.static,
      })
    ).payload;
    if (reply.status !== "ok") throw new Error(`bench: join refused: ${JSON.stringify(reply).slice(0, 300)}`);
    return topic;
  }

  /** Resolves with the close code once the socket is closed (by either side). */
  closed(): Promise<number> {
    if (this.ws.readyState === this.ws.CLOSED) return Promise.resolve(1006);
    return new Promise((resolve) => this.ws.once("close", (code: number) => resolve(code)));
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Bytes sent but not yet written to the socket (a flood keeps it bounded). */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** Sends a frame without waiting for its reply (floods). */
  sendRaw(text: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  close(): void {
    this.ws.close();
  }
}

export const PATH = "/thermostat";

/** Opens `count` clients, `concurrency` at a time; livehtml clients render the page and join. */
export async function connect(port: number, mode: "livehtml" | "bare-ws", count: number, concurrency = 100): Promise<{ client: LoadClient; topic: string }[]> {
  const out: { client: LoadClient; topic: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      if (mode === "bare-ws") {
        out.push({ client: await LoadClient.open(port), topic: "" });
        continue;
      }
      const tokens = await fetchTokens(port, PATH);
      const client = await LoadClient.open(port, { _csrf_token: tokens.csrf });
      out.push({ client, topic: await client.join(port, PATH, tokens) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}
