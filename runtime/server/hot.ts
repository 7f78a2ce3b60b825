// Development hot swap: lets a dev server (the Vite plugin, livehtml/vite) replace a template or
// a view's code while views are connected, without reloading the page.
//
// - Templates. In dev, each compiled `.live.html` module exports `hotTemplate(id, render)`
//   instead of `render`: a stable function that calls the newest `render` registered under the
//   template's module id. Views keep the stable function, so re-evaluating the template module
//   is enough to change what they render; `replaceTemplate(id)` then re-renders every
//   connected view that uses it, keeping its state (ViewRuntime.rerender).
// - Views. Dev view modules call `registerViews(moduleId, exports)`. The first definition seen
//   under a (module, export) pair stays the one routes and registries hold; later evaluations copy
//   their callbacks onto it. `remountViews(moduleId)` then asks each connected view of that
//   module to remount (the client rejoins and mounts the new code).
//
// Nothing here runs unless `enableHot()` was called: production servers track no views.
//
// IMPORTANT: the state lives on `globalThis`, not in module variables. Under Vite the template
// and view modules import this file through Vite's module runner while the server runtime and
// the plugin import it natively: two module instances that must see one registry.
// Types only: view.ts is a module views import, and this file must not import back into it.
import type { AnyView, Template } from "./view.ts";

/** What the registry needs of a running view (ViewRuntime implements it). */
export interface HotView {
  readonly view: AnyView;
  readonly alive: boolean;
  /** Renders again with the current template, keeping state; pushes the diff. */
  rerender(): Promise<unknown>;
  /** Ends the view so that its client rejoins and mounts it again. */
  remount(): Promise<unknown>;
}

// `any` erases the assigns type: one table holds templates of every shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTemplate = Template<any>;

interface TemplateEntry {
  current: AnyTemplate;
  readonly stable: AnyTemplate;
}

interface HotState {
  enabled: boolean;
  readonly views: Set<HotView>;
  readonly templates: Map<string, TemplateEntry>;
  readonly idOfStable: WeakMap<AnyTemplate, string>;
  /** module id → export name → the definition routes hold. */
  readonly modules: Map<string, Map<string, AnyView>>;
}

const KEY = Symbol.for("livehtml.hot");

function state(): HotState {
  const global = globalThis as { [KEY]?: HotState };
  return (global[KEY] ??= {
    enabled: false,
    views: new Set(),
    templates: new Map(),
    idOfStable: new WeakMap(),
    modules: new Map(),
  });
}

/** Turns tracking on (dev servers call this once). */
export function enableHot(): void {
  state().enabled = true;
}

export function hotEnabled(): boolean {
  return state().enabled;
}

/** Called by ViewRuntime for each connected view; a no-op unless hot swap is enabled. */
export function trackView(view: HotView): void {
  const s = state();
  if (s.enabled) s.views.add(view);
}

export function untrackView(view: HotView): void {
  state().views.delete(view);
}

/** How many connected views are tracked (for tests and diagnostics). */
export function trackedViewCount(): number {
  return state().views.size;
}

/**
 * Registers the `render` of a template module under its module id and returns the stable
 * function to export in its place. The first call for an id creates the stable function;
 * later calls (the module evaluated again after an edit) only change what it calls.
 */
export function hotTemplate<T extends AnyTemplate>(id: string, render: T): T {
  const s = state();
  const entry = s.templates.get(id);
  if (entry) {
    entry.current = render;
    return entry.stable as T;
  }
  // Forwards every argument (the server may pass the change map) and the HTML renderer.
  const stable = ((...args: Parameters<AnyTemplate>) => created.current(...args)) as AnyTemplate & { html?: unknown };
  const created: TemplateEntry = { current: render, stable };
  stable.html = (assigns: unknown) => (created.current as unknown as { html(a: unknown): string }).html(assigns);
  Object.defineProperty(created.stable, "name", { value: render.name || "render" });
  s.templates.set(id, created);
  s.idOfStable.set(created.stable, id);
  return created.stable as T;
}

/** The module id of a template registered through `hotTemplate`, if it is one. */
export function templateIdOf(template: unknown): string | undefined {
  return typeof template === "function" ? state().idOfStable.get(template as AnyTemplate) : undefined;
}

export function hasTemplate(id: string): boolean {
  return state().templates.has(id);
}

/** The connected views whose own template is the template module `id`. */
export function viewsUsingTemplate(id: string): HotView[] {
  return [...state().views].filter((v) => v.alive && templateIdOf(v.view.render ?? v.view.template) === id);
}

/**
 * The template module `id` changed: installs `render` (unless the module's new evaluation
 * already did, through `hotTemplate`) and re-renders the views that use it, state kept.
 *
 * A template may also be used from inside other templates (a function component), where no
 * view names it: when no view uses it directly, every connected view is re-rendered. Each
 * re-render recomputes all slots, but the diff engine sends statics only for nodes whose
 * fingerprint changed, so unaffected views cost a small diff of their current values.
 * Resolves with the number of views re-rendered.
 */
export async function replaceTemplate(id: string, render?: AnyTemplate): Promise<number> {
  const s = state();
  const entry = s.templates.get(id);
  if (render && entry && render !== entry.stable) entry.current = render;
  const direct = viewsUsingTemplate(id);
  const targets = direct.length > 0 ? direct : [...s.views].filter((v) => v.alive);
  await Promise.all(targets.map((v) => v.rerender()));
  return targets.length;
}

/**
 * Records the view definitions a module exports (values with `kind: "view"`). A definition
 * seen before under the same module and export name receives the new callbacks in place, so
 * routes and registries built from the first evaluation run the new code.
 */
export function registerViews(moduleId: string, exports: Readonly<Record<string, unknown>>): void {
  const s = state();
  let known = s.modules.get(moduleId);
  if (!known) s.modules.set(moduleId, (known = new Map()));
  for (const [name, value] of Object.entries(exports)) {
    if (!isView(value)) continue;
    const canonical = known.get(name);
    if (!canonical) {
      known.set(name, value);
    } else if (canonical !== value) {
      const target = canonical as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) if (!(key in value)) delete target[key];
      Object.assign(target, value);
    }
  }
}

/** The definitions registered for a module (the ones routes hold). */
export function viewsOfModule(moduleId: string): AnyView[] {
  return [...(state().modules.get(moduleId)?.values() ?? [])];
}

/** Remounts every connected view defined by module `moduleId`; resolves with how many. */
export async function remountViews(moduleId: string): Promise<number> {
  const definitions = new Set(viewsOfModule(moduleId));
  const targets = [...state().views].filter((v) => v.alive && definitions.has(v.view));
  await Promise.all(targets.map((v) => v.remount()));
  return targets.length;
}

function isView(value: unknown): value is AnyView {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "view";
}
