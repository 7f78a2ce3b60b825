// Resume instead of remount. A view whose client asks for it (the join carries `resume`) numbers
// the diffs it sends and keeps the last ones (`DiffLog`). When its socket drops, the view does
// not end: it waits in the `ResumeStore` for the retention window, still running (pubsub,
// timers), with every diff it makes kept. A rejoin with the page's tokens, the view's resume
// token and the last sequence number the client applied gets the missing diffs replayed, and
// the view goes on where it was: no mount, no handleParams. Everything here is bounded: views
// waiting, bytes they hold, bytes per view; past a bound the longest-waiting view ends, and its
// client mounts again as it would without resume.
import { sameText } from "./constant-time.ts";
import type { Logger } from "./log.ts";

export interface ResumeOptions {
  /** How long a view outlives its dropped socket, waiting for its client. 0 turns resume off. */
  readonly windowMs: number;
  /** Views waiting at once on the server; past it the one waiting longest ends. */
  readonly maxViews: number;
  /** Bytes of diffs the waiting views hold together; past it the one waiting longest ends. */
  readonly maxBytes: number;
  /**
   * Bytes of diffs one view keeps: while connected, its latest diffs up to this (those a drop
   * may lose on the way); once waiting, a view that makes more than this ends.
   */
  readonly viewBytes: number;
}

export const DEFAULT_RESUME: ResumeOptions = {
  windowMs: 30_000,
  maxViews: 1_000,
  maxBytes: 16 * 1024 * 1024,
  viewBytes: 64 * 1024,
};

/** While connected a view keeps at most this many diffs: only the last few can be in flight. */
const CONNECTED_DIFFS = 32;

export function resolveResume(options: Partial<ResumeOptions> | false | undefined): ResumeOptions {
  if (options === false) return { ...DEFAULT_RESUME, windowMs: 0 };
  const resolved = { ...DEFAULT_RESUME, ...Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined)) } as ResumeOptions;
  for (const [name, value] of Object.entries(resolved)) {
    const ok = typeof value === "number" && value >= 0 && (name === "windowMs" || value > 0);
    if (!ok) throw new Error(`livehtml: resume.${name} must be a ${name === "windowMs" ? "non-negative" : "positive"} number (got ${String(value)})`);
  }
  return resolved;
}

/**
 * The diffs one view sent, numbered from 1 in the order sent (the join's `rendered` is not
 * counted), as the JSON text that went on the wire. Connected, it keeps the latest few; waiting
 * for its client, it keeps all of them (the store bounds them).
 */
export class DiffLog {
  /** The number of the last diff recorded; 0 before the first. */
  seq = 0;
  #diffs: string[] = [];
  /** Index in `#diffs` of the oldest diff held (dropped ones are cut off in batches). */
  #head = 0;
  #bytes = 0;
  #keepAll = false;
  /** Something the log cannot replay was sent (a navigation while waiting): no resume. */
  #broken = false;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get broken(): boolean {
    return this.#broken;
  }

  record(json: string): number {
    this.seq++;
    if (this.#broken) return this.seq;
    this.#diffs.push(json);
    this.#bytes += json.length;
    if (!this.#keepAll) {
      while (this.#head < this.#diffs.length && (this.#bytes > this.maxBytes || this.#diffs.length - this.#head > CONNECTED_DIFFS)) {
        this.#bytes -= this.#diffs[this.#head]!.length;
        this.#head++;
      }
      if (this.#head > CONNECTED_DIFFS) {
        this.#diffs = this.#diffs.slice(this.#head);
        this.#head = 0;
      }
    }
    return this.seq;
  }

  /** The diffs after `seq`, oldest first; null when some of them are no longer held (or `seq` is not one this log gave). */
  after(seq: unknown): string[] | null {
    if (this.#broken || typeof seq !== "number" || !Number.isInteger(seq)) return null;
    const first = this.seq - (this.#diffs.length - this.#head) + 1;
    if (seq < first - 1 || seq > this.seq) return null;
    return this.#diffs.slice(this.#head + (seq - first + 1));
  }

  /** Waiting for the client: every diff from now on is kept. */
  keepAll(): void {
    this.#keepAll = true;
  }

  /** Connected again: back to the latest few. */
  keepRecent(): void {
    this.#keepAll = false;
  }

  break(): void {
    this.#broken = true;
    this.#diffs = [];
    this.#head = 0;
    this.#bytes = 0;
  }
}

/** A view the store can keep: its log, its secret, and how to end it. */
export interface Resumable {
  readonly id: string;
  readonly resumeToken: string;
  /** Null for a view whose client did not ask for resume. */
  readonly log: DiffLog | null;
  /** Ends the view for good (terminate), as a closed socket ends a view without resume. */
  end(reason: string): void;
  /** Stops sending to the socket it is on (the client came back on another one). */
  detach(): void;
}

interface Waiting {
  readonly view: Resumable;
  readonly log: DiffLog;
  readonly timer: NodeJS.Timeout;
  /** The log's bytes when last counted into the store's total. */
  bytes: number;
}

/** The views waiting for their client, server-wide. */
export class ResumeStore {
  /** By resume token; a Map keeps insertion order, so the first is the one waiting longest. */
  readonly #waiting = new Map<string, Waiting>();
  /**
   * Resumable views still on a socket, by resume token. A client whose network changed
   * reconnects before the server sees its old socket die (that takes a heartbeat timeout): its
   * view is taken over from the old socket.
   */
  readonly #connected = new Map<string, Resumable>();
  #bytes = 0;
  #shutDown = false;

  constructor(
    readonly options: ResumeOptions,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.options.windowMs > 0 && !this.#shutDown;
  }

  /** Views waiting now. */
  get size(): number {
    return this.#waiting.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** A view whose client can resume it joined (or resumed) on a socket. */
  connected(view: Resumable): void {
    if (this.enabled) this.#connected.set(view.resumeToken, view);
  }

  /** The view's socket dropped: it waits for its client. False when it cannot (resume is off, or its log is broken). */
  keep(view: Resumable): boolean {
    const log = view.log;
    this.#connected.delete(view.resumeToken);
    if (!this.enabled || !log || log.broken) return false;
    log.keepAll();
    const timer = setTimeout(() => this.#end(view.resumeToken, "closed"), this.options.windowMs);
    timer.unref();
    this.#waiting.set(view.resumeToken, { view, log, timer, bytes: log.bytes });
    this.#bytes += log.bytes;
    this.#enforce();
    return true;
  }

  /** A waiting view sent another diff (or broke its log): it is counted again, and ends when over a bound. */
  grew(view: Resumable): void {
    const waiting = this.#waiting.get(view.resumeToken);
    if (!waiting || waiting.view !== view) return;
    const log = waiting.log;
    this.#bytes += log.bytes - waiting.bytes;
    waiting.bytes = log.bytes;
    if (log.broken) return this.#end(view.resumeToken, "closed");
    if (log.bytes > this.options.viewBytes) {
      this.logger.info(`resume: view ${view.id} made more than ${this.options.viewBytes} bytes of diffs while its client was away; it ends (its client will mount again)`);
      return this.#end(view.resumeToken, "closed");
    }
    this.#enforce();
  }

  /**
   * The waiting view with this id and resume token, and the diffs after `seq`, taken out of the
   * store; null when there is none (the caller mounts). A view whose diffs are no longer all
   * held ends: its client mounts a new one.
   */
  take(id: string, token: unknown, seq: unknown): { view: Resumable; replay: string[] } | null {
    if (typeof token !== "string") return null;
    const onSocket = this.#connected.get(token);
    if (onSocket) return this.#takeOver(onSocket, id, token, seq);
    const waiting = this.#waiting.get(token);
    if (!waiting || waiting.view.id !== id || !sameText(waiting.view.resumeToken, token)) return null;
    const replay = waiting.log.after(seq);
    if (!replay) {
      this.logger.info(`resume: view ${id} cannot replay from diff ${String(seq)} (it holds up to ${waiting.log.seq}); it ends and its client mounts again`);
      this.#end(token, "closed");
      return null;
    }
    this.#remove(token, waiting);
    waiting.log.keepRecent();
    return { view: waiting.view, replay };
  }

  /** The client is back on a new socket while its view is still on the old one: the view moves, if it holds what the client missed. */
  #takeOver(view: Resumable, id: string, token: string, seq: unknown): { view: Resumable; replay: string[] } | null {
    if (view.id !== id || !view.log || !sameText(view.resumeToken, token)) return null;
    this.#connected.delete(token);
    view.detach();
    const replay = view.log.after(seq);
    if (replay) return { view, replay };
    this.logger.info(`resume: view ${id} cannot replay from diff ${String(seq)} (it holds up to ${view.log.seq}); it ends and its client mounts again`);
    view.end("closed");
    return null;
  }

  /** The view ended (crash, redirect, leave, or its socket closed without it being kept). */
  forget(view: Resumable): void {
    if (this.#connected.get(view.resumeToken) === view) this.#connected.delete(view.resumeToken);
    const waiting = this.#waiting.get(view.resumeToken);
    if (waiting && waiting.view === view) this.#remove(view.resumeToken, waiting);
  }

  /** Server shutdown: every waiting view ends, and no view waits from now on. */
  shutdown(): void {
    this.#shutDown = true;
    this.#connected.clear();
    for (const token of [...this.#waiting.keys()]) this.#end(token, "shutdown");
  }

  #enforce(): void {
    while (this.#waiting.size > this.options.maxViews || this.#bytes > this.options.maxBytes) {
      const oldest = this.#waiting.keys().next().value as string;
      this.logger.info(`resume: ${this.#waiting.size} views waiting with ${this.#bytes} bytes of diffs (limits ${this.options.maxViews} views, ${this.options.maxBytes} bytes): the one waiting longest ends`);
      this.#end(oldest, "closed");
    }
  }

  #end(token: string, reason: string): void {
    const waiting = this.#waiting.get(token);
    if (!waiting) return;
    this.#remove(token, waiting);
    waiting.view.end(reason);
  }

  #remove(token: string, waiting: Waiting): void {
    clearTimeout(waiting.timer);
    this.#waiting.delete(token);
    this.#bytes -= waiting.bytes;
  }
}
