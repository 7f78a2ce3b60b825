// The messaging side of one running view, as its socket sees it (`SocketRuntime`): `send`,
// timers, pubsub subscriptions and stream refs, all delivered to the view's handleInfo.
//
// A class on purpose: a connected view lives as long as its browser tab, so what it holds is
// paid per connection. Methods sit on the prototype (an object literal of arrows would cost
// one closure per method per view, each with its own name property under tsx), and the maps
// are created on first use (most views never subscribe).
import type { PubSub, Unsubscribe } from "./pubsub.ts";
import type { SocketRuntime, TimerRef } from "./socket.ts";

/** The running view these messages go to. */
export interface MessageTarget {
  readonly id: string;
  readonly connected: boolean;
  readonly alive: boolean;
  info(message: unknown): Promise<unknown>;
}

export class ViewMessages implements SocketRuntime<unknown> {
  #timers: Map<number, NodeJS.Timeout> | null = null;
  #nextTimer = 1;
  #subscriptions: Map<string, Unsubscribe> | null = null;
  /** A subscription was made since `subscribed()` last waited. */
  #unconfirmed = false;
  #streamRefs = 0;

  constructor(
    private readonly target: MessageTarget,
    private readonly pubsub: PubSub,
  ) {}

  get connected(): boolean {
    return this.target.connected;
  }
  get id(): string {
    return this.target.id;
  }

  /** Hands a message to handleInfo, unless the view has ended. */
  deliver(message: unknown): void {
    if (this.target.alive) void this.target.info(message);
  }

  send(message: unknown): void {
    queueMicrotask(() => this.deliver(message));
  }

  sendAfter(message: unknown, ms: number): TimerRef {
    const id = this.#nextTimer++;
    // Timer arguments instead of a closure: the Timeout keeps them, nothing else is allocated.
    this.#timersMap().set(id, setTimeout(ViewMessages.#fireOnce, ms, this, id, message));
    return { timer: id };
  }

  setInterval(message: unknown, ms: number): TimerRef {
    const id = this.#nextTimer++;
    this.#timersMap().set(id, setInterval(ViewMessages.#fire, ms, this, message) as unknown as NodeJS.Timeout);
    return { timer: id };
  }

  cancelTimer(ref: TimerRef): void {
    const timer = this.#timers?.get(ref.timer);
    if (timer) clearTimeout(timer), clearInterval(timer);
    this.#timers?.delete(ref.timer);
  }

  subscribe(topic: string): void {
    const subscriptions = (this.#subscriptions ??= new Map());
    if (subscriptions.has(topic)) return;
    subscriptions.set(topic, this.pubsub.subscribe(topic, (message) => this.deliver(message)));
    this.#unconfirmed = true;
  }

  /**
   * Waits until this view's subscriptions receive other processes' broadcasts (`PubSub.ready`),
   * at most `timeoutMs`: an adapter whose backend is away must not hold the join for long (its
   * subscriptions take effect when it is back). Immediate when nothing was subscribed.
   */
  async subscribed(timeoutMs: number): Promise<void> {
    if (!this.#unconfirmed || !this.pubsub.ready) return;
    this.#unconfirmed = false;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    try {
      await Promise.race([this.pubsub.ready(), waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  unsubscribe(topic: string): void {
    this.#subscriptions?.get(topic)?.();
    this.#subscriptions?.delete(topic);
  }

  broadcast(topic: string, message: unknown): void {
    this.pubsub.broadcast(topic, message);
  }

  nextStreamRef(): string {
    return String(this.#streamRefs++);
  }

  /** Stops every timer and subscription (the view ended). */
  clear(): void {
    if (this.#timers) {
      for (const timer of this.#timers.values()) clearTimeout(timer);
      this.#timers = null;
    }
    if (this.#subscriptions) {
      for (const unsubscribe of this.#subscriptions.values()) unsubscribe();
      this.#subscriptions = null;
    }
  }

  #timersMap(): Map<number, NodeJS.Timeout> {
    return (this.#timers ??= new Map());
  }

  static #fireOnce(this: void, messages: ViewMessages, id: number, message: unknown): void {
    messages.#timers?.delete(id);
    messages.deliver(message);
  }

  static #fire(this: void, messages: ViewMessages, message: unknown): void {
    messages.deliver(message);
  }
}
