// Where a slot sits in its statics decides the marker the browser client parses in its place:
// a comment between tags, a marker with spaces around it in a tag (an attribute name), a bare
// one elsewhere. The parser, not this scan, then tells an attribute list from an unquoted
// value, and finds no part where none can go.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { slotContexts } from "../../runtime/client/template.ts";

test("text between tags, including after a comment and across statics", () => {
  assert.equal(slotContexts(["<p>", "</p>"]), ["text"]);
  assert.equal(slotContexts(["<!-- a > b --><b>", " and ", "</b>"]), ["text", "text"]);
  assert.equal(slotContexts(["", ""]), ["text"]);
  assert.equal(slotContexts(["<p>a < b ", "</p>"]), ["text"]);
});

test("attribute values in double or single quotes, several in one value, a '>' inside one", () => {
  assert.equal(slotContexts(['<a href="/x/', '">go</a>']), ['"']);
  assert.equal(slotContexts(["<a title='", "'>go</a>"]), ["'"]);
  assert.equal(slotContexts(['<a class="', " ", '">go</a>']), ['"', '"']);
  assert.equal(slotContexts(['<a title="a>b" class="', '">', "</a>"]), ['"', "text"]);
});

test("attribute lists right after the tag name or another attribute", () => {
  assert.equal(slotContexts(["<li", ' class="song">', "</li>"]), ["tag", "text"]);
  assert.equal(slotContexts(["<input disabled", ">"]), ["tag"]);
  assert.equal(slotContexts(['<input type="text" ', ">"]), ["tag"]);
});

test("raw text elements and comments, and text after their end", () => {
  assert.equal(slotContexts(["<textarea>", "</textarea><p>", "</p>"]), ["raw", "text"]);
  assert.equal(slotContexts(["<script>if (a <b) x = ", ";</script>", ""]), ["raw", "text"]);
  assert.equal(slotContexts(["<!-- ", " -->", ""]), ["comment", "text"]);
});

test("a slot right after `<` or `</` is the tag's name, and what follows it is in the tag", () => {
  assert.equal(slotContexts(["</", ">"]), ["name"]);
  assert.equal(slotContexts(["<", "", ">", "</", ">"]), ["name", "tag", "text", "name"]);
  assert.equal(slotContexts(["<p>", "<", ' class="', '">']), ["text", "name", '"']);
});

test.run();
