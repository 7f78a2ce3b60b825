// `{renderSlot(…)}` in the HTML renderer (the first render): compiled to `$slotHtml(…)` when
// `renderSlot` is the implicit helper, and byte for byte the HTML of the tree renderer whatever
// the slot holds (one entry, several, none, a `:let` argument, a hand-written component).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { compileToFile } from "../helpers/load-template.ts";
import { renderSlot } from "../../runtime/shared/template.ts";

interface Page {
  (assigns: Record<string, unknown>): { html(): string };
  html(assigns: Record<string, unknown>): string;
}

const load = async (file: string): Promise<Page> => ((await import(file)) as { default: Page }).default;

const box = compileToFile(`<div class="box">{renderSlot(@inner_block)}|{renderSlot(@item, @n)}|{renderSlot(@missing)}</div>`);

const slotHtml = suite("renderSlot in the HTML renderer");

/** Both renderers of `page` give `expected`. */
function renders(page: Page, assigns: Record<string, unknown>, expected: string): void {
  assert.is(page.html(assigns), expected, "HTML renderer");
  assert.is(page(assigns).html(), expected, "tree renderer");
}

slotHtml("a component's renderSlot calls compile to slotHtml in its HTML renderer only", () => {
  const code = readFileSync(box, "utf8");
  const htmlRenderer = code.slice(0, code.indexOf("function render("));
  assert.match(htmlRenderer, "$slotHtml(assigns.inner_block)");
  assert.match(htmlRenderer, "$slotHtml(assigns.item, assigns.n)");
  assert.not.match(htmlRenderer, "renderSlot(");
  assert.match(code.slice(code.indexOf("function render(")), "renderSlot(assigns.inner_block)");
});

slotHtml("one entry, several entries with an argument, and an absent slot", async () => {
  const page = await load(
    compileToFile(`---
import box from "${box}";
---
<.box n={@n}>a &amp; {@text}<:item :let={n}><i>{n}</i></:item><:item :let={n}><b>{n + 1}</b></:item></.box>`),
  );
  renders(page, { n: 1, text: "<x>" }, `<div class="box">a &amp; &lt;x&gt;|<i>1</i><b>2</b>|</div>`);
});

slotHtml("entries from :for and :if, including none", async () => {
  const page = await load(
    compileToFile(`---
import box from "${box}";
---
<.box n={0}><:item :for={x of @xs} :if={x > 1}>{x}.</:item></.box>`),
  );
  renders(page, { xs: [1, 2, 3] }, `<div class="box">|2.3.|</div>`);
  renders(page, { xs: [1] }, `<div class="box">||</div>`);
});

slotHtml("a slot entry passed by hand: a string body is escaped, a tree is HTML, as htmlOf(renderSlot(…)) does", async () => {
  const page = await load(box);
  const bold = await load(compileToFile("<b>{@v}</b>"));
  const entry = (body: unknown) => ({ __slot__: "inner_block", inner_block: () => body });
  renders(page, { inner_block: [entry("<b>")], n: 0 }, `<div class="box">&lt;b&gt;||</div>`);
  renders(page, { inner_block: entry(bold({ v: "1" })), n: 0 }, `<div class="box"><b>1</b>||</div>`);
  renders(page, { inner_block: [{ __slot__: "inner_block", inner_block: null }], n: 0 }, `<div class="box">||</div>`);
});

slotHtml("a renderSlot the template binds itself is called as written", async () => {
  const file = compileToFile(`---
const renderSlot = (slot: unknown) => "[" + String(slot) + "]";
---
<p>{renderSlot(@x)}</p>`);
  const page = await load(file);
  assert.not.match(readFileSync(file, "utf8"), "$slotHtml");
  renders(page, { x: "<" }, "<p>[&lt;]</p>");
  // The runtime's renderSlot is untouched by any of this.
  assert.is(renderSlot(null), "");
});

slotHtml.run();
