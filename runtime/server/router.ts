// Live routes: `live("/thermostat/:id", ThermostatView)` and matching a path to a view with
// its path parameters.
import type { Params } from "./params.ts";
import type { AnyView } from "./view.ts";

export interface LiveRoute {
  readonly path: string;
  readonly view: AnyView;
  readonly segments: readonly string[];
}

export function live(path: string, view: AnyView): LiveRoute {
  if (!path.startsWith("/")) throw new Error(`livehtml: route path "${path}" must start with "/"`);
  if (!view || view.kind !== "view") throw new Error(`livehtml: route "${path}" needs a view made with defineView(...)`);
  return { path, view, segments: splitPath(path) };
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

export interface RouteMatch {
  readonly route: LiveRoute;
  /** Path parameters (`:id`), decoded. */
  readonly params: Record<string, string>;
}

export function matchRoute(routes: readonly LiveRoute[], pathname: string): RouteMatch | null {
  const parts = splitPath(pathname);
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = route.segments[i]!;
      let part: string;
      try {
        part = decodeURIComponent(parts[i]!);
      } catch {
        ok = false;
        break;
      }
      if (seg.startsWith(":")) params[seg.slice(1)] = part;
      else ok = seg === part;
    }
    if (ok) return { route, params };
  }
  return null;
}

/** Route params as a view's mount/handleParams see them: query string, then path params on top. */
export function routeParams(match: RouteMatch, query: Params): Params {
  // Null prototype, like decoded params: no key of the client's reaches Object.prototype.
  return Object.assign(Object.create(null) as Params, query, match.params);
}

/** Gives each view a stable key for the signed session (the token names the view to mount). */
export class ViewRegistry {
  readonly #byView = new Map<AnyView, string>();
  readonly #byKey = new Map<string, AnyView>();

  keyOf(view: AnyView): string {
    let key = this.#byView.get(view);
    if (key === undefined) {
      const base = (view.name ?? "view").replace(/[^\w.-]/g, "_");
      key = this.#byKey.has(base) ? `${base}~${this.#byKey.size}` : base;
      this.#byView.set(view, key);
      this.#byKey.set(key, view);
    }
    return key;
  }

  get(key: unknown): AnyView | undefined {
    return typeof key === "string" ? this.#byKey.get(key) : undefined;
  }
}
