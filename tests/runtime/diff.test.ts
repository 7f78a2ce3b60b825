// Conformance cases D1–D13 of PROTOCOL.md §8 (from Phoenix's diff_test.exs), with hand-built
// template values; plus streams, components and errors.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DiffEngine, type ComponentHost } from "../../runtime/server/diff.ts";
import type { Changed, Rendered } from "../../runtime/shared/rendered.ts";
import { isChanged, pathChanged } from "../../runtime/shared/changes.ts";
import { toText } from "../../runtime/shared/escape.ts";
import { mergeDiff } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";
import { comprehension, componentRef, fixedEntries, node, tracked } from "./helpers/build.ts";

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/** Renders components through `assigns.render()`, always (a component with changes). */
const host: ComponentHost = {
  renderComponent: (_cid, ref) => (ref.assigns.render as () => Rendered)(),
};

const d = suite("diff engine: rendered nodes");

const D1_STATICS = ["<div>\n  <h2>It's ", "</h2>\n  ", "\n</div>"];

d("D1: full render uses the root template table and r: 1", () => {
  const engine = new DiffEngine();
  const diff = engine.render(node(1, D1_STATICS, ["10:30", "Sunny"], true));
  assert.equal(json(diff), { 0: "10:30", 1: "Sunny", r: 1, s: 0, p: { 0: D1_STATICS } });
});

d("D2: same fingerprint sends only dynamics", () => {
  const engine = new DiffEngine();
  engine.render(node(1, D1_STATICS, ["10:30", "Sunny"], true));
  // Phoenix re-sends every recomputed slot; the engine keeps what the client shows and sends
  // only the slots whose text differs.
  assert.equal(json(engine.render(node(1, D1_STATICS, ["10:30", "Sunny"], true))), {});
  assert.equal(json(engine.render(node(1, D1_STATICS, ["10:30", "Rain"], true))), { 1: "Rain" });
  assert.equal(json(engine.render(tracked(1, D1_STATICS, ["10:31", "Rain"], [true, false], true))), { 0: "10:31" });
  assert.equal(json(engine.render(tracked(1, D1_STATICS, ["10:31", "Rain"], [false, false], true))), {});
});

d("D3: interpolated text is escaped", () => {
  const engine = new DiffEngine();
  assert.equal(json(engine.render(node(1, ["", ""], [toText("<div>")]))), { 0: "&lt;div&gt;", s: 0, p: { 0: ["", ""] } });
});

const ROOT4 = ["<h2>", "</h2>", "<span>", "</span>"];
const d4 = (print1: number, track: boolean[]) =>
  node(123, ROOT4, (t) => [
    "hi",
    tracked(print1, ["s1", "s2", "s3"], ["abc", "efg"], [track[0]!, track[0]!]),
    tracked(789, ["s1", "s2"], ["efg"], [track[1]!]),
  ]);

d("D4: nested nodes register children before the parent; p restarts per diff", () => {
  const engine = new DiffEngine();
  assert.equal(json(engine.render(d4(456, [true, true]))), {
    0: "hi",
    1: { 0: "abc", 1: "efg", s: 0 },
    2: { 0: "efg", s: 1 },
    s: 2,
    p: { 0: ["s1", "s2", "s3"], 1: ["s1", "s2"], 2: ROOT4 },
  });
  // "hi" and "efg" are what the client shows already: only the node with a new print travels.
  assert.equal(json(engine.render(d4(456, [false, false]))), {});
  assert.equal(json(engine.render(d4(999, [false, true]))), {
    1: { 0: "abc", 1: "efg", s: 0 },
    p: { 0: ["s1", "s2", "s3"] },
  });
});

d("R4 on the server: a string replacing a node clears its print", () => {
  const engine = new DiffEngine();
  const child = () => node(7, ["<b>", "</b>"], ["x"]);
  engine.render(node(1, ["<p>", "</p>"], [child()]));
  assert.equal(json(engine.render(node(1, ["<p>", "</p>"], ["text"]))), { 0: "text" });
  // The node comes back: its statics must be sent again.
  assert.equal(json(engine.render(node(1, ["<p>", "</p>"], [child()]))), { 0: { 0: "x", s: 0 }, p: { 0: ["<b>", "</b>"] } });
});

d("identical fingerprints share one template index", () => {
  const engine = new DiffEngine();
  const leaf = (v: string) => node(5, ["<i>", "</i>"], [v]);
  assert.equal(json(engine.render(node(1, ["", "", ""], [leaf("a"), leaf("b")]))), {
    0: { 0: "a", s: 0 },
    1: { 0: "b", s: 0 },
    s: 1,
    p: { 0: ["<i>", "</i>"], 1: ["", "", ""] },
  });
});

d("a new root fingerprint renders everything again", () => {
  const engine = new DiffEngine();
  engine.render(node(1, ["<a>", "</a>"], ["x"], true));
  assert.equal(json(engine.render(node(2, ["<b>", "</b>"], ["x"], true))), { 0: "x", r: 1, s: 0, p: { 0: ["<b>", "</b>"] } });
});

d("a node with the wrong number of dynamics is reported", () => {
  const engine = new DiffEngine();
  assert.throws(() => engine.render(node(1, ["<a>", "</a>"], ["x", "y"])), /returned 2 dynamics for 2 statics/);
});

d.run();

const c = suite("diff engine: comprehensions");

const LIST = ["<ul>", "</ul>"];
const LI = ["<li>", "</li>"];
const users = (names: string[], titleChanged = true) =>
  node(1, ["<div>", "", "</div>"], (track) => [
    track && !titleChanged ? null : "Users",
    comprehension(2, LI, fixedEntries(names.map((n) => [n]))),
  ], true);

c("D5: first render of a comprehension", () => {
  const engine = new DiffEngine();
  assert.equal(json(engine.render(users(["phoenix", "elixir"]))), {
    0: "Users",
    1: { s: 0, k: { 0: { 0: "phoenix" }, 1: { 0: "elixir" }, kc: 2 } },
    r: 1,
    s: 1,
    p: { 0: LI, 1: ["<div>", "", "</div>"] },
  });
});

c("D6: empty comprehension, then filled, then emptied", () => {
  const engine = new DiffEngine();
  assert.equal(json(engine.render(users([])))[1], "");
  assert.equal(json(engine.render(users(["phoenix", "elixir"], false))), {
    1: { s: 0, k: { 0: { 0: "phoenix" }, 1: { 0: "elixir" }, kc: 2 } },
    p: { 0: LI },
  });
  assert.equal(json(engine.render(users([], false))), { 1: { k: { kc: 0 } } });
});

c("unchanged comprehension with the same count is omitted", () => {
  const engine = new DiffEngine();
  engine.render(users(["a", "b"]));
  const same = node(1, ["<div>", "", "</div>"], (track) => [
    null,
    comprehension(2, LI, [0, 1].map(() => ({ render: (_vc: Changed, t: boolean) => [t ? null : "x"] }))),
  ], true);
  assert.equal(json(engine.render(same)), {});
});

c("D7: nested comprehensions put both statics in the root table", () => {
  const engine = new DiffEngine();
  const inner = (xs: string[]) => comprehension(4, ["<i>", "</i>"], fixedEntries(xs.map((x) => [x])));
  const outer = comprehension(3, ["<li>", "", "</li>"], [
    { render: () => ["phoenix", inner(["a", "b"])] },
    { render: () => ["elixir", inner(["c"])] },
  ]);
  assert.equal(json(engine.render(node(1, ["<h1>", "</h1>", ""], ["Langs", outer]))), {
    0: "Langs",
    1: {
      k: {
        0: { 0: "phoenix", 1: { k: { 0: { 0: "a" }, 1: { 0: "b" }, kc: 2 }, s: 0 } },
        1: { 0: "elixir", 1: { k: { 0: { 0: "c" }, kc: 1 }, s: 0 } },
        kc: 2,
      },
      s: 1,
    },
    s: 2,
    p: { 0: ["<i>", "</i>"], 1: ["<li>", "", "</li>"], 2: ["<h1>", "</h1>", ""] },
  });
});

// D8/D9: `<li :for={%{id: id, name: name} <- @items} :key={id}>Outside assign: {@count} Inside assign: {name}</li>`
const ITEM = ["<li>Outside assign: ", " Inside assign: ", "</li>"];
interface Item {
  id: number;
  name: string;
}
function itemsView(assigns: { items: Item[]; count: number }, changed: Changed, keyed: boolean): Rendered {
  return node(1, ["<ul>", "</ul>"], (track) => [
    !track || isChanged(changed, "items") || isChanged(changed, "count")
      ? comprehension(
          2,
          ITEM,
          assigns.items.map((item) => ({
            key: keyed ? item.id : undefined,
            vars: { id: item.id, name: item.name },
            render: (vc: Changed, t: boolean) => [
              !t || isChanged(changed, "count") ? String(assigns.count) : null,
              !t || isChanged(vc, "name") ? item.name : null,
            ],
          })),
          { hasKey: keyed },
        )
      : null,
  ]);
}
const first = { id: 1, name: "First" };
const second = { id: 2, name: "Second" };
const third = { id: 3, name: "Third" };

c("D8: keyed moves, parent-assign changes, and replaced lists", () => {
  const engine = new DiffEngine();
  engine.render(itemsView({ items: [first, second], count: 0 }, null, true));
  assert.equal(json(engine.render(itemsView({ items: [second, first], count: 0 }, { items: true }, true))), {
    0: { k: { 0: 1, 1: 0, kc: 2, km: true } },
  });
  assert.equal(json(engine.render(itemsView({ items: [second, first], count: 1 }, { count: true }, true))), {
    0: { k: { 0: { 0: "1" }, 1: { 0: "1" }, kc: 2 } },
  });
  assert.equal(json(engine.render(itemsView({ items: [first, third], count: 1 }, { items: true }, true))), {
    0: { k: { 0: 1, 1: { 0: "1", 1: "Third" }, kc: 2, km: true } },
  });
});

c("D9: without :key entries are matched by index", () => {
  const engine = new DiffEngine();
  engine.render(itemsView({ items: [first, second], count: 0 }, null, false));
  assert.equal(json(engine.render(itemsView({ items: [second, first], count: 0 }, { items: true }, false))), {
    0: { k: { 0: { 1: "Second" }, 1: { 1: "First" }, kc: 2 } },
  });
});

c("D10: nested access on entry variables", () => {
  type Entry = { id: number; foo: { bar: string; baz: string } };
  const view = (entries: Entry[], changed: Changed) =>
    node(1, ["<div>", "</div>"], (track) => [
      !track || isChanged(changed, "entries")
        ? comprehension(
            2,
            ["<p>", " ", " ", "</p>"],
            entries.map((entry) => ({
              key: entry.id,
              vars: { entry },
              render: (vc: Changed, t: boolean) => {
                const vars = { entry };
                return [
                  !t || pathChanged(vc, vars, ["entry", "id"]) ? String(entry.id) : null,
                  !t || pathChanged(vc, vars, ["entry", "foo", "bar"]) ? entry.foo.bar : null,
                  !t || pathChanged(vc, vars, ["entry", "foo", "bar"]) ? entry.foo.bar : null,
                ];
              },
            })),
          )
        : null,
    ]);
  const engine = new DiffEngine();
  engine.render(view([{ id: 1, foo: { bar: "a", baz: "x" } }, { id: 2, foo: { bar: "b", baz: "y" } }], null));
  assert.equal(
    json(engine.render(view([{ id: 1, foo: { bar: "a", baz: "CHANGED" } }, { id: 2, foo: { bar: "b", baz: "y" } }], { entries: true }))),
    {},
  );
  assert.equal(
    json(engine.render(view([{ id: 1, foo: { bar: "Updated", baz: "CHANGED" } }, { id: 2, foo: { bar: "b", baz: "y" } }], { entries: true }))),
    { 0: { k: { 0: { 1: "Updated", 2: "Updated" }, kc: 2 } } },
  );
});

c("duplicate keys raise a clear error and the engine starts over", () => {
  const engine = new DiffEngine();
  const view = () => node(1, ["", ""], [comprehension(2, LI, [{ key: "a", render: () => ["1"] }, { key: "a", render: () => ["2"] }])]);
  assert.throws(() => engine.render(view()), /found duplicate key "a" in comprehension/);
  const ok = engine.render(node(1, ["", ""], ["x"]));
  assert.equal(json(ok), { 0: "x", s: 0, p: { 0: ["", ""] } });
});

c("streams: entries always full, no prints kept, reset flag only when true", () => {
  const engine = new DiffEngine();
  const song = (id: number, name: string) => ({ key: `songs-${id}`, render: () => [`songs-${id}`, name] });
  const view = (entries: ReturnType<typeof song>[], reset: boolean, inserts: [string, number, number | null, boolean | null][]) =>
    node(1, ["<div id=\"songs\" phx-update=\"stream\">", "</div>"], [
      comprehension(3, ["<p id=\"", "\">", "</p>"], entries, { stream: { ref: "0", inserts, deletes: [], reset } }),
    ]);
  assert.equal(json(engine.render(view([song(7, "Song")], false, [["songs-7", -1, null, null]]))), {
    0: { s: 0, k: { 0: { 0: "songs-7", 1: "Song" }, kc: 1 }, stream: ["0", [["songs-7", -1, null, null]], []] },
    s: 1,
    p: { 0: ["<p id=\"", "\">", "</p>"], 1: ["<div id=\"songs\" phx-update=\"stream\">", "</div>"] },
  });
  // The same entry again is sent in full: the server keeps nothing of stream items.
  assert.equal(json(engine.render(view([song(7, "Song")], true, [["songs-7", 0, null, null]]))), {
    0: { k: { 0: { 0: "songs-7", 1: "Song" }, kc: 1 }, stream: ["0", [["songs-7", 0, null, null]], [], true] },
  });
  // A stream with no entries still sends its (empty) operations.
  assert.equal(json(engine.render(view([], false, []))), { 0: { k: { kc: 0 }, stream: ["0", [], []] } });
});

c.run();

const comp = suite("diff engine: components");

const Card = { name: "Card" };
const card = (who: string) => node(50, ["<div>FROM ", " ", "</div>"], ["component", who], true);

comp("D11: a component on mount; a new root template allocates a new cid", () => {
  const engine = new DiffEngine(host);
  const view = (print: number) => node(print, ["<main>", "</main>"], [componentRef(Card, "hello", () => card("world"))], true);
  assert.equal(json(engine.render(view(1))), {
    0: 1,
    c: { 1: { 0: "component", 1: "world", r: 1, s: ["<div>FROM ", " ", "</div>"] } },
    r: 1,
    s: 0,
    p: { 0: ["<main>", "</main>"] },
  });
  const again = json(engine.render(view(2)));
  assert.is(again[0], 2);
  assert.equal(Object.keys(again.c), ["2"]);
});

comp("D12: a render-only function component is a nested root node", () => {
  const engine = new DiffEngine();
  const inner = node(60, ["<div>RENDER ONLY ", "</div>"], ["component"], true);
  assert.equal(json(engine.render(node(61, ["", ""], [inner]))), {
    0: { 0: "component", r: 1, s: 0 },
    s: 1,
    p: { 0: ["<div>RENDER ONLY ", "</div>"], 1: ["", ""] },
  });
});

comp("existing components keep their cid; unchanged ones send nothing; statics are shared", () => {
  const changedIds = new Set<string>();
  const calls: [number, boolean][] = [];
  const sharing: ComponentHost = {
    renderComponent(cid, ref, isNew) {
      calls.push([cid, isNew]);
      if (!isNew && !changedIds.has(ref.id)) return null;
      return card(ref.id);
    },
  };
  const engine = new DiffEngine(sharing);
  const view = (ids: string[]) =>
    node(1, ["<main>", "</main>"], [
      comprehension(2, ["", ""], ids.map((id) => ({ key: id, render: () => [componentRef(Card, id, () => card(id))] }))),
    ]);
  const firstDiff = json(engine.render(view(["a", "b"])));
  // cid 2 starts from a copy of cid 1's tree on the client, "component" included.
  assert.equal(firstDiff.c, {
    1: { 0: "component", 1: "a", r: 1, s: ["<div>FROM ", " ", "</div>"] },
    2: { 1: "b", s: 1 },
  });
  // c is new: a was re-rendered in this diff (so it could only be shared as sent now, cid 1,
  // but it rendered the same text and is not sent), b was not (so it is shared as the client
  // had it before, cid -2).
  changedIds.add("a");
  const second = json(engine.render(view(["a", "b", "c"])));
  assert.equal(second.c, { 3: { 1: "c", s: -2 } });
  assert.equal(calls, [[1, true], [2, true], [1, false], [2, false], [3, true]]);
  // The merged state renders the expected HTML.
  const state = mergeDiff(mergeDiff(null, firstDiff), second);
  assert.is(toHTML(state), "<main><div>FROM component a</div><div>FROM component b</div><div>FROM component c</div></main>");
});

comp("component statics shared with a cid from the previous state use a negative cid", () => {
  let shape = 50;
  const h: ComponentHost = {
    renderComponent: (_cid, ref) =>
      shape === 50 ? card(ref.id) : node(51, ["<section>", "</section>"], [ref.id], true),
  };
  const engine = new DiffEngine(h);
  const view = (ids: string[]) =>
    node(1, ["", ""], [comprehension(2, ["", ""], ids.map((id) => ({ key: id, render: () => [componentRef(Card, id, () => card(id))] })))]);
  engine.render(view(["a"]));
  shape = 51;
  const diff = json(engine.render(view(["a", "b"])));
  // a changes shape first (inline statics), then b shares a's new statics from this diff.
  assert.equal(diff.c, { 1: { 0: "a", s: ["<section>", "</section>"] , r: 1 }, 2: { 0: "b", s: 1 } });
  // Only new components render now: x finds a's tree as the client already has it.
  const onlyNew: ComponentHost = { renderComponent: (_cid, ref, isNew) => (isNew ? h.renderComponent(_cid, ref, isNew, false) : null) };
  const engine2 = new DiffEngine(onlyNew);
  engine2.render(view(["a"]));
  const d3 = json(engine2.render(view(["a", "x"])));
  assert.equal(d3.c, { 2: { 0: "x", s: -1 } });
});

comp("duplicate component ids and non-root components are reported", () => {
  const engine = new DiffEngine(host);
  const dup = node(1, ["", "", ""], [componentRef(Card, "a", () => card("a")), componentRef(Card, "a", () => card("a"))]);
  assert.throws(() => engine.render(dup), /found duplicate ID "a" for component Card/);
  const notRoot = node(1, ["", ""], [componentRef(Card, "z", () => node(9, ["x", "y"], [""]))]);
  assert.throws(() => engine.render(notRoot), /must have a single static HTML tag at the root/);
  assert.throws(() => new DiffEngine().render(node(1, ["", ""], [componentRef(Card, "a", () => card("a"))])), /no component host/);
});

comp("components inside components; comprehensions in components carry their own p", () => {
  const Inner = { name: "Inner" };
  const innerRender = () => node(70, ["<b>", "</b>"], ["in"], true);
  const outerRender = () =>
    node(71, ["<div>", "", "</div>"], [
      componentRef(Inner, "i", innerRender),
      comprehension(72, ["<i>", "</i>"], [{ render: () => [node(73, ["<u>", "</u>"], ["x"])] }]),
    ], true);
  const engine = new DiffEngine(host);
  const diff = json(engine.render(node(1, ["", ""], [componentRef(Card, "o", outerRender)])));
  assert.equal(diff.c, {
    1: { 0: 2, 1: { s: ["<i>", "</i>"], k: { 0: { 0: { 0: "x", s: 0 } }, kc: 1 }, p: { 0: ["<u>", "</u>"] } }, r: 1, s: ["<div>", "", "</div>"] },
    2: { 0: "in", r: 1, s: ["<b>", "</b>"] },
  });
  assert.is(toHTML(mergeDiff(null, diff)), "<div><b>in</b><i><u>x</u></i></div>");
});

comp("revived components render in full", () => {
  const forced: boolean[] = [];
  const h: ComponentHost = {
    renderComponent(_cid, ref, isNew, force) {
      forced.push(force);
      return isNew || force ? card(ref.id) : null;
    },
  };
  const engine = new DiffEngine(h);
  const view = () => node(1, ["", ""], [componentRef(Card, "a", () => card("a"))]);
  engine.render(view());
  engine.markForDeletion([1]);
  const diff = json(engine.render(view()));
  assert.equal(diff.c[1].s, ["<div>FROM ", " ", "</div>"]);
  assert.equal(forced, [false, true]);
  engine.markForDeletion([1]);
  assert.equal(engine.deleteComponents([1, 5]), [1]);
  assert.is(engine.cidFor(Card, "a"), undefined);
});

comp("D13: a full diff converts back to the rendered HTML", () => {
  const engine = new DiffEngine(host);
  const view = node(1, ["<div>", "", "</div>"], [
    comprehension(2, ["<p>", "</p>"], fixedEntries([["a"], ["b"]])),
    componentRef(Card, "x", () => card("x")),
  ], true);
  const diff = engine.render(view);
  assert.is(toHTML(mergeDiff(null, diff)), "<div><p>a</p><p>b</p><div>FROM component x</div></div>");
});

comp.run();

