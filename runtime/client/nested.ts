// Finding nested live views' containers in what a view rendered: `data-phx-session` elements
// that are this view's children (`data-phx-parent-id`) or sticky. Grandchildren are left to
// their own parent, which finds them when it renders.
import { within } from "./dom.ts";
import type { View } from "./view.ts";

export const NESTED_CONTAINER = "[data-phx-session]";

export function nestedContainers(roots: readonly Element[], view: View): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    for (const el of within(root, NESTED_CONTAINER, view.el)) {
      if (el.getAttribute("data-phx-parent-id") === view.id || el.hasAttribute("data-phx-sticky")) out.push(el as HTMLElement);
    }
  }
  return out;
}
