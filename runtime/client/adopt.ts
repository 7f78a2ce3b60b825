// On join the page already shows the server's HTML. We build the rendered tree's DOM off-page
// and then walk it in parallel with the page's DOM, keeping every page node that matches and
// pointing the slots at it. WHY: the page is not re-rendered, so focus, caret, selection,
// scroll and any state a script put on the nodes survive the join. Text the parser merged
// ("Hello " + slot + "!") is split back into the pieces the slots own (invisible to the user);
// where the page and the render differ, the rendered nodes replace the rest of that parent.
import { copyAttributes } from "./html.ts";

/** `beforeUpdate(live, rendered)` is the app's `dom.onBeforeElUpdated`, run for each kept element. */
export function reconcile(fresh: Node, live: Node, map: Map<Node, Node>, beforeUpdate: ((from: Element, to: Element) => unknown) | null = null): void {
  const freshNodes = Array.from(fresh.childNodes);
  let current = live.firstChild;
  const skipStale = () => {
    // Empty Text nodes left by an earlier render hold no content.
    while (current && current.nodeType === Node.TEXT_NODE && (current as Text).data === "") {
      const next: ChildNode | null = current.nextSibling;
      live.removeChild(current);
      current = next;
    }
  };
  for (let i = 0; i < freshNodes.length; i++) {
    const f = freshNodes[i]!;
    if (f.nodeType === Node.TEXT_NODE) {
      const data = (f as Text).data;
      if (data === "") {
        const text = document.createTextNode("");
        live.insertBefore(text, current);
        map.set(f, text);
        continue;
      }
      skipStale();
      if (current && current.nodeType === Node.TEXT_NODE && (current as Text).data.startsWith(data)) {
        const text = current as Text;
        if (text.data.length > data.length) text.splitText(data.length);
        map.set(f, text);
        current = text.nextSibling;
        continue;
      }
    } else {
      skipStale();
      if (current && current.nodeType === f.nodeType && current.nodeName === f.nodeName) {
        if (f.nodeType === Node.ELEMENT_NODE && (f as Element).hasAttribute("data-phx-session")) {
          // A nested live view's container: what is inside belongs to that view, which adopts it
          // when it joins. Only the container's own attributes are the parent's.
          syncAttributes(f as Element, current as Element, true);
          map.set(f, current);
          current = current.nextSibling;
          continue;
        }
        if (f.nodeType === Node.ELEMENT_NODE) {
          beforeUpdate?.(current as Element, f as Element);
          syncAttributes(f as Element, current as Element);
          const isTemplate = (f as Element).localName === "template";
          reconcile(isTemplate ? (f as HTMLTemplateElement).content : f, isTemplate ? (current as HTMLTemplateElement).content : current, map, beforeUpdate);
        } else if ((current as CharacterData).data !== (f as CharacterData).data) {
          (current as CharacterData).data = (f as CharacterData).data;
        }
        map.set(f, current);
        current = current.nextSibling;
        continue;
      }
    }
    // Mismatch: the rendered nodes take over from here.
    for (let j = i; j < freshNodes.length; j++) live.insertBefore(freshNodes[j]!, current);
    break;
  }
  while (current) {
    const next: ChildNode | null = current.nextSibling;
    live.removeChild(current);
    current = next;
  }
}

/**
 * Gives `live` the rendered attributes, keeping `class` and `data-phx-*` ones the render lacks
 * (a script's or the client's). A nested view's `container` keeps all it has, and its static
 * token: a connected render gives none (it is the HTTP render's).
 */
function syncAttributes(fresh: Element, live: Element, container = false): void {
  if (container && !fresh.getAttribute("data-phx-static")) fresh.removeAttribute("data-phx-static");
  copyAttributes(fresh, live, (name) => container || name === "class" || name.startsWith("data-phx"));
}
