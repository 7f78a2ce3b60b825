import { suite } from "uvu";
import * as assert from "uvu/assert";
import { escapeHTML, raw, toText, isSafeHTML } from "../../runtime/shared/escape.ts";
import { attr, classAttr, classValue, styleAttr, spreadAttrs, attrValue } from "../../runtime/shared/attributes.ts";

const escape = suite("escapeHTML / toText");

escape("escapes the five characters", () => {
  assert.is(escapeHTML(`<a href="x">Tom & 'Jerry'</a>`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
});

escape("returns the same string when nothing needs escaping", () => {
  const s = "plain text 123";
  assert.is(escapeHTML(s), s);
});

escape("escapes at the first and last character, and a clean string after one that needed escaping", () => {
  assert.is(escapeHTML("<"), "&lt;");
  assert.is(escapeHTML("'a'"), "&#39;a&#39;");
  assert.is(escapeHTML("a&&b"), "a&amp;&amp;b");
  assert.is(escapeHTML("long text with one quote at the end\""), "long text with one quote at the end&quot;");
  const clean = "after a match, nothing to escape";
  assert.is(escapeHTML(clean), clean);
  assert.is(escapeHTML("x>"), "x&gt;");
  assert.is(escapeHTML("y"), "y");
});

escape("converts values like Phoenix.HTML.Safe", () => {
  assert.is(toText(null), "");
  assert.is(toText(undefined), "");
  assert.is(toText(false), "");
  assert.is(toText(true), "true");
  assert.is(toText(42), "42");
  assert.is(toText(1.5), "1.5");
  assert.is(toText(10n), "10");
  assert.is(toText("<div>"), "&lt;div&gt;"); // D3
  assert.is(toText(["a", 1, null, "<", raw("<b>")]), "a1&lt;<b>");
  assert.is(toText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))), "2024-01-02T03:04:05.000Z");
  assert.is(toText(new URL("https://x.test/?a=1&b=2")), "https://x.test/?a=1&amp;b=2");
});

escape("raw() is the only way to skip escaping", () => {
  const safe = raw("<em>hi</em>");
  assert.ok(isSafeHTML(safe));
  assert.is(toText(safe), "<em>hi</em>");
  assert.is(raw(safe), safe);
  assert.not.ok(isSafeHTML("<em>"));
});

escape("plain objects and functions raise a clear error", () => {
  assert.throws(() => toText({ a: 1 }), /cannot render a plain object as text/);
  assert.throws(() => toText(() => 1), /cannot render a function/);
  assert.throws(() => raw(1 as unknown as string), /raw\(\) expects a string/);
});

escape.run();

const attrs = suite("attributes");

attrs("attr: true, false, null, values", () => {
  assert.is(attr("disabled", true), " disabled");
  assert.is(attr("disabled", false), "");
  assert.is(attr("disabled", null), "");
  assert.is(attr("disabled", undefined), "");
  assert.is(attr("title", `a "b" <c>`), ` title="a &quot;b&quot; &lt;c&gt;"`);
  assert.is(attr("value", 0), ` value="0"`);
  assert.is(attrValue("x&y"), "x&amp;y");
});

attrs("class is always emitted, lists flattened and falsy entries dropped", () => {
  assert.is(classAttr(null), ` class=""`);
  assert.is(classAttr(false), ` class=""`);
  assert.is(classAttr(true), ` class=""`);
  assert.is(classAttr("a <b>"), ` class="a &lt;b&gt;"`);
  assert.is(classAttr(["btn", null, false, ["big", undefined, ""], "x\"y"]), ` class="btn big x&quot;y"`);
  assert.is(classValue([]), "");
  assert.throws(() => classValue([{}]), /class list entry must be a string/);
});

attrs("style is always emitted", () => {
  assert.is(styleAttr(null), ` style=""`);
  assert.is(styleAttr(true), ` style=""`);
  assert.is(styleAttr("color: red"), ` style="color: red"`);
});

attrs("spreadAttrs applies the same rules per key in insertion order", () => {
  assert.is(
    spreadAttrs({ id: "x", hidden: true, gone: false, nil: null, full_name: "A&B", class: ["a", false, "b"], n: 3 }),
    ` id="x" hidden full_name="A&amp;B" class="a b" n="3"`,
  );
  assert.is(spreadAttrs({ data: { role: "tab", off: false }, aria: { label: "Close" } }), ` data-role="tab" aria-label="Close"`);
  assert.is(spreadAttrs(null), "");
  assert.throws(() => spreadAttrs({ "a b": 1 }), /invalid attribute name "a b"/);
  assert.throws(() => spreadAttrs([] as unknown as Record<string, unknown>), /expects an object of attributes/);
});

attrs.run();
