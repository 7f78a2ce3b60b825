// Heap the diff engine keeps per comprehension entry: a few engines each render the same
// N-row page once and stay alive; the heap growth after a full GC, over the rows, is what the
// engine holds to diff the next render (its print trees, and the strings the client shows).
import { DiffEngine } from "../../runtime/server/diff.ts";
import type { Template } from "../lib/livehtml.ts";

const ENGINES = 4;

export function engineBytesPerRow(template: Template, assigns: Record<string, unknown>, rows: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: memory per row needs node --expose-gc (npm run bench passes it)");
  // One render first, so that code and caches the engines share are not counted.
  new DiffEngine().render(template(assigns, null));
  gc();
  const before = process.memoryUsage().heapUsed;
  const engines: DiffEngine[] = [];
  for (let k = 0; k < ENGINES; k++) {
    const engine = new DiffEngine();
    engine.render(template(assigns, null));
    engines.push(engine);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (engines.length !== ENGINES) throw new Error("unreachable: keeps the engines alive until measured");
  return (after - before) / (ENGINES * rows);
}
