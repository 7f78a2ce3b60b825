// The trees of valid templates: outlines with exact offsets, and details the outline omits.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../compiler/index.ts";
import type { Component, EexIf, Element, Slot, StaticAttribute } from "../../compiler/index.ts";
import { createLocator } from "../../compiler/utils/locator.ts";
import { AST_CASES } from "./ast-cases.ts";
import { outline } from "./helpers.ts";
import { checkInvariants } from "./invariants.ts";

const test = suite("parse trees");

for (const c of AST_CASES) {
  test(`tree: ${JSON.stringify(c.source).slice(0, 60)}`, () => {
    const { ast, diagnostics } = parse(c.source);
    assert.equal(diagnostics, []);
    assert.equal(outline(ast.children), c.outline);
    assert.is(checkInvariants(c.source, ast, diagnostics), null);
  });
}

test("frontmatter: code, contentStart and the body after the fence", () => {
  const src = "---\nimport x from \"y\";\n---\n<p>{x}</p>";
  const { ast } = parse(src);
  assert.equal(ast.frontmatter, { type: "Frontmatter", start: 0, end: 27, code: "import x from \"y\";\n", contentStart: 4 });
  assert.is(createLocator(src).locate(ast.children[0]!.start).line, 4);
});

test("a template without frontmatter has none, and `---` later is text", () => {
  const { ast } = parse("<p></p>\n---\n");
  assert.is(ast.frontmatter, null);
  assert.equal(ast.children.map((n) => n.type), ["Element", "Text"]);
});

test("static attribute spans and quotes", () => {
  const src = `<a href='x' title="y z" download>t</a>`;
  const a = parse(src).ast.children[0] as Element;
  const [href, title, download] = a.attributes as StaticAttribute[];
  assert.equal([href!.start, href!.end, href!.nameSpan, href!.valueSpan, href!.quote], [3, 11, { start: 3, end: 7 }, { start: 9, end: 10 }, "'"]);
  assert.equal([title!.value, title!.quote, src.slice(title!.valueSpan!.start, title!.valueSpan!.end)], ["y z", '"', "y z"]);
  assert.equal([download!.value, download!.valueSpan, download!.quote, download!.end], [null, null, null, 32]);
  assert.equal(a.openTag, { start: 0, end: 33 });
  assert.equal(a.closeTag, { start: 34, end: 38 });
});

test("element flags: void, rawText, noCurly, selfClosing", () => {
  const { ast } = parse(`<img src="a"><script></script><div phx-no-curly-interpolation></div><p/>`);
  const [img, script, div, p] = ast.children as Element[];
  assert.equal([img!.void, img!.rawText, img!.closeTag, img!.children.length], [true, false, null, 0]);
  assert.equal([script!.rawText, script!.void], [true, false]);
  assert.equal([div!.noCurly, div!.attributes.length], [true, 0]);
  assert.equal([p!.selfClosing, p!.closeTag, p!.end], [true, null, 72]);
});

test("components: local and remote names", () => {
  const { ast } = parse(`<.card/><Ui.card/><Ui.Forms.input/>`);
  const [local, remote, deep] = ast.children as Component[];
  assert.equal([local!.functionName, local!.namespace], ["card", null]);
  assert.equal([remote!.functionName, remote!.namespace], ["card", ["Ui"]]);
  assert.equal([deep!.functionName, deep!.namespace, deep!.nameSpan], ["input", ["Ui", "Forms"], { start: 19, end: 33 }]);
});

test("slots: slotName, :let pattern span", () => {
  const src = `<.t><:col :let={{ id }} a="1">{id}</:col></.t>`;
  const slot = (parse(src).ast.children[0] as Component).children[0] as Slot;
  assert.is(slot.slotName, "col");
  const pattern = slot.directives.let!.pattern;
  assert.equal([pattern.code, pattern.start, pattern.end], ["{ id }", 16, 22]);
  assert.equal(slot.directives.let!.nameSpan, { start: 10, end: 14 });
});

test(":for spans of pattern, index and iterable", () => {
  const src = `<li :for={ (row, n) of @rows }>x</li>`;
  const f = (parse(src).ast.children[0] as Element).directives.for!;
  assert.equal([f.start, f.end, f.nameSpan], [4, 30, { start: 4, end: 8 }]);
  assert.equal([f.pattern.start, f.pattern.end, f.index!.start, f.index!.end, f.iterable.start, f.iterable.end], [12, 15, 17, 18, 23, 28]);
});

test("EEx if: clause tags, conditions and endTag", () => {
  const src = "<%= if @a do %>1<% else if @b do %>2<% else %>3<% end %>";
  const node = parse(src).ast.children[0] as EexIf;
  assert.equal(node.clauses.map((c) => [c.tag.start, c.tag.end, c.condition?.code ?? null]), [[0, 15, "@a"], [16, 35, "@b"], [36, 46, null]]);
  assert.equal(node.endTag, { start: 47, end: 56 });
  assert.equal([node.clauses[1]!.condition!.start, node.clauses[1]!.condition!.end], [27, 29]);
});

test("line and column of nodes from the locator", () => {
  const src = "<div>\n  <p>\n    {@x}\n  </p>\n</div>";
  const div = parse(src).ast.children[0] as Element;
  const p = div.children.find((n) => n.type === "Element") as Element;
  const expr = p.children.find((n) => n.type === "ExpressionTag")!;
  const loc = createLocator(src);
  assert.equal(loc.locate(p.start), { line: 2, column: 3, offset: 8 });
  assert.equal(loc.locate(expr.start), { line: 3, column: 5, offset: 16 });
  assert.equal(loc.locate(p.closeTag!.start), { line: 4, column: 3, offset: 23 });
});

test("`@name` stays in the expression code", () => {
  const { ast } = parse("{@user.name}");
  assert.is((ast.children[0] as { expression: { code: string } }).expression.code, "@user.name");
});

test("three independent mistakes give three diagnostics", () => {
  const src = "<div>\n  <p class=foo>x</p>\n  <span>{@a +}</span>\n  <b :iff={1}>y</b>\n</div>";
  const { diagnostics } = parse(src);
  assert.equal(diagnostics.map((d) => [d.code, d.start.line, d.start.column]), [["LH0108", 2, 12], ["LH0301", 3, 14], ["LH0402", 4, 6]]);
});

test("recovery keeps later structure: an unquoted value does not hide the following tags", () => {
  const { ast, diagnostics } = parse(`<p class=x>a</p><b>{@y}</b>`);
  assert.equal(diagnostics.map((d) => d.code), ["LH0108"]);
  assert.equal(ast.children.map((n) => n.type === "Element" ? n.name : n.type), ["p", "b"]);
});

test("recovery: a misspelt close tag closes its element, a stray one is skipped", () => {
  const typo = parse(`<ul><li>one</lu><li>two</li></ul>`);
  assert.equal(typo.diagnostics.map((d) => d.code), ["LH0202"]);
  const ul = typo.ast.children[0] as Element;
  assert.equal(ul.children.map((n) => n.type === "Element" ? n.name : n.type), ["li", "li"]);
  assert.is((ul.children[0] as Element).end, 16);

  const stray = parse(`<div>a</span>b</div><p></p>`);
  assert.equal(stray.diagnostics.map((d) => d.code), ["LH0202"]);
  assert.equal(stray.ast.children.map((n) => n.type === "Element" ? n.name : n.type), ["div", "p"]);
  assert.equal((stray.ast.children[0] as Element).children.map((n) => n.type === "Text" ? n.data : n.type), ["a", "b"]);
});

test("recovery: an unterminated quoted value stops at its line, so the next lines still parse", () => {
  const { ast, diagnostics } = parse(`<div class="a\n<p>x</p>\n<b>y</b>`);
  assert.equal(diagnostics.map((d) => [d.code, d.start.line, d.start.column]), [["LH0109", 1, 12]]);
  const div = ast.children[0] as Element;
  assert.equal(div.children.filter((n) => n.type === "Element").map((n) => (n as Element).name), ["p", "b"]);
});

test("large input parses with expressions checked", () => {
  const src = "<ul>" + "<li :for={x of @xs} class={x.c}>{x.name} {@y + 1}</li>".repeat(2000) + "</ul>";
  const { diagnostics } = parse(src);
  assert.equal(diagnostics, []);
  const bad = src.replace("{@y + 1}", "{@y + }");
  assert.equal(parse(bad).diagnostics.map((d) => d.code), ["LH0301"]);
});

test.run();
