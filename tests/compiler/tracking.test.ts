// Change tracking: after a one-assign change, only the slots that depend on it are evaluated
// (counted through a helper the template calls), and the diff carries only their values.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compileToFile } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import { compile } from "../../compiler/compile.ts";
import type { Template } from "../helpers/load-template.ts";

async function counted(body: string) {
  const file = compileToFile(`---
export const calls: Record<string, number> = {};
function count<T>(name: string, value: T): T {
  calls[name] = (calls[name] ?? 0) + 1;
  return value;
}
---
${body}`);
  const module = (await import(file)) as { default: Template; calls: Record<string, number> };
  return { template: module.default, calls: module.calls };
}

const tracking = suite("change tracking");

tracking("a one-assign change evaluates only the slots that read it", async () => {
  const { template, calls } = await counted(
    `<p>{count("a", @a)}</p><p>{count("b", @b)}</p><p>{count("ab", @a + @b)}</p><p>{count("none", 1)}</p>`,
  );
  const t = renderTemplate(template, { a: 1, b: 2 });
  assert.equal({ ...calls }, { a: 1, b: 1, ab: 1, none: 1 });
  assert.equal(JSON.parse(JSON.stringify(t.assign({ a: 5 }))), { "0": "5", "2": "7" });
  assert.equal({ ...calls }, { a: 2, b: 1, ab: 2, none: 1 });
});

tracking("assigning an equal value records no change and renders nothing", async () => {
  const { template, calls } = await counted(`<p>{count("user", @user.name)}</p>`);
  const t = renderTemplate(template, { user: { name: "Ann" } });
  assert.equal(t.assign({ user: { name: "Ann" } }), {});
  assert.equal(calls, { user: 1 });
});

tracking("nested paths: a change to another field of the same object is skipped", async () => {
  const { template, calls } = await counted(`<p>{count("name", @user.name)}</p><p>{count("age", @user.age)}</p>`);
  const t = renderTemplate(template, { user: { name: "Ann", age: 3 } });
  const diff = t.assign({ user: { name: "Ann", age: 4 } });
  assert.equal(JSON.parse(JSON.stringify(diff)), { "1": "4" });
  // The slot's guard compares old and new `user.name` without evaluating the expression.
  assert.equal({ ...calls }, { name: 1, age: 2 });
});

tracking("inside a keyed list, a changed item re-evaluates only its own slots", async () => {
  const { template, calls } = await counted(`<li :for={r of @rows} :key={r.id}>{count("label", r.label)}</li>`);
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, label: `row ${i}` }));
  const t = renderTemplate(template, { rows });
  assert.is(calls.label, 50);
  const next = rows.map((r) => (r.id === 7 ? { ...r, label: "changed" } : r));
  assert.equal(JSON.parse(JSON.stringify(t.assign({ rows: next }))), { "0": { k: { "7": { "0": "changed" }, kc: 50 } } });
  // The comprehension is rebuilt (the list changed), but only entry 7's slot is evaluated.
  assert.is(calls.label, 51);
});

tracking("a bare `assigns` makes the slot render every time and is reported", () => {
  const result = compile(`<p>{Object.keys(assigns).length}</p>`, { filename: "bare.live.html" });
  const warning = result.diagnostics.find((d) => d.code === "LH0501");
  assert.ok(warning, "expected LH0501");
  assert.is(warning!.severity, "warning");
  assert.equal([warning!.start.line, warning!.start.column], [1, 5]);
  assert.equal(result.meta.slots[0]!.dependencies, ["*"]);
});

tracking("an untracked variable is reported once, with its location", () => {
  const result = compile(`<p>\n  {total}</p><p>{total + 1}</p>`, { filename: "v.live.html" });
  const warnings = result.diagnostics.filter((d) => d.code === "LH0502");
  assert.is(warnings.length, 1);
  assert.match(warnings[0]!.message, /`total`/);
  assert.equal([warnings[0]!.start.line, warnings[0]!.start.column], [2, 4]);
});

tracking("module-level bindings and globals are constant, loop variables are tracked", () => {
  const result = compile(`---
import { format } from "./format";
---
<p :for={r of @rows}>{format(r.value)} {Math.round(@x)}</p>`);
  assert.is(result.diagnostics.length, 0);
  const deps = result.meta.slots.map((s) => s.dependencies);
  assert.equal(deps, [["r.value"], ["@x"], ["@rows", "@x"]]);
});

tracking("method calls end a dependency path", () => {
  const result = compile(`<p>{@user.name.toUpperCase()}</p>`);
  assert.equal(result.meta.slots[0]!.dependencies, ["@user.name"]);
});

tracking("calling a function-valued assign tracks that assign, with no warning", async () => {
  const result = compile(`<ul><li :for={row of @rows} :key={@id(row)}>{@label(row)}</li></ul>`);
  assert.equal(result.diagnostics, []);
  const deps = result.meta.slots.map((s) => s.dependencies);
  assert.ok(deps.some((d) => d.includes("@label")), JSON.stringify(deps));
  assert.ok(!deps.some((d) => d.includes("*")), JSON.stringify(deps));
  const { template, calls } = await counted(`<ul><li :for={row of @rows} :key={@id(row)}>{count("label", @label(row))}</li></ul><p>{@title}</p>`);
  const rows = [{ n: 1 }, { n: 2 }];
  const t = renderTemplate(template, { rows, id: (r: { n: number }) => r.n, label: (r: { n: number }) => `row ${r.n}`, title: "a" });
  assert.is(calls.label, 2);
  t.assign({ title: "b" });
  assert.is(calls.label, 2, "a change elsewhere does not re-render the rows");
});

tracking.run();
