// Lets TypeScript accept `.live.html` imports in the examples (`livehtml check` type-checks
// the templates themselves through their generated modules).
declare module "*.live.html" {
  import type { Rendered } from "livehtml/runtime";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template declares its own Assigns
  export type Assigns = any;
  const template: (assigns: Assigns) => Rendered;
  export default template;
}
