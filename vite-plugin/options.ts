// The plugin's options, with their defaults in one place.

export interface LivehtmlOptions {
  /**
   * Hot swap in the dev server (default true): template edits re-render connected views in
   * place, view module edits remount them. `false` leaves updates to Vite (page reloads).
   */
  hot?: boolean;
}

export interface ResolvedOptions {
  hot: boolean;
}

export function resolveOptions(options: LivehtmlOptions = {}): ResolvedOptions {
  if (typeof options !== "object" || options === null) throw new TypeError("livehtml(): options must be an object");
  if (options.hot !== undefined && typeof options.hot !== "boolean") throw new TypeError(`livehtml(): \`hot\` must be a boolean, got ${JSON.stringify(options.hot)}`);
  return { hot: options.hot ?? true };
}
