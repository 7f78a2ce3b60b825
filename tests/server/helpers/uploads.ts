// Drives uploads over a real socket as a browser client does (PROTOCOL.md §4.5): a joined view
// whose HTML follows every diff, the preflight, `lvu:` joins and binary chunks.
import { readdirSync } from "node:fs";
import * as assert from "uvu/assert";
import { extract, mergeDiff, toHTML, type RenderedState, type WireMessageDiff } from "../../../runtime/shared/index.ts";
import { encodeBinaryFrame } from "../../../runtime/server/uploads/binary-frame.ts";
import type { Message, TestSocket } from "./client.ts";
import { joinCounter, response, status, type App } from "./live-app.ts";

/** A joined upload view, with the page's HTML kept up to date from every diff. */
export class Page {
  state: RenderedState;
  constructor(
    readonly socket: TestSocket,
    readonly topic: string,
    join: Message,
  ) {
    this.state = mergeDiff(null, extract(response(join).rendered as WireMessageDiff).diff);
    socket.ws.on("message", (data) => {
      const [, , topic, event, payload] = JSON.parse(data.toString()) as Message;
      if (topic === this.topic && event === "diff") this.apply(payload as WireMessageDiff);
    });
  }
  static async open(app: App, path: string): Promise<Page> {
    const { socket, topic, reply } = await joinCounter(app, path);
    assert.is(status(reply), "ok");
    return new Page(socket, topic, reply);
  }
  apply(diff: WireMessageDiff | undefined): void {
    if (diff) this.state = mergeDiff(this.state, extract(diff).diff);
  }
  get html(): string {
    return toHTML(this.state);
  }
  /** Pushes on the view's topic and applies the reply's diff. */
  async push(event: string, payload: Record<string, unknown>): Promise<Message> {
    const reply = await this.socket.push("1", this.topic, event, payload);
    this.apply(response(reply).diff as WireMessageDiff | undefined);
    return reply;
  }
  uploadRef(): string {
    return /data-phx-upload-ref="([^"]+)"/.exec(this.html)![1]!;
  }
  allow(entries: Record<string, unknown>[]): Promise<Message> {
    return this.push("allow_upload", { ref: this.uploadRef(), entries });
  }
}

export const png = (ref: string, size: number, name = `file${ref}.png`) => ({ ref, name, size, type: "image/png", last_modified: 1 });

/** Joins `lvu:<ref>` with the token of the preflight reply. */
export async function joinEntry(page: Page, preflight: Message, ref: string): Promise<{ joinRef: string; reply: Message }> {
  const token = (response(preflight).entries as Record<string, string>)[ref];
  const joinRef = page.socket.nextRef();
  const reply = page.socket.waitFor((m) => m[1] === joinRef && m[3] === "phx_reply");
  page.socket.sendRaw(JSON.stringify([joinRef, joinRef, `lvu:${ref}`, "phx_join", { token }]));
  return { joinRef, reply: await reply };
}

/** Sends one binary chunk and resolves with its reply. */
export function chunk(page: Page, joinRef: string, entryRef: string, bytes: Uint8Array): Promise<Message> {
  const ref = page.socket.nextRef();
  const reply = page.socket.waitFor((m) => m[1] === ref && m[3] === "phx_reply");
  page.socket.ws.send(encodeBinaryFrame(joinRef, ref, `lvu:${entryRef}`, "chunk", bytes));
  return reply;
}

export function bytes(size: number, seed = 1): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 256);
}

/** Waits (bounded) until the upload directory holds `count` files. */
export async function filesBecome(dir: string, count: number): Promise<void> {
  const files = () => readdirSync(dir);
  for (let i = 0; i < 200 && files().length !== count; i++) await new Promise((r) => setTimeout(r, 10));
  assert.is(files().length, count, `files in the upload directory: ${files().join(", ")}`);
}
