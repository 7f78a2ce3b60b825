// The typed view API: `defineView<Assigns>({ mount, render, handleEvent, handleInfo, handleParams, terminate })`.
//
// A view's `render` returns a `Rendered` (what compiled templates produce); a view compiled
// from a sibling `name.live.html` passes that function as `template` instead.
import type { Changed } from "../shared/rendered.ts";
import type { Template as SharedTemplate } from "../shared/template.ts";
import type { AsyncOutcome } from "./async.ts";
import type { OnMountHook } from "./live-session.ts";
import type { Params } from "./params.ts";
import type { ViewSocket } from "./socket.ts";
import type { StreamValue } from "./stream.ts";
import type { UploadConfig } from "./uploads/config.ts";

export type Flash = Readonly<Record<string, string>>;

/** What a template sees: the view's assigns plus the runtime-managed ones. */
export type RenderAssigns<A> = Readonly<A> & {
  readonly __changed__: Changed;
  readonly flash: Flash;
  readonly streams: Readonly<Record<string, StreamValue<unknown>>>;
  readonly pageTitle?: string;
  /** The uploads `socket.allowUpload` allowed, by name. */
  readonly uploads?: Readonly<Record<string, UploadConfig>>;
};

/** A view's template (`render`, or a compiled `template`): shared/template.ts's one type, over the render assigns. */
export type Template<A> = SharedTemplate<RenderAssigns<A>>;

/** Session values signed into the page (`data-phx-session`). */
export type Session = Readonly<Record<string, unknown>>;

/** What an event handler may return: `{ reply }` becomes the wire `r` of the reply. */
export type EventResult = void | { reply?: Readonly<Record<string, unknown>> };

type MaybePromise<T> = T | Promise<T>;

export interface ViewCallbacks<A, Info = unknown> {
  /** Name used in logs; defaults to the key it is registered under or "anonymous view". */
  name?: string;
  /** Hooks run before `mount` (after those of the route's live session); see `liveSession`. */
  onMount?: OnMountHook | readonly OnMountHook[];
  mount?(params: Params, session: Session, socket: ViewSocket<A, Info>): MaybePromise<void>;
  render?: Template<A>;
  /** A compiled sibling template, used when there is no `render`. */
  template?: Template<A>;
  handleEvent?(event: string, value: Params, socket: ViewSocket<A, Info>): MaybePromise<EventResult>;
  handleInfo?(message: Info, socket: ViewSocket<A, Info>): MaybePromise<void>;
  handleParams?(params: Params, url: URL, socket: ViewSocket<A, Info>): MaybePromise<void>;
  /** The outcome of `socket.startAsync(name, fn)`. */
  handleAsync?(name: string, outcome: AsyncOutcome, socket: ViewSocket<A, Info>): MaybePromise<void>;
  terminate?(reason: string, socket: ViewSocket<A, Info>): void;
  /**
   * Assigns reset to these values after every render, without counting as a change (LiveView's
   * `temporary_assigns`): what was sent is not kept in server memory.
   */
  temporaryAssigns?: Partial<A>;
}

export interface ViewDefinition<A = Record<string, unknown>, Info = unknown> extends ViewCallbacks<A, Info> {
  readonly kind: "view";
}

export function defineView<A extends object, Info = unknown>(callbacks: ViewCallbacks<A, Info>): ViewDefinition<A, Info> {
  if (!callbacks.render && !callbacks.template) {
    throw new Error(`livehtml: view ${callbacks.name ?? "(unnamed)"} needs a \`render\` function or a compiled \`template\``);
  }
  return { ...callbacks, kind: "view" };
}

/** Any view, whatever its assigns (the router and server do not look inside them). */
// `any` here erases the assigns type so views of different shapes fit one table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyView = ViewDefinition<any, any>;

export function viewName(view: AnyView): string {
  return view.name ?? "anonymous view";
}

export function templateOf<A>(view: ViewDefinition<A, unknown>): Template<A> {
  return (view.render ?? view.template)!;
}
