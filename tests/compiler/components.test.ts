// Function components and slots: `<.card>`, `<Ns.card>`, `<:slot>`, `renderSlot`, `:let`, and
// the change map a component receives from its caller (PROTOCOL.md §3.4).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compileToFile, loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const card = compileToFile(`---
export interface Assigns { title: string; count?: number; inner_block?: unknown; footer?: unknown }
---
<section class="card"><h2>{@title}</h2>{renderSlot(@inner_block)}<footer>{renderSlot(@footer, @title)}</footer></section>`);

const list = compileToFile(`<ul><li :for={item of @items}>{renderSlot(@inner_block, item)}</li></ul>`);

const calls = suite("function components");

calls("a local component receives attributes and its default slot", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<main><.card title={@title} count={3}>Body {@body}</.card></main>`);
  const t = renderTemplate(page, { title: "Hi", body: "text" });
  assert.is(t.html(), `<main><section class="card"><h2>Hi</h2>Body text<footer></footer></section></main>`);
});

calls("a named slot renders with the argument received through :let", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<.card title="T"><:footer :let={t}>by {t}</:footer></.card>`);
  assert.is(renderTemplate(page, {}).html(), `<section class="card"><h2>T</h2><footer>by T</footer></section>`);
});

calls("a remote component <Ns.name> resolves through a namespace import", async () => {
  const page = await loadTemplate(`---
import * as Ui from "${list.replace(/list/, "list")}";
---
<Ui.default items={@xs} :let={x}><b>{x}</b></Ui.default>`);
  assert.is(renderTemplate(page, { xs: [1, 2] }).html(), `<ul><li><b>1</b></li><li><b>2</b></li></ul>`);
});

calls("changing an assign the component does not read does not call it again", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<div>{@other}<.card title={@title}>x</.card></div>`);
  const t = renderTemplate(page, { title: "A", other: 1 });
  assert.equal(json(t.assign({ other: 2 })), { "0": "2" });
});

calls("the component gets only the changed attribute: its other slots are not re-sent", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<div><.card title={@title}>{@body}</.card></div>`);
  const t = renderTemplate(page, { title: "A", body: "b1" });
  const diff = json(t.assign({ title: "B" }));
  // Slot 0 of the page is the card; inside it the title (slot 0) and the footer slot (2, which
  // reads @title) are recomputed, the default slot (1) is not. The footer's text stays "", which
  // the client shows already, so only the title travels.
  assert.equal(diff, { "0": { "0": "B" } });
  assert.is(t.html(), `<div><section class="card"><h2>B</h2>b1<footer></footer></section></div>`);
  assert.equal(json(t.assign({ body: "b2" })), { "0": { "1": { "0": "b2" } } });
  assert.is(t.html(), `<div><section class="card"><h2>B</h2>b2<footer></footer></section></div>`);
});

calls("components inside a loop", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<.card :for={t of @titles} title={t} />`);
  const t = renderTemplate(page, { titles: ["a", "b"] });
  assert.is(
    t.html(),
    `<section class="card"><h2>a</h2><footer></footer></section><section class="card"><h2>b</h2><footer></footer></section>`,
  );
});

calls("a component that does not return a template fails with its name", async () => {
  const page = await loadTemplate(`---
const broken = (_: unknown) => "text";
---
<.broken />`);
  assert.throws(() => page({}).html(), /<\.broken> must return a live template/);
});

calls("two branches calling the same component with other attributes are different nodes", async () => {
  const page = await loadTemplate(`---
import card from "${card}";
---
<%= if @a do %><.card title={@x} /><% else %><.card title={@y} /><% end %>`);
  const t = renderTemplate(page, { a: false, x: "X", y: "Y" });
  assert.match(t.html(), /<h2>Y<\/h2>/);
  t.assign({ a: true });
  assert.match(t.html(), /<h2>X<\/h2>/, "switching branch must not keep the other branch's values");
});

calls("slot entries from :for, each rendered with :let, in a table component", async () => {
  const table = compileToFile(
    `<table><tr><th :for={c of @col}>{c.label}</th></tr><tr :for={row of @rows}><td :for={c of @col}>{renderSlot(c, row)}</td></tr></table>`,
  );
  const page = await loadTemplate(`---
import table from "${table}";
---
<.table rows={@users}>
  <:col :let={u} label="Name">{u.name}</:col>
  <:col :for={extra of @extras} :let={u} label={extra}>{extra}-{u.age}</:col>
</.table>`);
  const t = renderTemplate(page, { users: [{ name: "Ann", age: 3 }], extras: ["x", "y"] });
  const expected = (age: number) =>
    `<table><tr><th>Name</th><th>x</th><th>y</th></tr><tr><td>Ann</td><td>x-${age}</td><td>y-${age}</td></tr></table>`;
  assert.is(t.html(), expected(3));
  t.assign({ users: [{ name: "Ann", age: 4 }] });
  assert.is(t.html(), expected(4));
  assert.is(page({ users: [{ name: "Ann", age: 4 }], extras: ["x", "y"] }).html(), expected(4));
});

calls.run();
