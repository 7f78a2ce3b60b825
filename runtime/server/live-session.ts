// `liveSession(name, { onMount, layout, rootLayout, session }, routes)`: a group of live routes
// that share how they are entered (LiveView's `live_session`). Hooks run before every mount of
// the group's views, on the HTTP render and on the connected mount, and may halt it with a
// redirect (authentication). Live navigation stays inside one group: the server refuses a live
// navigation into another group and the client loads that page over HTTP instead, so its
// hooks and its request's session run again.
import type { IncomingMessage } from "node:http";
import type { Layout } from "./context.ts";
import type { Params } from "./params.ts";
import type { LiveRoute } from "./router.ts";
import type { ViewSocket } from "./socket.ts";
import type { Session, Template } from "./view.ts";

type MaybePromise<T> = T | Promise<T>;

/**
 * Runs before a view's `mount`. Return `"halt"` to stop the mount; a halting hook must have
 * redirected (`socket.redirect` / `pushNavigate`), as there would be nothing to show.
 */
// `any` for the assigns: one hook serves views of every shape (it assigns what they share).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OnMountHook = (params: Params, session: Session, socket: ViewSocket<any>) => MaybePromise<void | "cont" | "halt">;

/**
 * A layout rendered inside the view's container around the view, on every render: it sees the
 * view's assigns plus `inner_content` (the view's own render, placed with `{@inner_content}`).
 */
// `any`: the layout reads the assigns its views have in common, whatever else they hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ViewLayout = Template<any>;

export interface LiveSessionOptions {
  onMount?: OnMountHook | readonly OnMountHook[];
  /** Wraps each view of the session, inside its container. */
  layout?: ViewLayout;
  /** The HTML document of the session's pages (replaces the server's `layout`). */
  rootLayout?: Layout;
  /** Extra session values for these routes, merged over the server's `session`, signed into the page. */
  session?: Readonly<Record<string, unknown>> | ((request: IncomingMessage) => Record<string, unknown>);
}

export interface LiveSessionInfo {
  readonly name: string;
  readonly onMount: readonly OnMountHook[];
  readonly layout: ViewLayout | undefined;
  readonly rootLayout: Layout | undefined;
  readonly session: LiveSessionOptions["session"];
}

export function liveSession(name: string, options: LiveSessionOptions, routes: readonly LiveRoute[]): LiveRoute[] {
  if (typeof name !== "string" || name === "") throw new Error("livehtml: liveSession needs a non-empty name");
  const onMount = options.onMount === undefined ? [] : typeof options.onMount === "function" ? [options.onMount] : [...options.onMount];
  for (const hook of onMount) {
    if (typeof hook !== "function") throw new Error(`livehtml: liveSession "${name}": onMount hooks must be functions`);
  }
  const info: LiveSessionInfo = { name, onMount, layout: options.layout, rootLayout: options.rootLayout, session: options.session };
  return routes.map((route) => {
    if (route.liveSession) {
      throw new Error(`livehtml: route "${route.path}" is in live session "${route.liveSession.name}" already; live sessions cannot be nested`);
    }
    return { ...route, liveSession: info };
  });
}

/** The name live navigation compares: routes outside any liveSession share one unnamed group. */
export function sessionName(route: LiveRoute): string | null {
  return route.liveSession?.name ?? null;
}

/** The session a page of `route` signs: the server's, then the live session's values over it. */
export function routeSession(route: LiveRoute, base: Record<string, unknown>, request: IncomingMessage): Record<string, unknown> {
  const extra = route.liveSession?.session;
  if (extra === undefined) return base;
  return { ...base, ...(typeof extra === "function" ? extra(request) : extra) };
}

/** One table of routes; two different live sessions with one name are a mistake. */
export function checkRoutes(routes: readonly LiveRoute[]): void {
  const byName = new Map<string, LiveSessionInfo>();
  for (const route of routes) {
    const info = route.liveSession;
    if (!info) continue;
    const known = byName.get(info.name);
    if (known && known !== info) throw new Error(`livehtml: two live sessions are named "${info.name}"; give each its own name`);
    byName.set(info.name, info);
  }
}
