// The attribute helpers' safety rules (runtime/shared/attributes.ts): URL attributes, event
// handlers and srcdoc, phx-* JS commands, spreads, and json() for script bodies.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { raw } from "../../runtime/shared/escape.ts";
import { attributeRule, bindingAttr, piecesKeepRule, rawOnlyAttr, spreadAttrs, urlAttr } from "../../runtime/shared/attributes.ts";
import { json } from "../../runtime/shared/json.ts";

const warnings: string[] = [];
console.warn = (message: string) => void warnings.push(message);

const test = suite("attribute safety");

test("urlAttr refuses script URLs, escapes the rest, keeps raw() and the boolean rules", () => {
  assert.is(urlAttr("href", " Java\tScript:alert(1)", "url"), ` href="about:invalid"`);
  assert.is(urlAttr("href", `/a?b="c"&d`, "url"), ` href="/a?b=&quot;c&quot;&amp;d"`);
  assert.is(urlAttr("href", raw("javascript:void(0)"), "url"), ` href="javascript:void(0)"`);
  assert.is(urlAttr("href", new URL("https://example.com/x"), "url"), ` href="https://example.com/x"`);
  assert.is(urlAttr("href", ["java", "script:alert(1)"], "url"), ` href="about:invalid"`);
  assert.is(urlAttr("src", "data:image/png;base64,AA==", "image"), ` src="data:image/png;base64,AA=="`);
  assert.is(urlAttr("src", "data:image/png;base64,AA==", "url"), ` src="about:invalid"`);
  assert.is(urlAttr("href", null, "url"), "");
  assert.is(urlAttr("href", false, "url"), "");
  assert.is(urlAttr("download", true, "url"), " download");
});

test("event handlers and srcdoc render only raw() values", () => {
  assert.is(rawOnlyAttr("onclick", "alert(1)"), "");
  assert.is(rawOnlyAttr("srcdoc", "<script>alert(1)</script>"), "");
  assert.is(rawOnlyAttr("onclick", raw("go()")), ` onclick="go()"`);
  assert.is(rawOnlyAttr("onclick", null), "");
  assert.ok(warnings.some((w) => w.includes(`"onclick"`) && w.includes("raw(...)")), warnings.join("\n"));
});

test("phx-* JS commands that navigate or patch to a refused URL become []", () => {
  const bad = JSON.stringify([["push", { event: "x" }], ["navigate", { href: " JAVASCRIPT:alert(1)" }]]);
  assert.is(bindingAttr("phx-click", bad), ` phx-click="[]"`);
  assert.is(bindingAttr("phx-click", JSON.stringify([["patch", { href: "java\nscript:alert(1)" }]])), ` phx-click="[]"`);
  const good = JSON.stringify([["navigate", { href: "/next" }]]);
  assert.is(bindingAttr("phx-click", good), ` phx-click="${good.replaceAll('"', "&quot;")}"`);
  assert.is(bindingAttr("phx-click", "inc"), ` phx-click="inc"`);
  assert.is(bindingAttr("phx-click", "[not json"), ` phx-click="[not json"`);
  assert.is(bindingAttr("phx-value-id", 3), ` phx-value-id="3"`);
});

test("spreads drop on* keys, apply URL, srcdoc and binding rules per key, and know the tag", () => {
  warnings.length = 0;
  const attrs = {
    id: "a",
    onclick: "alert(1)",
    ONMOUSEOVER: raw("alert(1)"),
    href: "javascript:alert(1)",
    src: "data:image/png;base64,AA==",
    srcdoc: "<script>alert(1)</script>",
    "phx-click": JSON.stringify([["navigate", { href: "javascript:alert(1)" }]]),
    data: { href: "javascript:ok-as-data" },
  };
  assert.is(
    spreadAttrs(attrs, "img"),
    ` id="a" href="about:invalid" src="data:image/png;base64,AA==" phx-click="[]" data-href="javascript:ok-as-data"`,
  );
  assert.is(spreadAttrs({ src: "data:image/png;base64,AA==" }, "iframe"), ` src="about:invalid"`);
  assert.is(spreadAttrs({ src: "data:image/png;base64,AA==" }), ` src="about:invalid"`);
  assert.is(spreadAttrs({ srcdoc: raw("<p>hi</p>") }, "iframe"), ` srcdoc="<p>hi</p>"`);
  assert.ok(warnings.some((w) => w.includes(`"onclick"`) && w.includes("spread")), warnings.join("\n"));
  assert.ok(warnings.some((w) => w.includes(`"ONMOUSEOVER"`)), warnings.join("\n"));
});

test("development warnings are printed once per attribute, and never in production", () => {
  warnings.length = 0;
  rawOnlyAttr("onkeyup", "x");
  rawOnlyAttr("onkeyup", "y");
  assert.is(warnings.length, 1);
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  rawOnlyAttr("onkeydown", "x");
  process.env.NODE_ENV = before;
  assert.is(warnings.length, 1);
});

test("attributeRule and piecesKeepRule: what the compiler decides from static text", () => {
  assert.equal(attributeRule("a", "href"), { kind: "url", url: "url" });
  assert.equal(attributeRule("img", "src"), { kind: "url", url: "image" });
  assert.equal(attributeRule("button", "onClick"), { kind: "raw-only" });
  assert.equal(attributeRule("iframe", "srcdoc"), { kind: "raw-only" });
  assert.equal(attributeRule("button", "phx-click"), { kind: "binding" });
  assert.is(attributeRule("p", "title"), null);
  const href = attributeRule("a", "href");
  assert.ok(piecesKeepRule(href, "/users/", 1));
  assert.not.ok(piecesKeepRule(href, null, 1));
  assert.not.ok(piecesKeepRule(href, "java", 1));
  assert.ok(piecesKeepRule(href, "javascript:void(0)", 0));
  assert.not.ok(piecesKeepRule(attributeRule("a", "onclick"), "go(", 1));
  assert.ok(piecesKeepRule(attributeRule("a", "phx-click"), "select-", 1));
  assert.not.ok(piecesKeepRule(attributeRule("a", "phx-click"), "[", 1));
  assert.ok(piecesKeepRule(null, null, 2));
});

test("json() is a JavaScript literal that cannot end a script or a string", () => {
  const value = { s: "</script><script>alert(1)</script>", t: "`${alert(1)}`", u: "\u2028\u2029", q: `'"`, a: "&<!--" };
  const text = json(value).html;
  assert.not.match(text, /<|>|&|\u2028|\u2029/);
  assert.equal(JSON.parse(text), value);
  assert.equal(new Function(`return ${text};`)(), value);
  assert.is(json(undefined).html, "null");
  assert.is(json([1, "a"]).html, `[1,"a"]`);
});

test.run();
