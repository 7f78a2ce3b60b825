// What a stateful component's socket runs on: the owning view's timers, messages and pubsub,
// and its own async work, which the view delivers back to it. Methods on a class rather than
// closures made for each instance: a page mounts every component it shows, and its HTTP render
// is thrown away right after.
import { AsyncTasks, type AsyncOutcome, type AsyncTask } from "./async.ts";
import type { ComponentAsyncHost } from "./component-host.ts";
import type { SocketRuntime, TimerRef, ViewHost } from "./socket.ts";

/** A component socket's runtime: everything but its stream refs goes to the view's runtime. */
export class ComponentRuntime implements SocketRuntime<unknown> {
  #streams = 0;

  constructor(
    private readonly parent: SocketRuntime<unknown>,
    private readonly cid: number,
  ) {}

  get connected(): boolean {
    return this.parent.connected;
  }
  get id(): string {
    return this.parent.id;
  }
  send(message: unknown): void {
    this.parent.send(message);
  }
  sendAfter(message: unknown, ms: number): TimerRef {
    return this.parent.sendAfter(message, ms);
  }
  setInterval(message: unknown, ms: number): TimerRef {
    return this.parent.setInterval(message, ms);
  }
  cancelTimer(ref: TimerRef): void {
    this.parent.cancelTimer(ref);
  }
  subscribe(topic: string): void {
    this.parent.subscribe(topic);
  }
  unsubscribe(topic: string): void {
    this.parent.unsubscribe(topic);
  }
  broadcast(topic: string, message: unknown): void {
    this.parent.broadcast(topic, message);
  }
  /** Per component, so that two components' streams never share a ref. */
  nextStreamRef(): string {
    return `${this.cid}-${this.#streams++}`;
  }
}

/** The instance a host serves: its async work is created with the first task it starts. */
export interface AsyncInstance {
  readonly cid: number;
  tasks: AsyncTasks | null;
}

/** Where the owning view is found when async work finishes (it may run outside a view). */
export interface AsyncOwnerRef {
  readonly asyncHost: ComponentAsyncHost | null;
}

/** A component socket's host: its own async work, whose results the view delivers to it. */
export class ComponentTaskHost implements ViewHost {
  readonly connectParams = null;

  constructor(
    private readonly owners: AsyncOwnerRef,
    private readonly instance: AsyncInstance,
    private readonly runtime: SocketRuntime<unknown>,
    /** For the error of async work started outside a running view. */
    private readonly name: string,
  ) {}

  tasks(): AsyncTasks {
    const instance = this.instance;
    if (instance.tasks) return instance.tasks;
    const runtime = this.runtime;
    return (instance.tasks = new AsyncTasks({
      get connected() {
        return runtime.connected;
      },
      asyncDone: (task, outcome) => this.asyncDone(task, outcome),
    }));
  }

  asyncDone(task: AsyncTask, outcome: AsyncOutcome, cancelled = false): void {
    const owner = this.owners.asyncHost;
    if (!owner) throw new Error(`livehtml: component ${this.name} runs async work outside a running view`);
    owner.componentAsyncDone(this.instance.cid, this.instance.tasks!, task, outcome, cancelled);
  }

  staticChanged(): boolean {
    return this.owners.asyncHost?.staticChanged() ?? false;
  }
}
