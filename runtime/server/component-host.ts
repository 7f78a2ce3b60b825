// Keeps the stateful components of one view (cid → state) and renders them on the diff
// engine's request (`ComponentHost.renderComponent`). A component is mounted the first time
// its cid appears, `update`d on every parent render that includes it, and re-rendered only
// when its own assigns changed (PROTOCOL.md §3.5).
import type { ComponentRef, Rendered } from "../shared/rendered.ts";
import { componentName, isComponentDefinition, type ComponentDefinition, type ComponentOwnAssigns } from "./component.ts";
import { describeComponent } from "./describe.ts";
import type { Effects } from "./effects.ts";
import type { ComponentUpdates } from "./send-update.ts";
import { LiveSocket, SocketState, type SocketRuntime } from "./socket.ts";
import type { StreamValue } from "./stream.ts";
import type { RenderAssigns, Template } from "./view.ts";

type ComponentAssigns = Record<string, unknown> & ComponentOwnAssigns;
/** A component's template; a compiled one carries its HTML renderer. */
type CompiledComponent = Template<ComponentAssigns>;

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
  /** The owning view, given to each component's socket for `sendUpdate`. */
  updates: ComponentUpdates | null = null;

  constructor(
    private readonly effects: Effects,
    /** The owning view's socket runtime (timers and messages go to the view). */
    private readonly viewRuntime: SocketRuntime<unknown>,
    private readonly viewState: SocketState,
  ) {}

  /** Called by the diff engine: the component's tree, or `null` when nothing changed. */
  renderComponent(cid: number, ref: ComponentRef, isNew: boolean, force: boolean): Rendered | null {
    const instance = this.#prepare(cid, ref, isNew);
    // New, or revived after the client dropped it: it needs its whole tree.
    if (isNew || force) instance.state.changed = null;
    return this.#render(instance);
  }

  /**
   * The HTTP render's counterpart of `renderComponent` for a new cid: mounts the component,
   * hands it the parent's assigns and returns its HTML (runtime/server/component-html.ts).
   */
  renderHtml(cid: number, ref: ComponentRef): string {
    const instance = this.#prepare(cid, ref, true);
    const template = (instance.definition.render ?? instance.definition.template)! as CompiledComponent;
    const assigns = instance.state.assigns as RenderAssigns<ComponentAssigns>;
    let html: string;
    if (typeof template.html === "function") {
      if (!rootOf(template, assigns)) throw notRooted(instance);
      html = template.html(assigns);
    } else {
      const rendered = template({ ...assigns, __changed__: null });
      if (rendered.root !== true) throw notRooted(instance);
      html = rendered.html();
    }
    // After the render: clearing also drops the streams' pending inserts, which it shows.
    instance.state.clearChanged();
    return html;
  }

  /** The instance of `cid`, created and mounted when new, with the assigns its parent passed. */
  #prepare(cid: number, ref: ComponentRef, isNew: boolean): Instance {
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
    return instance;
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

  /** The cid of the rendered component `(definition, id)`, or null. */
  find(definition: unknown, id: string): number | null {
    if (this.#instances) for (const instance of this.#instances.values()) if (instance.definition === definition && instance.socket.assigns.id === id) return instance.cid;
    return null;
  }

  /** `sendUpdate`: the component's `update` (or assign) with these assigns, as a parent render would. */
  update(cid: number, assigns: Readonly<Record<string, unknown>>): void {
    const instance = this.#instances?.get(cid);
    if (!instance) return;
    if (instance.definition.update) instance.definition.update(assigns, instance.socket);
    else instance.socket.assign(assigns);
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
    socket.updates = this.updates;
    const instance: Instance = { cid, definition, state, socket, lastAssigns: null };
    (this.#instances ??= new Map()).set(cid, instance);
    return instance;
  }
}

/**
 * Whether a compiled template renders one static root tag. Its outermost node's statics never
 * change, so the answer is asked of its tree once (building a node computes no slot).
 */
const rootedTemplates = new WeakMap<object, boolean>();
function rootOf(template: CompiledComponent, assigns: RenderAssigns<ComponentAssigns>): boolean {
  let rooted = rootedTemplates.get(template);
  if (rooted === undefined) rootedTemplates.set(template, (rooted = template(assigns).root === true));
  return rooted;
}

function notRooted(instance: Instance): Error {
  // The diff engine's words for the same mistake, so both renders report it alike.
  return new Error(`component ${describeComponent(instance.definition)} with id ${JSON.stringify(instance.state.assigns.id)} must have a single static HTML tag at the root`);
}

function snapshotStreams(streams: ReadonlyMap<string, StreamValue<unknown>>): Record<string, StreamValue<unknown>> {
  const out: Record<string, StreamValue<unknown>> = {};
  for (const [name, stream] of streams) out[name] = stream.snapshot();
  return out;
}
