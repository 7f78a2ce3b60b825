// Drop targets (`phx-drop-target="<input id>"`) get the `phx-drop-target-active` class while
// files are dragged over them. Drag events fire again as the pointer crosses child elements, so
// each target counts the enters and leaves it has seen.
const ACTIVE = "phx-drop-target-active";

export function watchDropTargets(prefix: string): void {
  const depth = new WeakMap<Element, number>();
  const zoneOf = (event: Event) => (event.target instanceof Element ? event.target.closest(`[${prefix}drop-target]`) : null);
  document.addEventListener("dragenter", (event) => {
    const zone = zoneOf(event);
    if (!zone || !Array.from(event.dataTransfer?.types ?? []).includes("Files")) return;
    const n = (depth.get(zone) ?? 0) + 1;
    depth.set(zone, n);
    if (n === 1) zone.classList.add(ACTIVE);
  });
  const leave = (event: Event, all: boolean) => {
    const zone = zoneOf(event);
    const n = zone ? depth.get(zone) : undefined;
    if (!zone || n === undefined) return;
    if (n > 1 && !all) return void depth.set(zone, n - 1);
    depth.delete(zone);
    zone.classList.remove(ACTIVE);
  };
  document.addEventListener("dragleave", (event) => leave(event as DragEvent, false));
  document.addEventListener("drop", (event) => leave(event, true));
}
