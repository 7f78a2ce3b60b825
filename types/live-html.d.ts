// `*.live.html` imports for TypeScript: `"types": ["livehtml/live-html"]` in tsconfig.json, or
// `/// <reference types="livehtml/live-html" />` in one file. Each template's own `Assigns` are
// checked by `livehtml check`, through the module the compiler generates for it; here a template
// accepts any assigns.
declare module "*.live.html" {
  import type { Changed, Rendered } from "livehtml/runtime";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template declares its own Assigns
  export type Assigns = any;
  const template: (assigns: Assigns, changed?: Changed) => Rendered;
  export default template;
}

// The application's colocated hooks (`<script type="hook">` in templates), gathered by the Vite
// plugin: `new LiveSocket(url, Socket, { hooks })`.
declare module "virtual:livehtml/hooks" {
  export const hooks: Readonly<Record<string, object>>;
  export default hooks;
}
