// Stateful components: `liveComponent({ mount, update, render, handleEvent })`, placed in a
// template through a `ComponentRef`. Each has its own assigns and change tracking; its diffs go
// under the wire key `c`, keyed by cid, and `phx-target={@myself}` routes events to it.
//
// Component callbacks that run during a render (`mount`, `update`, `render`) are synchronous
// because the diff engine asks for a component's tree in the middle of rendering its parent.
import type { ComponentRef, Rendered } from "../shared/rendered.ts";
import type { AsyncOutcome } from "./async.ts";
import type { Params } from "./params.ts";
import type { ViewSocket } from "./socket.ts";
import type { EventResult, Template } from "./view.ts";

/** Assigns every component has: its cid, which renders as the integer `phx-target` expects. */
export interface ComponentOwnAssigns {
  readonly myself: number;
  readonly id: string;
}

export interface ComponentCallbacks<A> {
  name?: string;
  mount?(socket: ViewSocket<A & ComponentOwnAssigns>): void;
  /** Receives the assigns the parent passed; the default assigns them all. */
  update?(assigns: Readonly<Partial<A>>, socket: ViewSocket<A & ComponentOwnAssigns>): void;
  /**
   * Replaces `update` with one call per render for every instance of this component that render
   * gives assigns to (each mounted first), so that they can load what they need in one batch
   * (LiveView's `update_many`). A `sendUpdate` calls it with its one instance.
   */
  updateMany?(entries: ReadonlyArray<ComponentUpdateEntry<A>>): void;
  render?: Template<A & ComponentOwnAssigns>;
  template?: Template<A & ComponentOwnAssigns>;
  handleEvent?(event: string, value: Params, socket: ViewSocket<A & ComponentOwnAssigns>): EventResult | Promise<EventResult>;
  /** The outcome of the component's own `socket.startAsync(name, fn)`. */
  handleAsync?(name: string, outcome: AsyncOutcome, socket: ViewSocket<A & ComponentOwnAssigns>): void | Promise<void>;
}

/** One instance in an `updateMany` call: the assigns its parent passed, and its socket. */
export interface ComponentUpdateEntry<A> {
  readonly assigns: Readonly<Partial<A>>;
  readonly socket: ViewSocket<A & ComponentOwnAssigns>;
}

export interface ComponentDefinition<A = Record<string, unknown>> extends ComponentCallbacks<A> {
  readonly kind: "live-component";
}

export function liveComponent<A extends object>(callbacks: ComponentCallbacks<A>): ComponentDefinition<A> {
  if (!callbacks.render && !callbacks.template) {
    throw new Error(`livehtml: component ${callbacks.name ?? "(unnamed)"} needs a \`render\` function or a compiled \`template\``);
  }
  return { ...callbacks, kind: "live-component" };
}

/**
 * Places component `definition` with identity `id` in a template slot: `{componentRef(Counter, "a", { label: @label })}`.
 * The diff engine resolves the reference to a cid, which is what travels in the slot.
 */
export function componentRef<A extends object>(definition: ComponentDefinition<A>, id: string, assigns: Partial<A> = {}): ComponentRef {
  return { kind: "component", component: definition, id, assigns: assigns as Readonly<Record<string, unknown>> };
}

export function isComponentDefinition(value: unknown): value is ComponentDefinition<Record<string, unknown>> {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "live-component";
}

export function componentName(def: ComponentDefinition<Record<string, unknown>>): string {
  return def.name ?? "anonymous component";
}
