// The one place the server reaches the diff engine (runtime/server/diff.ts), so the rest of
// the runtime depends only on this narrow shape and tests can hand in their own engine. Its
// diffs are shared/wire.ts's types, the same the clients merge.
import type { Rendered } from "../shared/rendered.ts";
import type { WireDiff } from "../shared/wire.ts";
import { DiffEngine, type ComponentHost } from "./diff.ts";

export type ComponentRenderer = ComponentHost;

export interface Engine {
  render(rendered: Rendered): WireDiff;
  /** Only these components' diffs (`{ c }`); an engine without it gets full renders instead. */
  renderComponents?(cids: readonly number[]): WireDiff;
  reset(): void;
  markForDeletion(cids: readonly number[]): void;
  deleteComponents(cids: readonly number[]): number[];
}

export type EngineFactory = (host: ComponentRenderer) => Engine;

export const createDiffEngine: EngineFactory = (host) => new DiffEngine(host);
