// Side effects a callback asks for besides assigns: pushed events, navigation, a reply.
// They are collected during the callback and turned into wire output after it returns
// (PROTOCOL.md §4.5/§4.6: a redirect caused by an event goes in the reply, otherwise it is pushed).

export type Navigation =
  | { readonly kind: "patch"; readonly to: string; readonly replace: boolean }
  | { readonly kind: "navigate"; readonly to: string; readonly replace: boolean }
  | { readonly kind: "redirect"; readonly to: string; readonly external: boolean };

export type PushedEvent = readonly [name: string, payload: unknown] | readonly [name: string, payload: unknown, before: true];

/** What `takeEvents` returns when nothing was pushed (most callbacks): nothing to allocate. */
const NO_EVENTS: readonly PushedEvent[] = Object.freeze([]);

export class Effects {
  #events: PushedEvent[] | null = null;
  navigation: Navigation | null = null;

  /** Events pushed since the last `takeEvents`. */
  get events(): readonly PushedEvent[] {
    return this.#events ?? NO_EVENTS;
  }

  pushEvent(name: string, payload: unknown, dispatch: "before" | "after" = "after"): void {
    (this.#events ??= []).push(dispatch === "before" ? [name, payload, true] : [name, payload]);
  }

  navigate(nav: Navigation): void {
    // One redirect per callback, as LiveView enforces ("socket already prepared to redirect").
    if (this.navigation) {
      throw new Error(`livehtml: socket already prepared to ${this.navigation.kind} to ${this.navigation.to}; cannot also ${nav.kind} to ${nav.to}`);
    }
    this.navigation = nav;
  }

  takeEvents(): readonly PushedEvent[] {
    const events = this.#events ?? NO_EVENTS;
    this.#events = null;
    return events;
  }

  takeNavigation(): Navigation | null {
    const nav = this.navigation;
    this.navigation = null;
    return nav;
  }
}
