// Source maps of generated modules: every expression, in each renderer that evaluates it,
// maps back to its line and column in the template; colocated templates map into their file.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { compile, compileColocated } from "../../compiler/index.ts";

/** Every generated position of `needle`, mapped back to the template (1-based line, 0-based column). */
function originalsOf(code: string, map: unknown, needle: string) {
  const consumer = new SourceMapConsumer(map as RawSourceMap);
  const lines = code.split("\n");
  const found: Array<{ line: number; column: number; source: string | null }> = [];
  lines.forEach((text, i) => {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const o = consumer.originalPositionFor({ line: i + 1, column: at });
      found.push({ line: o.line, column: o.column, source: o.source });
    }
  });
  return found;
}

const maps = suite("source maps");

maps("an expression maps back from both renderers", () => {
  const source = `<div>\n  <p class="x">{@user.name.trim()}</p>\n</div>`;
  const result = compile(source, { filename: "card.live.html" });
  const found = originalsOf(result.code, result.map, "assigns.user.name.trim()");
  assert.is(found.length, 2, "tree and HTML renderers");
  for (const o of found) assert.equal(o, { line: 2, column: 16, source: "card.live.html" });
});

maps("attribute expressions, conditions and loop iterables map to their own positions", () => {
  const source = `<ul>\n<li :for={row of @rows} :if={row.visible} title={row.label}>x</li>\n</ul>`;
  const result = compile(source, { filename: "list.live.html" });
  const iterable = originalsOf(result.code, result.map, "assigns.rows");
  assert.ok(iterable.length >= 2);
  for (const o of iterable) assert.equal([o.line, o.column], [2, 17]);
  const filter = originalsOf(result.code, result.map, "row.visible");
  assert.ok(filter.length >= 2);
  for (const o of filter) assert.equal([o.line, o.column], [2, 29]);
});

maps("the map carries the template's content", () => {
  const source = `<p>{@a}</p>`;
  const map = compile(source, { filename: "a.live.html" }).map!;
  assert.equal(map.sources, ["a.live.html"]);
  assert.equal(map.sourcesContent, [source]);
});

maps("colocated templates map into the TypeScript file; the rest of the file maps to itself", () => {
  const source = `import { live } from "livehtml/runtime";\nexport function render(assigns: { t: number }) {\n  return live\`<p>{@t}</p>\`;\n}\n`;
  const result = compileColocated(source, { filename: "view.ts" });
  assert.is(result.templates, 1);
  const t = originalsOf(result.code, result.map, "assigns.t)");
  assert.ok(t.length >= 2);
  for (const o of t) assert.equal([o.line, o.column, o.source], [3, 18, "view.ts"]);
  const fn = originalsOf(result.code, result.map, "export function render");
  assert.equal(fn.map((o) => [o.line, o.column]), [[2, 0]]);
});

maps("lang js: TypeScript syntax in expressions is compiled away and the map still leads to the template", () => {
  const source = `---\nexport interface Assigns { n: number | null }\n---\n<p>\n  {(@n as number)!.toFixed(1)}\n</p>`;
  // An absolute path, as the Vite plugin and the Node loader pass it.
  const filename = "/app/src/views/n.live.html";
  const result = compile(source, { filename, lang: "js" });
  assert.is.not(result.code, "");
  assert.not.match(result.code, /interface Assigns|as number|: \$Rendered/);
  const found = originalsOf(result.code, result.map, "toFixed");
  assert.ok(found.length >= 1);
  for (const o of found) assert.equal([o.line, o.source], [5, filename]);
});

maps("sourcemap: false skips the map", () => {
  assert.is(compile(`<p>{@a}</p>`, { sourcemap: false }).map, null);
});

maps.run();
