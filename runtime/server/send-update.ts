// `sendUpdate(Component, id, assigns)`: a view or component hands new assigns to a stateful
// component of the same view (LiveView's `send_update`). The update is queued like a message:
// it runs after the current callback, calls the component's `update` (or assigns), and sends
// only that component's diff. `sendUpdateAfter` does the same after a delay, on a timer that
// ends with the view.
import type { ComponentDefinition } from "./component.ts";
import type { TimerRef } from "./socket.ts";

/** The queued update, delivered through the view's mailbox. */
export class ComponentUpdate {
  constructor(
    readonly component: ComponentDefinition<Record<string, unknown>>,
    readonly id: string,
    readonly assigns: Readonly<Record<string, unknown>>,
  ) {}
}

/** What a socket needs to send updates: the owning view. */
export interface ComponentUpdates {
  sendUpdate(update: ComponentUpdate): void;
  sendUpdateAfter(update: ComponentUpdate, ms: number): TimerRef;
}
