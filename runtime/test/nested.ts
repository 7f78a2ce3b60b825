// Nested live views under `livehtml/test`: what the browser client does with them, in process.
// The HTTP render gets each child's own HTTP render spliced in; the connected render places
// empty containers, and each container that appears in a view's HTML mounts its child (joined
// beside its parent, with the parent's assigns for `assignNew`); one that disappears ends it.
import { containerTags } from "../server/container.ts";
import { escapeAttr } from "../server/context.ts";
import type { ChildContainer } from "../server/child-views.ts";
import type { ChildCollector, ChildSpec } from "../server/nested.ts";
import { findElements } from "./element.ts";

/** Containers as a server would place them, with no tokens (nothing here verifies them). */
export const testChildContainer: ChildContainer = (child, parentId) => {
  const { open, close } = containerTags(child.container, childAttributes(child, parentId));
  return open + close;
};

function childAttributes(child: ChildSpec, parentId: string): string {
  return `id="${escapeAttr(child.id)}" data-phx-session="" data-phx-static="" ${child.sticky ? "data-phx-sticky" : `data-phx-parent-id="${escapeAttr(parentId)}"`}`;
}

/** `html` with each nested view's HTTP render (`render`, which gives its inner HTML) in its container. */
export function expandTestChildren(html: string, collected: ChildCollector, parentId: string, render: (child: ChildSpec) => Promise<string>): Promise<string> {
  return collected.expand(html, async (child) => {
    const { open, close } = containerTags(child.container, childAttributes(child, parentId));
    return open + (await render(child)) + close;
  });
}

/** The ids of the nested views whose containers `html` shows for the view `parentId` (its children and stickies). */
export function childIdsIn(html: string, parentId: string): string[] {
  if (!html.includes("data-phx-session")) return [];
  const ids: string[] = [];
  for (const el of findElements(html, "[data-phx-session]")) {
    const id = el.attributes.id;
    if (id && (el.attributes["data-phx-parent-id"] === parentId || "data-phx-sticky" in el.attributes)) ids.push(id);
  }
  return ids;
}
