// `livehtml/vite`: the Vite plugin. Each concern is its own small plugin (one file each):
//
//   livehtml:config      Vite settings (templates are not pages for the dependency scanner)
//   livehtml:template    `.live.html` imports → JavaScript, source-mapped to the template
//   livehtml:colocated   `live\`…\`` templates inside `.ts`/`.js` modules
//   livehtml:hooks       `virtual:livehtml/hooks`: the templates' colocated hooks, for the client
//   livehtml:hot-wrap    dev only: makes templates and views swappable (runtime/server/hot.ts)
//   livehtml:hot-update  dev only: template edits re-render connected views; view edits remount
//
// Usage: `plugins: [livehtml()]` in vite.config.ts; `startDevServer` (./dev-server.ts) runs an
// app's live server behind Vite in development.
import type { Plugin } from "vite";
import { colocatedPlugin } from "./compile-colocated.ts";
import { configPlugin } from "./config.ts";
import { hooksPlugin } from "./colocated-hooks.ts";
import { templatePlugin } from "./compile-template.ts";
import { hotUpdatePlugin } from "./hot-update.ts";
import { hotWrapPlugin, type HotModules } from "./hot-wrap.ts";
import { resolveOptions, type LivehtmlOptions } from "./options.ts";

export type { LivehtmlOptions } from "./options.ts";
export type { LivehtmlError } from "./errors.ts";
export { startDevServer, type DevServer, type DevServerOptions } from "./dev-server.ts";

export function livehtml(options: LivehtmlOptions = {}): Plugin[] {
  const resolved = resolveOptions(options);
  // Order matters: both compilers run before the hot wrapper sees their output.
  const plugins = [configPlugin(), templatePlugin(), colocatedPlugin(), hooksPlugin()];
  if (resolved.hot) {
    const modules: HotModules = { viewModules: new Set() };
    plugins.push(hotWrapPlugin(modules), hotUpdatePlugin(modules));
  }
  return plugins;
}

export default livehtml;
