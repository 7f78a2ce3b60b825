// Portals (`<.portal>`, a `<template data-phx-portal="selector">` in the view): the template's
// first element is moved into the target element, nodes and all. The parts that patch it keep
// their handles on those nodes, so later diffs land in the moved element where it now is. New
// content in the template (a re-render, a rejoin) replaces what was moved before; content whose
// template is gone is removed. Events in moved content belong to the view that moved it.
const PORTAL = "template[data-phx-portal]";

/** The view id of each moved element (looked up from an event's target upwards). */
const owners = new WeakMap<Element, string>();

/** The id of the view that moved `el` (or an ancestor of it) out of its container, or null. */
export function portalOwner(el: Element): string | null {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const owner = owners.get(at);
    if (owner !== undefined) return owner;
  }
  return null;
}

export class Portals {
  /** Moved element by its template's id. */
  readonly #moved = new Map<string, Element>();

  constructor(private readonly viewId: string) {}

  /** Moves the view's new portal content to its targets; returns the elements it moved. */
  sync(root: Element): Element[] {
    const moved: Element[] = [];
    const present = new Set<string>();
    // Portals inside moved content are looked for there too.
    const scopes = [root, ...this.#moved.values()];
    // (An array's iterator reads its length at each step: scopes pushed meanwhile are walked too.)
    for (const scope of scopes) {
      for (const template of scope.querySelectorAll<HTMLTemplateElement>(PORTAL)) {
        present.add(template.id);
        const el = template.content.firstElementChild;
        const selector = template.getAttribute("data-phx-portal")!;
        const target = el && document.querySelector(selector);
        if (!target) {
          if (el) console.error(`livehtml: no portal target ${selector}`);
          continue;
        }
        this.#moved.get(template.id)?.remove();
        owners.set(el, this.viewId);
        target.appendChild(el);
        this.#moved.set(template.id, el);
        moved.push(el);
        scopes.push(el);
      }
    }
    for (const [id, el] of this.#moved) {
      if (present.has(id)) continue;
      el.remove();
      this.#moved.delete(id);
    }
    return moved;
  }

  /** The view ended: its moved content goes too. */
  clear(): void {
    for (const el of this.#moved.values()) el.remove();
    this.#moved.clear();
  }
}
