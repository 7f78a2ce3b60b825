import { suite } from "uvu";
import * as assert from "uvu/assert";
import { deepEqual } from "../../runtime/shared/equal.ts";
import { assignValue, isChanged, pathChanged, varsChanged } from "../../runtime/shared/changes.ts";
import { raw } from "../../runtime/shared/escape.ts";

const equal = suite("deepEqual");

equal("primitives", () => {
  assert.ok(deepEqual(1, 1.0));
  assert.ok(deepEqual(0, -0));
  assert.ok(deepEqual(NaN, NaN));
  assert.ok(deepEqual("a", "a"));
  assert.not.ok(deepEqual(1, "1"));
  assert.not.ok(deepEqual(null, undefined));
  assert.not.ok(deepEqual(null, {}));
});

equal("arrays and plain objects, keys in any order", () => {
  assert.ok(deepEqual([1, { a: [2, 3] }], [1, { a: [2, 3] }]));
  assert.not.ok(deepEqual([1, 2], [1, 2, 3]));
  assert.ok(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.not.ok(deepEqual({ a: 1 }, { a: 1, b: undefined }));
  assert.not.ok(deepEqual({ a: 1 }, [1]));
  assert.ok(deepEqual(Object.assign(Object.create(null), { a: 1 }), Object.assign(Object.create(null), { a: 1 })));
});

equal("dates, maps, sets, raw html, class instances", () => {
  assert.ok(deepEqual(new Date(5), new Date(5)));
  assert.not.ok(deepEqual(new Date(5), new Date(6)));
  assert.ok(deepEqual(new Map([["a", { x: 1 }]]), new Map([["a", { x: 1 }]])));
  assert.not.ok(deepEqual(new Map([["a", 1]]), new Map([["b", 1]])));
  assert.ok(deepEqual(new Set([1, 2]), new Set([2, 1])));
  assert.not.ok(deepEqual(new Set([1]), new Set([2])));
  assert.ok(deepEqual(raw("<b>"), raw("<b>")));
  class Point {
    constructor(readonly x: number) {}
  }
  const p = new Point(1);
  assert.ok(deepEqual(p, p));
  assert.not.ok(deepEqual(new Point(1), new Point(1)));
});

equal.run();

const assign = suite("assignValue / isChanged / pathChanged");

assign("equal values record nothing; first write keeps the previous composite value", () => {
  const assigns: Record<string, unknown> = { count: 1, user: { name: "a" } };
  const changed: Record<string, unknown> = {};
  assert.not.ok(assignValue(assigns, changed, "count", 1));
  assert.not.ok(assignValue(assigns, changed, "user", { name: "a" }));
  assert.equal(changed, {});
  assert.ok(assignValue(assigns, changed, "count", 2));
  assert.is(changed.count, true);
  const oldUser = assigns.user;
  assert.ok(assignValue(assigns, changed, "user", { name: "b" }));
  assert.ok(assignValue(assigns, changed, "user", { name: "c" }));
  assert.is(changed.user, oldUser);
  assert.equal(assigns.user, { name: "c" });
  assert.ok(assignValue(assigns, changed, "fresh", [1]));
  assert.is(changed.fresh, true);
  assert.ok(assignValue(assigns, null, "count", 3));
  assert.is(assigns.count, 3);
});

assign("C1: a plain assign", () => {
  assert.ok(isChanged(null, "foo"));
  assert.not.ok(isChanged({}, "foo"));
  assert.ok(isChanged({ foo: true }, "foo"));
  assert.ok(pathChanged({ foo: true }, { foo: 1 }, ["foo"]));
});

assign("C3: either dependency", () => {
  const render = (changed: Record<string, unknown>) => isChanged(changed, "foo") || isChanged(changed, "bar");
  assert.ok(render({ bar: true }));
  assert.ok(render({ foo: true }));
  assert.not.ok(render({ baz: true }));
});

assign("C4: nested paths compare the previous and current values", () => {
  const old = { foo: 1, bar: 2, deep: { x: { y: 1 } } };
  assert.not.ok(pathChanged({ map: old }, { map: { ...old } }, ["map", "foo"]));
  assert.not.ok(pathChanged({ map: old }, { map: { ...old, extra: 9 } }, ["map", "foo"]));
  assert.ok(pathChanged({ map: old }, { map: { ...old, foo: 5 } }, ["map", "foo"]));
  assert.not.ok(pathChanged({ map: old }, { map: { ...old, deep: { x: { y: 1 } } } }, ["map", "deep", "x", "y"]));
  assert.ok(pathChanged({ map: old }, { map: { ...old, deep: { x: { y: 2 } } } }, ["map", "deep", "x", "y"]));
  assert.ok(pathChanged({ map: old }, { map: null }, ["map", "foo"]));
  assert.ok(pathChanged({ map: true }, { map: old }, ["map", "foo"]));
  assert.not.ok(pathChanged({ other: true }, { map: old }, ["map", "foo"]));
  assert.ok(pathChanged(null, { map: old }, ["map", "foo"]));
});

assign("C5: a key absent before and after is unchanged; added is changed", () => {
  assert.not.ok(pathChanged({ map: { a: 1 } }, { map: { a: 2 } }, ["map", "baz"]));
  assert.ok(pathChanged({ map: { a: 1 } }, { map: { a: 1, baz: 1 } }, ["map", "baz"]));
  assert.ok(pathChanged({ map: { baz: 1 } }, { map: {} }, ["map", "baz"]));
});

assign("the recorded previous value drives pathChanged end to end", () => {
  const assigns: Record<string, unknown> = { user: { name: "a", age: 1 } };
  const changed: Record<string, unknown> = {};
  assignValue(assigns, changed, "user", { name: "a", age: 2 });
  assert.not.ok(pathChanged(changed, assigns, ["user", "name"]));
  assert.ok(pathChanged(changed, assigns, ["user", "age"]));
});

assign("varsChanged compares a comprehension entry's variables", () => {
  const item = { id: 1, name: "x" };
  assert.equal(varsChanged({ item, index: 0 }, { item: { id: 1, name: "x" }, index: 0 }), {});
  const vc = varsChanged({ item, index: 0 }, { item: { id: 1, name: "y" }, index: 0 });
  assert.is(vc.item, item);
  assert.equal(Object.keys(vc), ["item"]);
  assert.equal(varsChanged({ index: 0 }, { index: 1 }), { index: true });
});

assign.run();
