// JS commands: each call encodes to the JSON Phoenix's `Phoenix.LiveView.JS` produces for the
// same call (operations in order, only the options given, keys sorted), and a command in an
// attribute renders as that JSON, escaped, in the first render and in diffs.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { JS } from "../../runtime/shared/js.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import type { CompiledTemplate } from "../../runtime/shared/template.ts";

const encoding = suite("JS encoding");

// Each pair: our call, and the JSON of the Elixir call written beside it.
const cases: Array<[string, JS, string]> = [
  ['JS.push("inc", value: %{limit: 40})', JS.push("inc", { value: { limit: 40 } }), '[["push",{"event":"inc","value":{"limit":40}}]]'],
  [
    'JS.push("x", target: "#a", loading: "#b", page_loading: true)',
    JS.push("x", { target: "#a", loading: "#b", pageLoading: true }),
    '[["push",{"event":"x","loading":"#b","page_loading":true,"target":"#a"}]]',
  ],
  ['JS.push("x", target: @myself) (cid 3)', JS.push("x", { target: 3 }), '[["push",{"event":"x","target":3}]]'],
  [
    'JS.push("modal-closed") |> JS.remove_class("show", to: "#modal", transition: "fade-out")',
    JS.push("modal-closed").removeClass("show", { to: "#modal", transition: "fade-out" }),
    '[["push",{"event":"modal-closed"}],["remove_class",{"names":["show"],"to":"#modal","transition":[["fade-out"],[],[]]}]]',
  ],
  [
    'JS.show(to: "#item", transition: {"ease-out duration-300", "opacity-0", "opacity-100"}, time: 300)',
    JS.show({ to: "#item", transition: ["ease-out duration-300", "opacity-0", "opacity-100"], time: 300 }),
    '[["show",{"time":300,"to":"#item","transition":[["ease-out","duration-300"],["opacity-0"],["opacity-100"]]}]]',
  ],
  ['JS.show(display: "flex", blocking: false)', JS.show({ display: "flex", blocking: false }), '[["show",{"blocking":false,"display":"flex"}]]'],
  ["JS.hide()", JS.hide(), '[["hide",{}]]'],
  [
    'JS.hide(to: "#modal", transition: "fade-out") |> JS.hide(to: "#modal-content", transition: "fade-out-scale")',
    JS.hide({ to: "#modal", transition: "fade-out" }).hide({ to: "#modal-content", transition: "fade-out-scale" }),
    '[["hide",{"to":"#modal","transition":[["fade-out"],[],[]]}],["hide",{"to":"#modal-content","transition":[["fade-out-scale"],[],[]]}]]',
  ],
  [
    'JS.toggle(to: "#x", in: "fade-in", out: "fade-out", display: "flex", time: 50)',
    JS.toggle({ to: "#x", in: "fade-in", out: "fade-out", display: "flex", time: 50 }),
    '[["toggle",{"display":"flex","ins":[["fade-in"],[],[]],"outs":[["fade-out"],[],[]],"time":50,"to":"#x"}]]',
  ],
  ['JS.add_class("highlight underline", to: "#item")', JS.addClass("highlight underline", { to: "#item" }), '[["add_class",{"names":["highlight","underline"],"to":"#item"}]]'],
  ['JS.toggle_class("a  b", to: {:inner, "p"})', JS.toggleClass("a  b", { to: { inner: "p" } }), '[["toggle_class",{"names":["a","b"],"to":{"inner":"p"}}]]'],
  ['JS.transition("shake", to: "#item")', JS.transition("shake", { to: "#item" }), '[["transition",{"to":"#item","transition":[["shake"],[],[]]}]]'],
  ['JS.navigate("/p")', JS.navigate("/p"), '[["navigate",{"href":"/p","replace":false}]]'],
  ['JS.patch("/p?page=2", replace: true)', JS.patch("/p?page=2", { replace: true }), '[["patch",{"href":"/p?page=2","replace":true}]]'],
  [
    'JS.set_attribute({"aria-expanded", "true"}, to: "#d")',
    JS.setAttribute(["aria-expanded", "true"], { to: "#d" }),
    '[["set_attr",{"attr":["aria-expanded","true"],"to":"#d"}]]',
  ],
  ['JS.remove_attribute("open")', JS.removeAttribute("open"), '[["remove_attr",{"attr":"open"}]]'],
  ['JS.toggle_attribute({"open", "true", "false"})', JS.toggleAttribute(["open", "true", "false"]), '[["toggle_attr",{"attr":["open","true","false"]}]]'],
  ['JS.toggle_attribute({"open", "true"})', JS.toggleAttribute(["open", "true"]), '[["toggle_attr",{"attr":["open","true"]}]]'],
  ['JS.ignore_attributes(["open", "data-*"], to: "#d")', JS.ignoreAttributes(["open", "data-*"], { to: "#d" }), '[["ignore_attrs",{"attrs":["open","data-*"],"to":"#d"}]]'],
  ['JS.dispatch("click", to: ".nav")', JS.dispatch("click", { to: ".nav" }), '[["dispatch",{"event":"click","to":".nav"}]]'],
  [
    'JS.dispatch("x", detail: %{a: 1}, bubbles: false, blocking: true)',
    JS.dispatch("x", { detail: { a: 1 }, bubbles: false, blocking: true }),
    '[["dispatch",{"blocking":true,"bubbles":false,"detail":{"a":1},"event":"x"}]]',
  ],
  ['JS.dispatch("x", blocking: false)', JS.dispatch("x", { blocking: false }), '[["dispatch",{"event":"x"}]]'],
  ['JS.exec("phx-remove", to: "#modal")', JS.exec("phx-remove", { to: "#modal" }), '[["exec",{"attr":"phx-remove","to":"#modal"}]]'],
  ['JS.focus(to: {:closest, ".row"})', JS.focus({ to: { closest: ".row" } }), '[["focus",{"to":{"closest":".row"}}]]'],
  [
    'JS.focus_first(to: "#m") |> JS.push_focus() |> JS.pop_focus()',
    JS.focusFirst({ to: "#m" }).pushFocus().popFocus(),
    '[["focus_first",{"to":"#m"}],["push_focus",{}],["pop_focus",{}]]',
  ],
  ["%JS{}", JS.none(), "[]"],
  ['JS.concat(JS.push("a"), JS.hide())', JS.concat(JS.push("a"), JS.hide()), '[["push",{"event":"a"}],["hide",{}]]'],
];

for (const [elixir, ours, expected] of cases) {
  encoding(elixir, () => {
    assert.is(String(ours), expected);
    assert.is(JSON.stringify({ js: ours }), `{"js":${expected}}`, "JSON.stringify of a value holding a command");
  });
}

encoding("commands are immutable: extending one leaves the base as it was", () => {
  const base = JS.push("save");
  const a = base.hide({ to: "#a" });
  const b = base.show({ to: "#b" });
  assert.is(String(base), '[["push",{"event":"save"}]]');
  assert.is(a.ops.length, 2);
  assert.is(b.ops[1]![0], "show");
  assert.ok(Object.isFrozen(base) && Object.isFrozen(base.ops[0]));
});

encoding("navigate and patch refuse scripts and other schemes", () => {
  for (const href of ["javascript:alert(1)", "JavaScript:alert(1)", " \tjava\nscript:alert(1)", "data:text/html,x", "mailto:a@b"]) {
    assert.throws(() => JS.navigate(href), /JS\.navigate: unsupported scheme/, href);
    assert.throws(() => JS.patch(href), /JS\.patch: unsupported scheme/, href);
  }
  for (const href of ["/a", "a/b", "?x=1", "https://example.com/x", "http://h/"]) assert.not.throws(() => JS.navigate(href));
});

encoding("bad options say which command and what was expected", () => {
  // @ts-expect-error an option the command does not take
  assert.throws(() => JS.hide({ display: "flex" }), /JS\.hide: unknown option "display"; expected one of to, transition, time, blocking/);
  // @ts-expect-error a transition must be a string or a triple
  assert.throws(() => JS.show({ transition: ["a", "b"] }), /JS\.show: a transition is a string of classes or \[transition, start, end\]/);
  // @ts-expect-error a scope other than closest / inner
  assert.throws(() => JS.focus({ to: { outer: "x" } }), /JS\.focus: to must be a selector string/);
  assert.throws(() => JS.dispatch("click", { detail: { a: 1 } }), /a click event cannot carry detail/);
  assert.throws(() => JS.dispatch("x", { detail: { done: 1 }, blocking: true }), /must not hold a `done` key/);
  // @ts-expect-error value must be an object
  assert.throws(() => JS.push("x", { value: 3 }), /JS\.push: value must be an object of values/);
});

const rendering = suite("JS in attributes");

rendering("a command in phx-click renders as its escaped JSON, first paint and tree alike", async () => {
  const page = await loadTemplate(`---
import { JS } from "livehtml/runtime";
---
<button phx-click={JS.push("open", { value: { id: @id } }).addClass("on", { to: "#m" })}>open</button>`);
  const expected = `<button phx-click="[[&quot;push&quot;,{&quot;event&quot;:&quot;open&quot;,&quot;value&quot;:{&quot;id&quot;:&quot;a&#39;b&quot;}}],[&quot;add_class&quot;,{&quot;names&quot;:[&quot;on&quot;],&quot;to&quot;:&quot;#m&quot;}]]">open</button>`;
  assert.is((page as unknown as CompiledTemplate<{ id: string }>).html({ id: "a'b" }), expected);
  const t = renderTemplate<Record<string, unknown>>(page, { id: "a'b" });
  assert.is(t.html(), expected);
  const diff = JSON.parse(JSON.stringify(t.assign({ id: 7 })));
  assert.equal(diff, {
    "0": ` phx-click="[[&quot;push&quot;,{&quot;event&quot;:&quot;open&quot;,&quot;value&quot;:{&quot;id&quot;:7}}],[&quot;add_class&quot;,{&quot;names&quot;:[&quot;on&quot;],&quot;to&quot;:&quot;#m&quot;}]]"`,
  });
});

rendering("a command passed through an attribute spread renders the same way", async () => {
  const page = await loadTemplate(`---
import { JS } from "livehtml/runtime";
---
<div {...{ "phx-click": JS.hide({ to: "#x" }) }}></div>`);
  assert.is(renderTemplate(page, {}).html(), `<div phx-click="[[&quot;hide&quot;,{&quot;to&quot;:&quot;#x&quot;}]]"></div>`);
});

encoding.run();
rendering.run();
