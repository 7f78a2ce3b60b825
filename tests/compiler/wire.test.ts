// Compiled templates on the wire: the exact JSON of first renders and diffs, for each kind of
// slot, checked against LiveView's own conformance cases (PROTOCOL.md §2.5, §8).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";

async function render(source: string, assigns: Record<string, unknown>) {
  return renderTemplate(await loadTemplate(source), assigns);
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const first = suite("first render");

first("D1: statics go to the root template table, dynamics by index", async () => {
  const t = await render(`<div>\n  <h2>It's {@time}</h2>\n  {@subtitle}\n</div>`, { time: "10:30", subtitle: "Sunny" });
  assert.equal(json(t.rendered), {
    "0": "10:30",
    "1": "Sunny",
    r: 1,
    s: 0,
    p: { "0": ["<div>\n  <h2>It's ", "</h2>\n  ", "\n</div>"] },
  });
});

first("D3: text is HTML-escaped", async () => {
  const t = await render(`<p>{"<div>"}</p>`, {});
  assert.is(t.rendered["0"], "&lt;div&gt;");
});

first("null, undefined and false render as nothing; true and numbers as text", async () => {
  const t = await render(`<p>{@a}|{@b}|{@c}|{@d}|{@e}</p>`, { a: null, b: undefined, c: false, d: true, e: 4.5 });
  assert.is(t.html(), "<p>||<!---->|true|4.5</p>".replace("<!---->", ""));
});

first("the EEx form <%= %> is the same as {}", async () => {
  const t = await render(`<p><%= @temperature %>°</p>`, { temperature: 21 });
  assert.is(t.html(), "<p>21°</p>");
  assert.is(t.rendered["0"], "21");
});

first("a template with several roots has no r", async () => {
  const t = await render(`<p>{@a}</p>\n<p>b</p>`, { a: 1 });
  assert.is(t.rendered.r, undefined);
});

first("a static-only template has no dynamics", async () => {
  const t = await render(`<p>hello</p>`, {});
  assert.equal(json(t.rendered), { r: 1, s: 0, p: { "0": ["<p>hello</p>"] } });
});

first.run();

const attributes = suite("attributes");

attributes("true gives a bare attribute, false/null/undefined omit it", async () => {
  const t = await render(`<input disabled={@a} checked={@b} value={@c} name={@d}>`, { a: true, b: false, c: null, d: "x" });
  assert.is(t.html(), `<input disabled name="x">`);
});

attributes("static attributes are copied verbatim, with their quotes", async () => {
  const t = await render(`<div title='1 < 2' data-x="a">x</div>`, {});
  assert.is(t.html(), `<div title='1 < 2' data-x="a">x</div>`);
});

attributes("class lists drop falsy entries and the attribute is always present", async () => {
  const t = await render(`<p class={["a", @hot && "hot", null, "b"]}>x</p><i class={@none}>y</i>`, { hot: false, none: null });
  assert.is(t.html(), `<p class="a b">x</p><i class="">y</i>`);
  assert.equal(json(t.assign({ hot: true })), { "0": "a hot b" });
  assert.is(t.html(), `<p class="a hot b">x</p><i class="">y</i>`);
});

attributes("attribute values are escaped", async () => {
  const t = await render(`<a href={@url}>x</a>`, { url: `/a?b=1&c="2"` });
  assert.is(t.html(), `<a href="/a?b=1&amp;c=&quot;2&quot;">x</a>`);
});

attributes("spreads render each attribute with the same rules, in order", async () => {
  const t = await render(`<div {...@rest} id="main">x</div>`, { rest: { "data-a": "1", hidden: true, title: false } });
  assert.is(t.html(), `<div data-a="1" hidden id="main">x</div>`);
});

attributes("phx-no-curly-interpolation is not rendered and braces stay text", async () => {
  const t = await render(`<code phx-no-curly-interpolation>{a: 1}</code>`, {});
  assert.is(t.html(), `<code>{a: 1}</code>`);
});

attributes.run();

const conditionals = suite(":if and EEx if");

conditionals("each branch is its own node; switching branch sends its statics", async () => {
  const t = await render(`<div><p :if={@on}>on {@n}</p><p :else>off</p></div>`, { on: false, n: 1 });
  assert.is(t.html(), "<div><p>off</p></div>");
  const diff = json(t.assign({ on: true }));
  assert.equal(diff, { "0": { "0": "1", r: 1, s: 0 }, p: { "0": ["<p>on ", "</p>"] } });
  assert.is(t.html(), "<div><p>on 1</p></div>");
  // Staying in the branch sends only what changed inside it.
  assert.equal(json(t.assign({ n: 2 })), { "0": { "0": "2" } });
  assert.is(t.html(), "<div><p>on 2</p></div>");
});

conditionals(":if without :else renders nothing when false", async () => {
  const t = await render(`<div><b :if={@show}>x</b></div>`, { show: false });
  assert.is(t.html(), "<div></div>");
  t.assign({ show: true });
  assert.is(t.html(), "<div><b>x</b></div>");
});

conditionals(":else-if chains", async () => {
  const source = `<i :if={@n > 10}>big</i>\n<i :else-if={@n > 5}>medium</i>\n<i :else>small</i>`;
  const t = await render(source, { n: 1 });
  assert.is(t.html(), "<i>small</i>");
  t.assign({ n: 7 });
  assert.is(t.html(), "<i>medium</i>");
  t.assign({ n: 70 });
  assert.is(t.html(), "<i>big</i>");
});

conditionals("EEx if / else if / else blocks", async () => {
  const source = `<div>\n<%= if @user do %>\nHello {@user.name}\n<% else if @guest do %>\nHello guest\n<% else %>\nPlease sign in\n<% end %>\n</div>`;
  const t = await render(source, { user: null, guest: false });
  assert.match(t.html(), /Please sign in/);
  t.assign({ user: { name: "Ann" } });
  assert.match(t.html(), /Hello Ann/);
  assert.equal(json(t.assign({ user: { name: "Bob" } })), { "0": { "0": "Bob" } });
  t.assign({ user: null, guest: true });
  assert.match(t.html(), /Hello guest/);
});

conditionals.run();

const loops = suite(":for comprehensions");

const items = (...names: string[]) => names.map((name, i) => ({ id: i + 1, name }));

loops("entries share statics; keyed entries by :key", async () => {
  const t = await render(`<ul><li :for={item of @items} :key={item.id}>{item.name}</li></ul>`, { items: items("a", "b") });
  assert.equal(json(t.rendered), {
    "0": { k: { "0": { "0": "a" }, "1": { "0": "b" }, kc: 2 }, s: 0 },
    r: 1,
    s: 1,
    p: { "0": ["<li>", "</li>"], "1": ["<ul>", "</ul>"] },
  });
});

loops("appending, reversing and emptying a keyed list (PROTOCOL.md §2.5)", async () => {
  const a = { id: 1, name: "a" }, b = { id: 2, name: "b" }, c = { id: 3, name: "c" };
  const t = await render(`<ul><li :for={item of @items} :key={item.id}>{item.name}</li></ul>`, { items: [a, b] });
  assert.equal(json(t.assign({ items: [a, b, c] })), { "0": { k: { "2": { "0": "c" }, kc: 3 } } });
  assert.equal(json(t.assign({ items: [c, b, a] })), { "0": { k: { "0": 2, "2": 0, kc: 3, km: true } } });
  assert.is(t.html(), "<ul><li>c</li><li>b</li><li>a</li></ul>");
  assert.equal(json(t.assign({ items: [] })), { "0": { k: { kc: 0 } } });
  assert.is(t.html(), "<ul></ul>");
});

loops("D8: an assign read inside keyed entries re-renders only that slot", async () => {
  const source = `<ul><li :for={{ id, name } of @items} :key={id}>Outside: {@count} Inside: {name}</li></ul>`;
  const t = await render(source, { items: [{ id: 1, name: "First" }, { id: 2, name: "Second" }], count: 0 });
  assert.equal(json(t.assign({ count: 1 })), { "0": { k: { "0": { "0": "1" }, "1": { "0": "1" }, kc: 2 } } });
});

loops("D9: without :key, entries are identified by position", async () => {
  const source = `<ul><li :for={item of @items}>{item.name}</li></ul>`;
  const t = await render(source, { items: [{ name: "First" }, { name: "Second" }] });
  assert.equal(json(t.assign({ items: [{ name: "Second" }, { name: "First" }] })), {
    "0": { k: { "0": { "0": "Second" }, "1": { "0": "First" }, kc: 2 } },
  });
});

loops("D10: changing an unrendered field of an entry sends nothing", async () => {
  const source = `<p :for={e of @entries} :key={e.id}>{e.foo.bar}</p>`;
  const t = await render(source, { entries: [{ id: 1, foo: { bar: "x", other: 1 } }] });
  assert.equal(json(t.assign({ entries: [{ id: 1, foo: { bar: "x", other: 2 } }] })), {});
  assert.equal(json(t.assign({ entries: [{ id: 1, foo: { bar: "y", other: 2 } }] })), { "0": { k: { "0": { "0": "y" }, kc: 1 } } });
});

loops("index binding and :if filter", async () => {
  const t = await render(`<b :for={(n, i) of @ns} :if={n % 2 === 0}>{i}:{n} </b>`, { ns: [1, 2, 3, 4] });
  assert.is(t.html(), "<b>1:2 </b><b>3:4 </b>");
});

loops("HEEx's arrow form x <- xs is accepted", async () => {
  const t = await render(`<b :for={n <- @ns}>{n}</b>`, { ns: [1, 2] });
  assert.is(t.html(), "<b>1</b><b>2</b>");
});

loops("nested loops track outer and inner variables", async () => {
  const source = `<table><tr :for={row of @rows} :key={row.id}><td :for={cell of row.cells}>{row.id}.{cell}</td></tr></table>`;
  const t = await render(source, { rows: [{ id: 1, cells: ["a", "b"] }, { id: 2, cells: ["c"] }] });
  assert.is(t.html(), "<table><tr><td>1.a</td><td>1.b</td></tr><tr><td>2.c</td></tr></table>");
  t.assign({ rows: [{ id: 1, cells: ["a", "b"] }, { id: 2, cells: ["c", "d"] }] });
  assert.is(t.html(), "<table><tr><td>1.a</td><td>1.b</td></tr><tr><td>2.c</td><td>2.d</td></tr></table>");
});

loops("EEx for blocks", async () => {
  const t = await render(`<ul>\n<%= for r of @readings do %>\n<li>{r}</li>\n<% end %>\n</ul>`, { readings: [1, 2] });
  assert.is(t.html().replace(/\s+/g, ""), "<ul><li>1</li><li>2</li></ul>");
});

loops("D6: an empty comprehension first renders as an empty string", async () => {
  const t = await render(`<ul><li :for={x of @xs}>{x}</li></ul>`, { xs: [] });
  assert.is(t.rendered["0"], "");
  t.assign({ xs: [1] });
  assert.is(t.html(), "<ul><li>1</li></ul>");
});

loops.run();

const literals = suite("literal attribute pieces");

literals("a string literal attribute is static, escaped at compile time", async () => {
  const t = await render(`<p title={"a < b"}>{@x}</p>`, { x: 1 });
  assert.equal(json(t.rendered).p["0"], [`<p title="a &lt; b">`, "</p>"]);
});

literals("only the substitutions of a template literal are dynamic (HEEx: literal pieces go to statics)", async () => {
  const t = await render("<li id={`row-${@id}-x`} data-n={`${@n}`}>x</li>", { id: 7, n: null });
  assert.equal(json(t.rendered), { "0": "7", "1": "null", r: 1, s: 0, p: { "0": [`<li id="row-`, `-x" data-n="`, `">x</li>`] } });
  assert.is(t.html(), `<li id="row-7-x" data-n="null">x</li>`);
  assert.equal(json(t.assign({ id: `"8"` })), { "0": "&quot;8&quot;" });
  assert.is(t.html(), `<li id="row-&quot;8&quot;-x" data-n="null">x</li>`);
});

literals("a concatenation starting with a string literal splits the same way", async () => {
  const t = await render(`<a href={"/buy/" + @id + "?q=" + (@n + 1)}>x</a>`, { id: "a&b", n: 1 });
  assert.equal(json(t.rendered), { "0": "a&amp;b", "1": "2", r: 1, s: 0, p: { "0": [`<a href="/buy/`, `?q=`, `">x</a>`] } });
  assert.is(t.html(), `<a href="/buy/a&amp;b?q=2">x</a>`);
});

literals("other expressions that start with a string stay whole", async () => {
  const t = await render(`<a title={"x" === @v ? "yes" : "no"}>x</a>`, { v: "x" });
  assert.equal(json(t.rendered).p["0"], [`<a`, `>x</a>`]);
  assert.is(t.html(), `<a title="yes">x</a>`);
});

literals.run();

const large = suite("large nodes");

large("a node with hundreds of slots computes and sends only the changed ones", async () => {
  const n = 150;
  const source = `<div>${Array.from({ length: n }, (_, i) => `<b title={@t${i}}>{@v${i}}</b>`).join("")}</div>`;
  const assigns = Object.fromEntries(Array.from({ length: n }, (_, i) => [[`v${i}`, `value ${i}`], [`t${i}`, `title ${i}`]]).flat());
  const t = await render(source, assigns);
  const expected = (changed: number) =>
    `<div>${Array.from({ length: n }, (_, i) => `<b title="title ${i}">${i === changed ? "new" : `value ${i}`}</b>`).join("")}</div>`;
  assert.is(t.html(), expected(-1));
  assert.is(Object.keys(json(t.rendered)).filter((k) => /^\d+$/.test(k)).length, 2 * n);
  assert.equal(json(t.assign({ v130: "new" })), { "261": "new" });
  assert.is(t.html(), expected(130));
});

large.run();
