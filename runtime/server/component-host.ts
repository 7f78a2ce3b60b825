// Keeps the stateful components of one view (cid → state) and renders them on the diff
// engine's request (`ComponentHost.renderComponent`). A component is mounted the first time
// its cid appears, `update`d on every parent render that includes it, and re-rendered only
// when its own assigns changed (PROTOCOL.md §3.5).
import type { ComponentRef, Rendered } from "../shared/rendered.ts";
import type { AsyncOutcome, AsyncTask, AsyncTasks } from "./async.ts";
import { componentName, isComponentDefinition, type ComponentDefinition, type ComponentOwnAssigns } from "./component.ts";
import { ComponentRuntime, ComponentTaskHost } from "./component-runtime.ts";
import { describeComponent } from "./describe.ts";
import type { Effects } from "./effects.ts";
import type { ComponentUpdates } from "./send-update.ts";
import { LiveSocket, SocketState, type SocketRuntime } from "./socket.ts";
import type { StreamValue } from "./stream.ts";
import type { RenderAssigns, Template } from "./view.ts";
import type { ViewUploads } from "./uploads/view-uploads.ts";

type ComponentAssigns = Record<string, unknown> & ComponentOwnAssigns;
/** A component's template; a compiled one carries its HTML renderer. */
type CompiledComponent = Template<ComponentAssigns>;

interface Instance {
  readonly cid: number;
  readonly definition: ComponentDefinition<Record<string, unknown>>;
  readonly state: SocketState;
  readonly socket: LiveSocket<ComponentAssigns>;
  lastAssigns: Readonly<Record<string, unknown>> | null;
  /** The component's own async work, created with the first (most components have none). */
  tasks: AsyncTasks | null;
}

/** The owning view, which runs a component's finished async work in its mailbox. */
export interface ComponentAsyncHost {
  componentAsyncDone(cid: number, tasks: AsyncTasks, task: AsyncTask, outcome: AsyncOutcome, cancelled: boolean): void;
  staticChanged(): boolean;
}

export class ComponentInstances {
  /** Created with the first component: most views have none, and each view pays for an empty map. */
  #instances: Map<number, Instance> | null = null;
  /** The owning view, given to each component's socket for `sendUpdate`. */
  updates: ComponentUpdates | null = null;
  /** The owning view's uploads, which components' uploads join (under their cid). */
  uploads: (() => ViewUploads) | null = null;
  /** The owning view, for the components' async work. */
  asyncHost: ComponentAsyncHost | null = null;
  /**
   * Instances already mounted and updated for this round by `prepareComponents` (updateMany).
   * Made with the first such component: every view (every GET) has a ComponentInstances.
   */
  #prepared: Set<number> | null = null;

  constructor(
    private readonly effects: Effects,
    /** The owning view's socket runtime (timers and messages go to the view). */
    private readonly viewRuntime: SocketRuntime<unknown>,
    private readonly viewState: SocketState,
  ) {}

  /** Called by the diff engine: the component's tree, or `null` when nothing changed. */
  renderComponent(cid: number, ref: ComponentRef, isNew: boolean, force: boolean): Rendered | null {
    const instance = this.#prepared?.delete(cid) ? this.#instances!.get(cid)! : this.#prepare(cid, ref, isNew);
    // New, or revived after the client dropped it: it needs its whole tree.
    if (isNew || force) instance.state.changed = null;
    return this.#render(instance);
  }

  /**
   * The HTTP render's counterpart of `renderComponent` for a new cid: mounts the component,
   * hands it the parent's assigns and returns its HTML (runtime/server/component-html.ts).
   */
  renderHtml(cid: number, ref: ComponentRef): string {
    const instance = this.#prepared?.delete(cid) ? this.#instances!.get(cid)! : this.#prepare(cid, ref, true);
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
    const instance = this.#mounted(cid, ref, isNew);
    // The parent re-rendered the component's slot: pass it the assigns it gave.
    if (isNew || instance.lastAssigns !== ref.assigns) {
      instance.lastAssigns = ref.assigns;
      this.#update(instance, ref.assigns);
    }
    return instance;
  }

  /** The instance of `cid`, created and mounted when new (or when its definition changed). */
  #mounted(cid: number, ref: ComponentRef, isNew: boolean): Instance {
    const definition = ref.component;
    if (!isComponentDefinition(definition)) {
      throw new Error(`livehtml: component id "${ref.id}" was given something that is not a liveComponent(...) definition`);
    }
    let instance = this.#instances?.get(cid);
    if (isNew || !instance || instance.definition !== definition) {
      instance?.tasks?.clear();
      instance = this.#create(cid, definition, ref.id);
      definition.mount?.(instance.socket);
    }
    return instance;
  }

  #update(instance: Instance, assigns: Readonly<Record<string, unknown>>): void {
    const definition = instance.definition;
    if (definition.updateMany) definition.updateMany([{ assigns, socket: instance.socket }]);
    else if (definition.update) definition.update(assigns, instance.socket);
    else instance.socket.assign(assigns);
  }

  /**
   * Before a round of components renders: the instances of components with `updateMany` are
   * mounted, then each such component gets one `updateMany` call with all of its instances
   * whose assigns changed. The others are prepared one by one as they render.
   */
  prepareComponents(batch: ReadonlyArray<{ readonly cid: number; readonly ref: ComponentRef; readonly isNew: boolean }>): void {
    let groups: Map<ComponentDefinition<Record<string, unknown>>, Instance[]> | null = null;
    for (const { cid, ref, isNew } of batch) {
      const definition = ref.component as ComponentDefinition<Record<string, unknown>>;
      if (!isComponentDefinition(definition) || !definition.updateMany) continue;
      const instance = this.#mounted(cid, ref, isNew);
      (this.#prepared ??= new Set()).add(cid);
      if (!isNew && instance.lastAssigns === ref.assigns) continue;
      instance.lastAssigns = ref.assigns;
      groups ??= new Map();
      const group = groups.get(definition);
      if (group) group.push(instance);
      else groups.set(definition, [instance]);
    }
    if (groups) for (const [definition, instances] of groups) definition.updateMany!(instances.map((i) => ({ assigns: i.lastAssigns!, socket: i.socket })));
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
    return cids.filter((cid) => {
      // A removed component's running work is aborted; results that still arrive are dropped.
      this.#instances?.get(cid)?.tasks?.clear();
      return this.#instances?.delete(cid) ?? false;
    });
  }

  clear(): void {
    if (this.#instances) for (const instance of this.#instances.values()) instance.tasks?.clear();
    this.#instances = null;
    this.#prepared = null;
  }

  /** Whether any component has async work running. */
  get asyncRunning(): boolean {
    if (this.#instances) for (const instance of this.#instances.values()) if (instance.tasks?.running) return true;
    return false;
  }

  /** Resolves once the components' async work running now has settled. */
  async asyncIdle(): Promise<void> {
    if (this.#instances) await Promise.all([...this.#instances.values()].map((i) => i.tasks?.idle()));
  }

  /** The cid of the rendered component `(definition, id)`, or null. */
  find(definition: unknown, id: string): number | null {
    if (this.#instances) for (const instance of this.#instances.values()) if (instance.definition === definition && instance.socket.assigns.id === id) return instance.cid;
    return null;
  }

  /** `sendUpdate`: the component's `update` (or assign) with these assigns, as a parent render would. */
  update(cid: number, assigns: Readonly<Record<string, unknown>>): void {
    const instance = this.#instances?.get(cid);
    if (instance) this.#update(instance, assigns);
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
    const runtime = new ComponentRuntime(this.viewRuntime, cid);
    const socket = new LiveSocket<ComponentAssigns>(state, this.effects, runtime, this.viewState);
    socket.updates = this.updates;
    const uploads = this.uploads;
    if (uploads) socket.uploadHost = { uploads, cid };
    const instance: Instance = { cid, definition, state, socket, lastAssigns: null, tasks: null };
    socket.host = new ComponentTaskHost(this, instance, runtime, componentName(definition));
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
