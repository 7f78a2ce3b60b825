// Highlighting of .live.html files by grammar/livehtml.tmLanguage.json, checked token by token on
// the sample files in fixtures/ with vscode-textmate (the engine VS Code and Shiki use).
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { IGrammar } from "vscode-textmate";
import { loadLivehtmlGrammar, tokenAt, tokenizeDocument, type Token, type TokenizedLine } from "./load-grammar.ts";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

interface Context {
  grammar: IGrammar;
  thermostat: TokenizedLine[];
  card: TokenizedLine[];
  blocks: TokenizedLine[];
  frontmatter: TokenizedLine[];
}

const test = suite<Context>("textmate grammar");

test.before(async (context) => {
  context.grammar = await loadLivehtmlGrammar({ withStubs: true });
  context.thermostat = tokenizeDocument(context.grammar, fixture("thermostat.live.html"));
  context.card = tokenizeDocument(context.grammar, fixture("card.live.html"));
  context.blocks = tokenizeDocument(context.grammar, fixture("blocks.live.html"));
  context.frontmatter = tokenizeDocument(context.grammar, fixture("frontmatter.live.html"));
});

function expectScope(token: Token, scope: string): void {
  assert.ok(token.scopes.includes(scope), `${JSON.stringify(token.text)} should have ${scope}; has: ${token.scopes.join(" ")}`);
}
function expectNoScope(token: Token, scope: string): void {
  assert.not.ok(token.scopes.includes(scope), `${JSON.stringify(token.text)} should not have ${scope}`);
}

// ----- expressions ---------------------------------------------------------------------------

test("{expr} in text is an embedded TypeScript expression with section punctuation", ({ thermostat }) => {
  const open = tokenAt(thermostat, "Current temperature", "{");
  expectScope(open, "meta.embedded.expression.livehtml");
  expectScope(open, "punctuation.section.embedded.begin.livehtml");
  const close = tokenAt(thermostat, "Current temperature", "}");
  expectScope(close, "punctuation.section.embedded.end.livehtml");
  expectScope(tokenAt(thermostat, "Current temperature", "temperature", 1), "source.ts");
});

test("@name is the assign shorthand, its @ marked as punctuation", ({ thermostat }) => {
  const at = tokenAt(thermostat, "Current temperature", "@temperature");
  assert.is(at.text, "@");
  expectScope(at, "punctuation.definition.variable.livehtml");
  const name = tokenAt(thermostat, "Current temperature", "temperature", 1);
  assert.is(name.text, "temperature");
  expectScope(name, "variable.other.assign.livehtml");
});

test("@name is recognised inside rules of the embedded TypeScript grammar (call arguments)", ({ thermostat }) => {
  const token = tokenAt(thermostat, "Formatted:", "temperature");
  expectScope(token, "meta.brace.round.ts");
  expectScope(token, "variable.other.assign.livehtml");
});

test("strings inside expressions are TypeScript strings, and @ in them is not an assign", ({ grammar }) => {
  const lines = tokenizeDocument(grammar, `<p>{"mail me @home"}</p>`);
  const text = tokenAt(lines, "<p>", "mail me @home");
  expectScope(text, "string.quoted.double.ts");
  assert.is(text.text, "mail me @home");
});

test("nested braces balance: an object literal does not close the interpolation", ({ card }) => {
  const inner = tokenAt(card, "Body text", "{ b:");
  expectScope(inner, "punctuation.definition.block.begin.livehtml");
  const deep = tokenAt(card, "Body text", "deep");
  expectScope(deep, "variable.other.assign.livehtml");
  // After both inner `}`, `.a.b` is still inside the same expression.
  const tail = tokenAt(card, "Body text", "b}", 0);
  expectScope(tail, "source.ts");
  const last = tokenAt(card, "Body text", "}", 3);
  expectScope(last, "punctuation.section.embedded.end.livehtml");
});

test("braces inside a TypeScript string do not end the expression", ({ grammar }) => {
  const lines = tokenizeDocument(grammar, `<p>{"}" + @x}</p>`);
  expectScope(tokenAt(lines, "<p>", `"}"`), "string.quoted.double.ts");
  expectScope(tokenAt(lines, "<p>", "x"), "variable.other.assign.livehtml");
  expectScope(tokenAt(lines, "<p>", "}", 1), "punctuation.section.embedded.end.livehtml");
});

// ----- attributes ----------------------------------------------------------------------------

test("ordinary tags and attributes use the standard HTML scopes", ({ thermostat }) => {
  expectScope(tokenAt(thermostat, `<div class="thermostat"`, "div"), "entity.name.tag.html");
  expectScope(tokenAt(thermostat, `<div class="thermostat"`, "class"), "entity.other.attribute-name.html");
  expectScope(tokenAt(thermostat, `<div class="thermostat"`, "thermostat"), "string.quoted.double.html");
  expectScope(tokenAt(thermostat, "<button", "disabled"), "entity.other.attribute-name.html");
});

test("name={expr} embeds TypeScript in the attribute value", ({ thermostat }) => {
  expectScope(tokenAt(thermostat, "<p class={", "class"), "entity.other.attribute-name.html");
  const hot = tokenAt(thermostat, "<p class={", "hot");
  expectScope(hot, "string.quoted.double.ts");
  expectScope(hot, "meta.embedded.expression.livehtml");
  expectScope(tokenAt(thermostat, "<p class={", "temperature"), "variable.other.assign.livehtml");
});

test("special attributes :for, :key, :if, :else-if, :else get their own scope", ({ thermostat }) => {
  for (const name of ["for", "key", "if"]) {
    expectScope(tokenAt(thermostat, "<li :for", name), "entity.other.attribute-name.special.livehtml");
  }
  expectScope(tokenAt(thermostat, "<p :else-if", "else-if"), "entity.other.attribute-name.special.livehtml");
  const bareElse = tokenAt(thermostat, "<p :else>", "else");
  expectScope(bareElse, "entity.other.attribute-name.special.livehtml");
  expectNoScope(bareElse, "entity.other.attribute-name.html");
});

test(":for value: pattern, `of` keyword and iterable are embedded TypeScript", ({ thermostat }) => {
  const of = tokenAt(thermostat, "<li :for", "of");
  expectScope(of, "keyword.operator.expression.of.livehtml");
  expectScope(of, "source.ts");
  expectScope(tokenAt(thermostat, "<li :for", "readings"), "variable.other.assign.livehtml");
  expectScope(tokenAt(thermostat, "<li :for", "visible"), "source.ts");
});

test(":for with (item, index) of list on a remote component", ({ card }) => {
  expectScope(tokenAt(card, "<Ui.button", "("), "meta.brace.round.ts");
  expectScope(tokenAt(card, "<Ui.button", "of"), "keyword.operator.expression.of.livehtml");
});

test(":let on a slot is a special attribute; an unknown :name is invalid", ({ card }) => {
  expectScope(tokenAt(card, "<:header", "let"), "entity.other.attribute-name.special.livehtml");
  const bogus = tokenAt(card, "<section :bogus", ":bogus");
  expectScope(bogus, "invalid.illegal.attribute-name.livehtml");
  expectNoScope(bogus, "entity.other.attribute-name.special.livehtml");
});

test("{...spread} in a start tag", ({ card }) => {
  const dots = tokenAt(card, "<.card", "...");
  expectScope(dots, "keyword.operator.spread.livehtml");
  expectScope(dots, "meta.attribute.spread.livehtml");
  expectScope(tokenAt(card, "<.card", "rest"), "variable.other.assign.livehtml");
});

// ----- components and slots ------------------------------------------------------------------

test("<.card> and </.card> are local components", ({ card }) => {
  const open = tokenAt(card, "<.card", "card");
  expectScope(open, "entity.name.tag.component.livehtml");
  expectNoScope(open, "entity.name.tag.html");
  expectScope(tokenAt(card, "</.card>", "card"), "entity.name.tag.component.livehtml");
});

test("<Ui.Forms.input>: namespace segments and function name are told apart", ({ card }) => {
  expectScope(tokenAt(card, "<Ui.Forms.input", "Ui"), "support.class.namespace.livehtml");
  expectScope(tokenAt(card, "<Ui.Forms.input", "Forms"), "support.class.namespace.livehtml");
  expectScope(tokenAt(card, "<Ui.Forms.input", ".", 0), "punctuation.separator.namespace.livehtml");
  expectScope(tokenAt(card, "<Ui.Forms.input", "input"), "entity.name.tag.component.livehtml");
  expectScope(tokenAt(card, "</Ui.button>", "button"), "entity.name.tag.component.livehtml");
});

test("an uppercase function name after a namespace is an invalid tag, not a component", ({ card }) => {
  const tag = tokenAt(card, "<Ui.Card>", "<Ui.Card");
  expectScope(tag, "invalid.illegal.tag.livehtml");
  expectNoScope(tag, "entity.name.tag.component.livehtml");
});

test("<:header> and </:header> are slots", ({ card }) => {
  expectScope(tokenAt(card, "<:header", "header"), "entity.name.tag.slot.livehtml");
  expectScope(tokenAt(card, "</:header>", "header", 2), "entity.name.tag.slot.livehtml");
  expectScope(tokenAt(card, "<:footer>", "footer"), "entity.name.tag.slot.livehtml");
});

// ----- EEx -----------------------------------------------------------------------------------

test("<%= expr %> is an EEx tag whose content is TypeScript", ({ thermostat }) => {
  const open = tokenAt(thermostat, "Formatted:", "<%=");
  expectScope(open, "meta.embedded.eex.livehtml");
  expectScope(open, "punctuation.section.embedded.begin.livehtml");
  expectScope(tokenAt(thermostat, "Formatted:", "%>"), "punctuation.section.embedded.end.livehtml");
  const unit = tokenAt(thermostat, "Formatted:", "unit", 2);
  expectScope(unit, "variable.other.assign.livehtml");
  expectScope(unit, "meta.embedded.eex.livehtml");
});

test("EEx if / else if / else / end: keywords and conditions", ({ blocks }) => {
  expectScope(tokenAt(blocks, "<%= if @user", "if"), "keyword.control.conditional.livehtml");
  expectScope(tokenAt(blocks, "<%= if @user", "user"), "variable.other.assign.livehtml");
  expectScope(tokenAt(blocks, "<%= if @user", "do"), "keyword.control.block.livehtml");
  expectScope(tokenAt(blocks, "<% else if", "else"), "keyword.control.conditional.livehtml");
  expectScope(tokenAt(blocks, "<% else if", "if"), "keyword.control.conditional.livehtml");
  expectScope(tokenAt(blocks, "<% else %>", "else"), "keyword.control.conditional.livehtml");
  const end = tokenAt(blocks, "<% end %>", "end");
  expectScope(end, "keyword.control.block.livehtml");
  expectScope(end, "meta.embedded.eex.livehtml");
});

test("EEx for: `of`, `(item, index) of` and `<-`", ({ blocks }) => {
  expectScope(tokenAt(blocks, "<%= for r of", "for"), "keyword.control.loop.livehtml");
  expectScope(tokenAt(blocks, "<%= for r of", "of"), "keyword.operator.expression.of.livehtml");
  expectScope(tokenAt(blocks, "<%= for (r, i)", "of"), "keyword.operator.expression.of.livehtml");
  expectScope(tokenAt(blocks, "<%= for r <-", "<-"), "keyword.operator.arrow.livehtml");
  // A body that follows on the same line is template content again.
  expectScope(tokenAt(blocks, "<%= for (r, i)", "{"), "meta.embedded.expression.livehtml");
});

test("body of an EEx block is ordinary template content", ({ blocks }) => {
  const span = tokenAt(blocks, "<span>", "span");
  expectScope(span, "entity.name.tag.html");
  expectNoScope(span, "meta.embedded.eex.livehtml");
});

test("the deprecated <%# %> comment is a comment marked deprecated", ({ card }) => {
  const token = tokenAt(card, "old style", "<%#");
  expectScope(token, "comment.block.livehtml");
  expectScope(token, "invalid.deprecated.comment.livehtml");
});

test("<%% is an escape and <% statement %> is flagged invalid", ({ blocks }) => {
  expectScope(tokenAt(blocks, "Literal", "<%%"), "constant.character.escape.livehtml");
  expectScope(tokenAt(blocks, "counter", " counter"), "invalid.illegal.statement.livehtml");
});

// ----- comments, doctype, raw text, frontmatter ----------------------------------------------

test("<%!-- --%> is a template comment, <!-- --> an HTML comment without interpolation", ({ thermostat }) => {
  const open = tokenAt(thermostat, "thermostat's main panel", "<%!--");
  expectScope(open, "comment.block.livehtml");
  expectScope(tokenAt(thermostat, "thermostat's main panel", " The"), "comment.block.livehtml");
  const html = tokenAt(thermostat, "rendered as text", " rendered");
  expectScope(html, "comment.block.html");
  assert.ok(html.text.includes("{not an expression}"), "the braces stay inside the comment's text token");
});

test("doctype", ({ thermostat }) => {
  expectScope(tokenAt(thermostat, "<!DOCTYPE", "DOCTYPE"), "entity.name.tag.doctype.html");
  expectScope(tokenAt(thermostat, "<!DOCTYPE", "<!"), "meta.tag.metadata.doctype.html");
});

test("entities in text", ({ thermostat }) => {
  expectScope(tokenAt(thermostat, "Current temperature", "deg"), "constant.character.entity.html");
});

test("--- frontmatter is embedded TypeScript", ({ frontmatter }) => {
  const fence = frontmatter[0]!.tokens[0]!;
  assert.is(fence.text, "---");
  expectScope(fence, "punctuation.definition.frontmatter.begin.livehtml");
  const from = tokenAt(frontmatter, "import type", "from");
  expectScope(from, "meta.embedded.block.frontmatter.livehtml");
  expectScope(from, "keyword.control.ts");
  expectScope(tokenAt(frontmatter, "import type", "./thermostat"), "string.quoted.double.ts");
  expectScope(frontmatter[3]!.tokens[0]!, "punctuation.definition.frontmatter.end.livehtml");
  // After the closing fence, markup again.
  expectNoScope(tokenAt(frontmatter, "<script>", "script"), "meta.embedded.block.frontmatter.livehtml");
});

test("--- later in a file is text, not frontmatter", ({ grammar }) => {
  const lines = tokenizeDocument(grammar, "<p>x</p>\n---\nconst a = 1\n---\n");
  assert.equal(lines[1]!.tokens[0]!.scopes, []);
  assert.equal(lines[2]!.tokens[0]!.scopes, []);
});

test("<script> body is JavaScript, <%= %> still works inside it (even in a JS string)", ({ frontmatter }) => {
  const constKeyword = tokenAt(frontmatter, "const unit", "const");
  expectScope(constKeyword, "source.js");
  expectScope(constKeyword, "storage.type.js");
  const eex = tokenAt(frontmatter, "const unit", "<%=");
  expectScope(eex, "string.quoted.double.js");
  expectScope(eex, "punctuation.section.embedded.begin.livehtml");
  expectScope(tokenAt(frontmatter, "const unit", "unit", 1), "variable.other.assign.livehtml");
  expectScope(tokenAt(frontmatter, "</script>", "script"), "entity.name.tag.html");
});

test("<style> body is CSS and `{` in it is not an interpolation", ({ frontmatter }) => {
  const brace = tokenAt(frontmatter, ".hot {", " { ");
  expectScope(brace, "source.css");
  expectNoScope(brace, "meta.embedded.expression.livehtml");
  expectScope(tokenAt(frontmatter, ".hot {", "color"), "support.type.property-name.css");
});

test("phx-no-curly-interpolation: `{` in the body is text; interpolation resumes after the element", ({ frontmatter }) => {
  const body = tokenAt(frontmatter, "<pre phx-no-curly", "function");
  expectScope(body, "meta.element.no-curly-interpolation.livehtml");
  expectNoScope(body, "meta.embedded.expression.livehtml");
  assert.ok(body.text.includes("{a: 1}"), "the braces are part of the text token");
  expectScope(tokenAt(frontmatter, "<p>{@temperature}", "{"), "meta.embedded.expression.livehtml");
});

test("an EEx tag inside a start tag is flagged invalid", ({ grammar }) => {
  const lines = tokenizeDocument(grammar, `<div <%= @attrs %> title="<%= kept %>">x</div>`);
  expectScope(tokenAt(lines, "<div", "<%="), "invalid.illegal.eex-in-tag.livehtml");
  // Inside a quoted value the text is copied verbatim, so it is just string content.
  const quoted = tokenAt(lines, "<div", "<%= kept %>");
  expectScope(quoted, "string.quoted.double.html");
  expectNoScope(quoted, "invalid.illegal.eex-in-tag.livehtml");
});

test("multi-line start tags and expressions keep their state across lines", ({ grammar }) => {
  const lines = tokenizeDocument(grammar, `<.card\n  title={\n    @title\n  }\n  :if={@show}\n>\n  {@body}\n</.card>`);
  expectScope(tokenAt(lines, "    @title", "title"), "variable.other.assign.livehtml");
  expectScope(tokenAt(lines, "    @title", "title"), "meta.tag.component.livehtml");
  expectScope(tokenAt(lines, ":if", "if"), "entity.other.attribute-name.special.livehtml");
  const body = tokenAt(lines, "{@body}", "body");
  expectScope(body, "variable.other.assign.livehtml");
  expectNoScope(body, "meta.tag.component.livehtml");
});

test.run();
