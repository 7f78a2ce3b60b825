// Publish/subscribe between views (and anything else on the server). The in-memory adapter
// serves one process; another adapter (e.g. Redis) implements the same two methods.

export type Unsubscribe = () => void;

export interface PubSub {
  subscribe(topic: string, listener: (message: unknown) => void): Unsubscribe;
  broadcast(topic: string, message: unknown): void;
  /**
   * Resolves when the subscriptions made so far receive other processes' broadcasts. Optional:
   * an adapter whose subscriptions take effect at once (the in-memory one) has none. A view's
   * connected mount waits for it (bounded) before its join is answered, so a broadcast sent once
   * the page is live is not missed.
   */
  ready?(): Promise<void>;
}

export class MemoryPubSub implements PubSub {
  readonly #topics = new Map<string, Set<(message: unknown) => void>>();

  subscribe(topic: string, listener: (message: unknown) => void): Unsubscribe {
    let listeners = this.#topics.get(topic);
    if (!listeners) this.#topics.set(topic, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#topics.delete(topic);
    };
  }

  broadcast(topic: string, message: unknown): void {
    // Copy first: a listener may unsubscribe (or subscribe others) while we deliver.
    for (const listener of [...(this.#topics.get(topic) ?? [])]) {
      try {
        listener(message);
      } catch (error) {
        // One faulty subscriber must not stop delivery to the others.
        console.error(`livehtml: a subscriber of "${topic}" threw:`, error);
      }
    }
  }

  subscriberCount(topic: string): number {
    return this.#topics.get(topic)?.size ?? 0;
  }
}
