// Output safety in compiled templates: every rule holds in both renderers (the HTML renderer of
// the first paint and the tree renderer of joins and diffs) and in diffs after a change.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import { compile } from "../../compiler/compile.ts";

console.warn = () => {}; // development warnings for refused values are expected here

const ATTACK = " \u0001JaVa\tScRiPt:alert(1)";

interface Rendering {
  /** The HTML renderer's output (first paint over HTTP). */
  first: string;
  /** HTML merged from the tree renderer's full render (a join). */
  joined: string;
  /** HTML merged after the assigns change from `from` to `assigns` (a diff). */
  diffed: string;
  wire: unknown;
}

async function renderAll(source: string, assigns: Record<string, unknown>, from: Record<string, unknown>): Promise<Rendering> {
  const template = await loadTemplate(source);
  const first = (template as unknown as { html(a: unknown): string }).html(assigns);
  const joined = renderTemplate(template, assigns);
  const changing = renderTemplate(template, from);
  const wire = changing.assign(assigns);
  return { first, joined: joined.html(), diffed: changing.html(), wire };
}

/** All three renderings are `expected`. */
async function expectAll(source: string, assigns: Record<string, unknown>, from: Record<string, unknown>, expected: string): Promise<Rendering> {
  const r = await renderAll(source, assigns, from);
  assert.is(r.first, expected, "HTML renderer");
  assert.is(r.joined, expected, "tree renderer");
  assert.is(r.diffed, expected, "after a diff");
  return r;
}

const test = suite("output safety in compiled templates");

test("URL attributes refuse script URLs in first paint, join and diff", async () => {
  await expectAll(`<a href={@u}>x</a>`, { u: ATTACK }, { u: "/safe" }, `<a href="about:invalid">x</a>`);
  await expectAll(`<form action={@u}><button formaction={@u}>go</button></form>`, { u: "vbscript:x" }, { u: "/a" },
    `<form action="about:invalid"><button formaction="about:invalid">go</button></form>`);
  await expectAll(`<iframe src={@u}></iframe>`, { u: "data:text/html,<script>alert(1)</script>" }, { u: "/a" }, `<iframe src="about:invalid"></iframe>`);
  await expectAll(`<svg><a xlink:href={@u}>x</a></svg>`, { u: "javascript:alert(1)" }, { u: "/a" }, `<svg><a xlink:href="about:invalid">x</a></svg>`);
  await expectAll(`<object data={@u}></object>`, { u: "javascript:alert(1)" }, { u: "/a" }, `<object data="about:invalid"></object>`);
  await expectAll(`<a HREF={@u}>x</a>`, { u: "javascript:alert(1)" }, { u: "/a" }, `<a HREF="about:invalid">x</a>`);
});

test("an SVG animation cannot set a script URL; a refresh cannot go to one", async () => {
  await expectAll(`<svg><a><set attributeName="href" to={@u} /></a></svg>`, { u: ATTACK }, { u: "/a" }, `<svg><a><set attributeName="href" to="about:invalid"></set></a></svg>`);
  await expectAll(`<svg><a><animate attributeName="xlink:href" values={@u} /></a></svg>`, { u: "/a;javascript:alert(1)" }, { u: "/a" },
    `<svg><a><animate attributeName="xlink:href" values="about:invalid"></animate></a></svg>`);
  await expectAll(`<svg><animateMotion from={@u} by={@u} /></svg>`, { u: "javascript:alert(1)" }, { u: "1" }, `<svg><animateMotion from="about:invalid" by="about:invalid"></animateMotion></svg>`);
  await expectAll(`<svg><animate attributeName="x" values={@u} /></svg>`, { u: "0;10;0" }, { u: "1" }, `<svg><animate attributeName="x" values="0;10;0"></animate></svg>`);
  await expectAll(`<meta http-equiv="refresh" content={@c}>`, { c: "0; url='javascript:alert(1)'" }, { c: "5" }, `<meta http-equiv="refresh" content="about:invalid">`);
  await expectAll("<meta http-equiv=\"refresh\" content={`0;url=${@u}`}>", { u: "javascript:alert(1)" }, { u: "/a" }, `<meta http-equiv="refresh" content="about:invalid">`);
  await expectAll(`<meta http-equiv="refresh" content={@c}>`, { c: "0;url=/next" }, { c: "5" }, `<meta http-equiv="refresh" content="0;url=/next">`);
  await expectAll(`<meta {...@m}>`, { m: { "http-equiv": "refresh", content: "0;url=javascript:alert(1)" } }, { m: {} }, `<meta http-equiv="refresh" content="about:invalid">`);
});

test("images may hold raster data: URLs, other elements may not", async () => {
  const png = "data:image/png;base64,iVBORw0KGgo=";
  await expectAll(`<img src={@u}>`, { u: png }, { u: "/a.png" }, `<img src="${png}">`);
  await expectAll(`<img src={@u}>`, { u: "data:image/svg+xml,<svg onload=alert(1)>" }, { u: "/a.png" }, `<img src="about:invalid">`);
  await expectAll(`<embed src={@u}>`, { u: png }, { u: "/a" }, `<embed src="about:invalid">`);
  await expectAll(`<img srcset={@u}>`, { u: "/a.png 1x, javascript:alert(1) 2x" }, { u: "/a.png" }, `<img srcset="about:invalid">`);
});

test("raw() URLs and static attributes are the author's and pass", async () => {
  await expectAll(`<a href={raw(@u)}>x</a>`, { u: "javascript:go()" }, { u: "/a" }, `<a href="javascript:go()">x</a>`);
  await expectAll(`<a href="javascript:void(0)" title={@t}>x</a>`, { t: "t" }, { t: "s" }, `<a href="javascript:void(0)" title="t">x</a>`);
});

test("literal pieces: kept as slots when the static beginning settles the URL, judged whole otherwise", async () => {
  const settled = await expectAll("<a href={`/u/${@id}`}>x</a>", { id: "javascript:alert(1)" }, { id: 1 }, `<a href="/u/javascript:alert(1)">x</a>`);
  assert.equal(settled.wire, { "0": "javascript:alert(1)" }, "only the substitution travels");
  await expectAll("<a href={`${@u}`}>x</a>", { u: ATTACK }, { u: "/a" }, `<a href="about:invalid">x</a>`);
  await expectAll("<a href={`java${@u}`}>x</a>", { u: "script:alert(1)" }, { u: "/a" }, `<a href="about:invalid">x</a>`);
  await expectAll(`<a href={"java" + @u}>x</a>`, { u: "script:alert(1)" }, { u: "/a" }, `<a href="about:invalid">x</a>`);
  await expectAll("<a href={`\\tjavascript:${@u}`}>x</a>", { u: "alert(1)" }, { u: "x" }, `<a href="about:invalid">x</a>`);
  await expectAll("<a href={`https://example.com/${@u}`}>x</a>", { u: "a b" }, { u: "c" }, `<a href="https://example.com/a b">x</a>`);
});

test("event handlers and srcdoc render only raw() values", async () => {
  await expectAll(`<button onclick={@js}>x</button>`, { js: "alert(1)" }, { js: "x()" }, `<button>x</button>`);
  await expectAll("<button onclick={`go(${@id})`}>x</button>", { id: "1);alert(1" }, { id: 2 }, `<button>x</button>`);
  await expectAll(`<button onclick={raw(@js)}>x</button>`, { js: "go()" }, { js: "x()" }, `<button onclick="go()">x</button>`);
  await expectAll(`<iframe srcdoc={@doc}></iframe>`, { doc: "<script>alert(1)</script>" }, { doc: "<p>" }, `<iframe></iframe>`);
  await expectAll(`<button onclick="go()">x</button>`, {}, {}, `<button onclick="go()">x</button>`);
});

test("phx-* bindings cannot carry a navigation to a refused URL", async () => {
  const cmd = JSON.stringify([["navigate", { href: "javascript:alert(1)" }]]);
  await expectAll(`<button phx-click={@cmd}>x</button>`, { cmd }, { cmd: "inc" }, `<button phx-click="[]">x</button>`);
  const r = await expectAll("<button phx-click={`select-${@id}`}>x</button>", { id: 2 }, { id: 1 }, `<button phx-click="select-2">x</button>`);
  assert.equal(r.wire, { "0": "2" }, "event-name pieces stay slots");
});

test("spreads apply the rules per key, with the element's tag", async () => {
  const attrs = { href: ATTACK, onclick: "alert(1)", title: "t", srcdoc: "<b>" };
  await expectAll(`<a {...@attrs}>x</a>`, { attrs }, { attrs: { title: "s" } }, `<a href="about:invalid" title="t">x</a>`);
  const png = "data:image/png;base64,AA==";
  await expectAll(`<img {...@attrs}>`, { attrs: { src: png } }, { attrs: {} }, `<img src="${png}">`);
});

test("script bodies take json() and raw(); plain interpolation is a compile error", async () => {
  const value = { s: "</script><script>alert(1)</script>", t: "`${alert(1)}`\u2028" };
  const expected = `<script>var v = ${JSON.stringify(value).replace(/[<>&\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)};</script>`;
  await expectAll(`<script>var v = <%= json(@v) %>;</script>`, { v: value }, { v: 1 }, expected);
  await expectAll(`<script><%= raw(@code) %></script>`, { code: "go(1)" }, { code: "x" }, `<script>go(1)</script>`);
  const { diagnostics } = compile(`<script>var s = "<%= @v %>";</script>`, { filename: "s.live.html" });
  assert.equal(diagnostics.map((d) => d.code), ["LH0601"]);
  assert.equal(compile(`<style>a { color: <%= @c %> }</style>`).diagnostics, []);
});

test.run();
