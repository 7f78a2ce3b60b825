// A property read by several text or plain-attribute slots of one block is read and escaped
// once in the HTML renderer (compiler/emit/emitter.ts, `shareValues`), and the page is byte for
// byte the tree renderer's whatever the value is: a string to escape, an empty string, a
// boolean (a bare or omitted attribute, "true" or nothing in text), a number, null, raw HTML.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { compileToFile } from "../helpers/load-template.ts";
import { raw } from "../../runtime/shared/escape.ts";

interface Page {
  (assigns: Record<string, unknown>): { html(): string };
  html(assigns: Record<string, unknown>): string;
}

const load = async (file: string): Promise<Page> => ((await import(file)) as { default: Page }).default;
const htmlRenderer = (file: string) => {
  const code = readFileSync(file, "utf8");
  return code.slice(0, code.indexOf("function render("));
};

const shared = suite("values read by several slots in the HTML renderer");

const itemsFile = compileToFile(
  `<ul><li :for={item of @items} title={item.title}><h2>{item.title}</h2><img alt={item.title} src={item.src}>{item.title}<a href={item.src}>{item.src}</a></li></ul>`,
);
const assignFile = compileToFile(`<p data-label={@label}>{@label}<span aria-label={@label}></span></p>`);

shared("a property read by several slots of a block is read once, escaped once", () => {
  const code = htmlRenderer(itemsFile);
  assert.is(code.split("item.title").length - 1, 1, "item.title is read once per item");
  assert.match(code, "$escapedText(");
  // A URL attribute keeps its own rule: `item.src` is read by `href` and by text, and only the
  // text slot could share it, so it is not shared.
  assert.is(code.split("item.src").length - 1, 3);
  assert.is(htmlRenderer(assignFile).split("assigns.label").length - 1, 1);
});

shared("a value read once is not hoisted", () => {
  const code = htmlRenderer(compileToFile(`<p title={@a}>{@b}</p>`));
  assert.not.match(code, "$escapedText(");
});

shared("only property reads are shared, not calls", () => {
  const code = htmlRenderer(compileToFile(`---
let n = 0;
const next = () => String(++n);
---
<p title={next()}>{next()}</p>`));
  assert.not.match(code, "$escapedText(");
});

const VALUES: unknown[] = ["Men's <b>\"shoes\"</b> & more", "", "plain", 0, 42, true, false, null, undefined, raw("<i>x</i>"), ["a", "<b>"]];

shared("the HTML renderer's page is the tree renderer's for every kind of value", async () => {
  const items = await load(itemsFile);
  const assign = await load(assignFile);
  for (const value of VALUES) {
    const a = { items: [{ title: value, src: "/x?a=1&b=2" }, { title: "second's", src: "/y" }] };
    assert.is(items.html(a), items(a).html(), `items with title ${String(value)}`);
    const b = { label: value };
    assert.is(assign.html(b), assign(b).html(), `label ${String(value)}`);
  }
});

shared("the page for a string value, written out", async () => {
  const items = await load(itemsFile);
  assert.is(
    items.html({ items: [{ title: `a "b" & c's`, src: "/s" }] }),
    `<ul><li title="a &quot;b&quot; &amp; c&#39;s"><h2>a &quot;b&quot; &amp; c&#39;s</h2><img alt="a &quot;b&quot; &amp; c&#39;s" src="/s">a &quot;b&quot; &amp; c&#39;s<a href="/s">/s</a></li></ul>`,
  );
  const assign = await load(assignFile);
  assert.is(assign.html({ label: true }), `<p data-label>true<span aria-label></span></p>`);
  assert.is(assign.html({ label: false }), `<p><span></span></p>`);
});

shared.run();
