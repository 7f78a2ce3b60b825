// DiffEngine.renderComponents: a component rendered on its own after its own event sends only
// `{ c: { cid: … } }` and never visits the view's tree (Phoenix's component-only diffs).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DiffEngine, type ComponentHost } from "../../runtime/server/diff.ts";
import type { Rendered } from "../../runtime/shared/rendered.ts";
import { mergeDiff } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import { componentRef, node, tracked } from "./helpers/build.ts";

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const Counter = { name: "Counter" };
const COUNTER = ['<div id="', '">', "</div>"];

/**
 * Counters whose count lives here, like component state: `bump` changes one, and the host
 * renders a component only when it is new or its count changed (tracked slot 1).
 */
class CounterHost implements ComponentHost {
  readonly counts = new Map<string, number>();
  readonly dirty = new Set<number>();
  readonly ids = new Map<number, string>();
  /** Nested component ids a counter renders after its count passes 1. */
  readonly children = new Map<string, string>();
  calls: string[] = [];

  renderComponent(cid: number, ref: { id: string }, isNew: boolean, force: boolean): Rendered | null {
    this.calls.push(`parent:${cid}`);
    this.ids.set(cid, ref.id);
    if (!this.counts.has(ref.id)) this.counts.set(ref.id, 0);
    return isNew || force || this.dirty.delete(cid) ? this.#tree(ref.id, false) : null;
  }

  renderDirty(cid: number): Rendered | null {
    this.calls.push(`alone:${cid}`);
    return this.dirty.delete(cid) ? this.#tree(this.ids.get(cid)!, true) : null;
  }

  bump(cid: number): void {
    const id = this.ids.get(cid)!;
    this.counts.set(id, this.counts.get(id)! + 1);
    this.dirty.add(cid);
  }

  #tree(id: string, track: boolean): Rendered {
    const count = String(this.counts.get(id));
    const child = this.children.get(id);
    if (child !== undefined && this.counts.get(id)! > 1) {
      return node(81, ['<div id="', '">', "", "</div>"], [id, count, componentRef(Counter, child, () => node(80, COUNTER, [child, "0"], true))], true);
    }
    return tracked(80, COUNTER, [id, count], [!track, true], true);
  }
}

const only = suite("DiffEngine.renderComponents");

function setUp() {
  const host = new CounterHost();
  const engine = new DiffEngine(host);
  let viewRenders = 0;
  const view = () =>
    node(1, ["<main>", "", "</main>"], () => {
      viewRenders++;
      return [componentRef(Counter, "a", () => node(0, [""], [])), componentRef(Counter, "b", () => node(0, [""], []))];
    }, true);
  const first = engine.render(view());
  return { host, engine, first, viewRenders: () => viewRenders };
}

only("renders just the given component, with only its changed slots; the view is not visited", () => {
  const { host, engine, first, viewRenders } = setUp();
  const rendersBefore = viewRenders();
  host.calls = [];
  host.bump(1);
  const diff = json(engine.renderComponents([1]));
  assert.equal(diff, { c: { 1: { 1: "1" } } });
  assert.is(viewRenders(), rendersBefore, "the view's slots were not computed");
  assert.equal(host.calls, ["alone:1"], "component b was not asked");
  const html = toHTML(mergeDiff(mergeDiff(null, json(first)), diff));
  assert.is(html, '<main><div id="a">1</div><div id="b">0</div></main>');
});

only("nothing changed, unknown cids and cids being destroyed give an empty diff", () => {
  const { host, engine } = setUp();
  host.calls = [];
  assert.equal(engine.renderComponents([2]), {});
  assert.equal(engine.renderComponents([99]), {});
  host.bump(2);
  engine.markForDeletion([2]);
  assert.equal(engine.renderComponents([2]), {});
  assert.equal(host.calls, ["alone:2"], "unknown and departing cids are not rendered");
});

only("a component rendering a new nested component sends both under c", () => {
  const { host, engine, first } = setUp();
  host.children.set("a", "a-child");
  host.bump(1);
  engine.renderComponents([1]);
  host.bump(1);
  const diff = json(engine.renderComponents([1]));
  assert.equal(Object.keys(diff), ["c"]);
  assert.equal(Object.keys(diff.c), ["1", "3"], "the nested component gets the next cid");
  // It starts from the client's copy of cid 2, whose count shows "0" already.
  assert.equal(diff.c[3], { 0: "a-child", s: -2 }, "it shares the statics the client has for cid 2");
  let state = mergeDiff(null, json(first));
  state = mergeDiff(state, { c: { 1: { 1: "1" } } });
  assert.is(toHTML(mergeDiff(state, diff)), '<main><div id="a">2<div id="a-child">0</div></div><div id="b">0</div></main>');
});

only("a host that cannot render components alone is reported", () => {
  const engine = new DiffEngine({ renderComponent: () => node(80, COUNTER, ["x", "0"], true) });
  assert.throws(() => engine.renderComponents([1]), /cannot render components on their own/);
});

only.run();
