// Where a slot sits in its statics decides how the browser client writes it: as text, as one
// attribute's value, as a list of attributes, as a raw text element's content — or, where no
// placeholder can go, by re-rendering the node as HTML.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { slotContexts } from "../../runtime/client/template.ts";

test("text between tags, including after a comment and across statics", () => {
  assert.equal(slotContexts(["<p>", "</p>"]), ["text"]);
  assert.equal(slotContexts(["<!-- a > b --><b>", " and ", "</b>"]), ["text", "text"]);
  assert.equal(slotContexts(["", ""]), ["text"]);
});

test("attribute values in double or single quotes, several in one value", () => {
  assert.equal(slotContexts(['<a href="/x/', '">go</a>']), ["value"]);
  assert.equal(slotContexts(["<a title='", "'>go</a>"]), ["value"]);
  assert.equal(slotContexts(['<a class="', " ", '">go</a>']), ["value", "value"]);
});

test("attribute lists right after the tag name or another attribute", () => {
  assert.equal(slotContexts(["<li", ' class="song">', "</li>"]), ["attrs", "text"]);
  assert.equal(slotContexts(["<input disabled", ">"]), ["attrs"]);
  assert.equal(slotContexts(['<input type="text" ', ">"]), ["attrs"]);
});

test("raw text elements, and the places no placeholder can go", () => {
  assert.equal(slotContexts(["<textarea>", "</textarea><p>", "</p>"]), ["raw", "text"]);
  assert.equal(slotContexts(["<script>var x = ", ";</script>"]), ["raw"]);
  assert.equal(slotContexts(["<!-- ", " -->"]), ["bad"]);
  assert.equal(slotContexts(["<a href=", ">"]), ["bad"]);
  assert.equal(slotContexts(["</", ">"]), ["bad"]);
});

test.run();
