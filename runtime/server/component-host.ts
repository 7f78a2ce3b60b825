// Keeps the stateful components of one view (cid → state) and renders them on the diff
// engine's request (`ComponentHost.renderComponent`). A component is mounted the first time
// its cid appears, `update`d on every parent render that includes it, and re-rendered only
// when its own assigns changed (PROTOCOL.md §3.5).
import type { ComponentRef, Rendered } from "../shared/rendered.ts";
import { componentName, isComponentDefinition, type ComponentDefinition, type ComponentOwnAssigns } from "./component.ts";
import type { Effects } from "./effects.ts";
import { LiveSocket, SocketState, type SocketRuntime } from "./socket.ts";
import type { StreamValue } from "./stream.ts";

type ComponentAssigns = Record<string, unknown> & ComponentOwnAssigns;

interface Instance {
  readonly cid: number;
  readonly definition: ComponentDefinition<Record<string, unknown>>;
  readonly state: SocketState;
  readonly socket: LiveSocket<ComponentAssigns>;
  lastAssigns: Readonly<Record<string, unknown>> | null;
}

export class ComponentInstances {
  /** Created with the first component: most views have none, and each view pays for an empty map. */
  #instances: Map<number, Instance> | null = null;

  constructor(
    private readonly effects: Effects,
    /** The owning view's socket runtime (timers and messages go to the view). */
    private readonly viewRuntime: SocketRuntime<unknown>,
    private readonly viewState: SocketState,
  ) {}

  /** Called by the diff engine: the component's tree, or `null` when nothing changed. */
  renderComponent(cid: number, ref: ComponentRef, isNew: boolean, force: boolean): Rendered | null {
    const definition = ref.component;
    if (!isComponentDefinition(definition)) {
      throw new Error(`livehtml: component id "${ref.id}" was given something that is not a liveComponent(...) definition`);
    }
    let instance = this.#instances?.get(cid);
    if (isNew || !instance || instance.definition !== definition) {
      instance = this.#create(cid, definition, ref.id);
      definition.mount?.(instance.socket);
    }
    // The parent re-rendered the component's slot: pass it the assigns it gave.
    if (isNew || instance.lastAssigns !== ref.assigns) {
      instance.lastAssigns = ref.assigns;
      if (definition.update) definition.update(ref.assigns, instance.socket);
      else instance.socket.assign(ref.assigns);
    }
    // New, or revived after the client dropped it: it needs its whole tree.
    if (isNew || force) instance.state.changed = null;
    return this.#render(instance);
  }

  /** Re-renders a component after its own event; `null` when its assigns did not change. */
  renderDirty(cid: number): Rendered | null {
    const instance = this.#instances?.get(cid);
    return instance ? this.#render(instance) : null;
  }

  get(cid: number): Instance | undefined {
    return this.#instances?.get(cid);
  }

  has(cid: number): boolean {
    return this.#instances?.has(cid) ?? false;
  }

  delete(cids: readonly number[]): number[] {
    return cids.filter((cid) => this.#instances?.delete(cid) ?? false);
  }

  clear(): void {
    this.#instances = null;
  }

  nameOf(cid: number): string {
    const instance = this.#instances?.get(cid);
    return instance ? componentName(instance.definition) : `component ${cid}`;
  }

  #render(instance: Instance): Rendered | null {
    if (!instance.state.hasChanges()) return null;
    const template = (instance.definition.render ?? instance.definition.template)!;
    const state = instance.state;
    const assigns = { ...state.assigns, __changed__: state.changed } as Record<string, unknown>;
    // The tree is lazy and is read after `clearChanged` below: the streams it reads must keep
    // this render's operations (the change map is replaced, not emptied, so it keeps its own).
    if (state.streams.size > 0) assigns.streams = snapshotStreams(state.streams);
    const rendered = template(assigns as Parameters<typeof template>[0]);
    state.clearChanged();
    return rendered;
  }

  #create(cid: number, definition: ComponentDefinition<Record<string, unknown>>, id: string): Instance {
    const state = new SocketState({ myself: cid, id });
    let streams = 0;
    const runtime: SocketRuntime<unknown> = {
      get connected() {
        return parent.connected;
      },
      get id() {
        return parent.id;
      },
      send: (m) => parent.send(m),
      sendAfter: (m, ms) => parent.sendAfter(m, ms),
      setInterval: (m, ms) => parent.setInterval(m, ms),
      cancelTimer: (r) => parent.cancelTimer(r),
      subscribe: (t) => parent.subscribe(t),
      unsubscribe: (t) => parent.unsubscribe(t),
      broadcast: (t, m) => parent.broadcast(t, m),
      nextStreamRef: () => `${cid}-${streams++}`,
    };
    const parent = this.viewRuntime;
    const socket = new LiveSocket<ComponentAssigns>(state, this.effects, runtime, this.viewState);
    const instance: Instance = { cid, definition, state, socket, lastAssigns: null };
    (this.#instances ??= new Map()).set(cid, instance);
    return instance;
  }
}

function snapshotStreams(streams: ReadonlyMap<string, StreamValue<unknown>>): Record<string, StreamValue<unknown>> {
  const out: Record<string, StreamValue<unknown>> = {};
  for (const [name, stream] of streams) out[name] = stream.snapshot();
  return out;
}
