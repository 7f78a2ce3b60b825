import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { livehtml } from "../../vite-plugin/index.ts";
import { exportedBindings } from "../../vite-plugin/view-exports.ts";
import { FIXTURE_APP, fakeContext, filterMatches, runTransform, thrown, transformOf } from "./helpers.ts";

const plugins = livehtml();
const counterFile = join(FIXTURE_APP, "counter.live.html");
const counterSource = readFileSync(counterFile, "utf8");
const greetingFile = join(FIXTURE_APP, "greeting.ts");
const greetingSource = readFileSync(greetingFile, "utf8");

/** The 1-based line and 0-based column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length };
}

const filters = suite("hook filters");

filters("every sub-plugin is named, pre, and the compilers filter ids and code", () => {
  assert.equal(plugins.map((p) => p.name), ["livehtml:config", "livehtml:template", "livehtml:colocated", "livehtml:hooks", "livehtml:hot-wrap", "livehtml:hot-update"]);
  for (const p of plugins.slice(1, 4)) assert.is(p.enforce, "pre");
  const template = transformOf(plugins, "livehtml:template").filter;
  for (const id of ["/a/b.live.html", "/a/b.live.html?v=3"]) assert.ok(filterMatches(template.id, id), id);
  for (const id of ["/a/b.html", "/a/live.html.ts", "/a/b.ts", "/a/node_modules/x/b.live.html", "/a/b.live.html?livehtml-hook=b.X"]) assert.not.ok(filterMatches(template.id, id), id);

  const colocated = transformOf(plugins, "livehtml:colocated").filter;
  for (const id of ["/a/b.ts", "/a/b.mts", "/a/b.js", "/a/b.tsx?x=1"]) assert.ok(filterMatches(colocated.id, id), id);
  for (const id of ["/a/b.css", "/a/b.live.html", "/a/node_modules/p/b.ts", "/a/b.ts?livehtml-hook=b.X"]) assert.not.ok(filterMatches(colocated.id, id), id);
  assert.ok(filterMatches(colocated.code, greetingSource));
  assert.not.ok(filterMatches(colocated.code, "export const live = 1; // no template"));
});

filters("templates are kept out of the dependency scanner unless the app sets its own entries", () => {
  const config = plugins[0]!.config as (c: object) => { optimizeDeps?: { entries?: string[] } } | null;
  assert.ok(config({})?.optimizeDeps?.entries?.includes("!**/*.live.html"));
  assert.is(config({ optimizeDeps: { entries: ["src/index.html"] } }), null);
});

filters("hot: false leaves only the compilers", () => {
  assert.equal(livehtml({ hot: false }).map((p) => p.name), ["livehtml:config", "livehtml:template", "livehtml:colocated", "livehtml:hooks"]);
  assert.throws(() => livehtml({ hot: "yes" as unknown as boolean }), /`hot` must be a boolean/);
});

const template = suite("livehtml:template");

template("compiles to JavaScript: types stripped, render exported", async () => {
  const out = (await runTransform(plugins, "livehtml:template", counterSource, counterFile))!;
  assert.ok(/^export default render;$/m.test(out.code), out.code);
  assert.ok(out.code.includes("render.html = "), "the HTML renderer is attached");
  assert.not.ok(/\bas number\b|interface Assigns|: Assigns/.test(out.code), out.code);
  assert.ok(out.code.includes('from "livehtml/runtime"'));
});

template("the source map leads generated code back to the template", async () => {
  const out = (await runTransform(plugins, "livehtml:template", counterSource, counterFile))!;
  const map = new SourceMapConsumer(out.map as RawSourceMap);
  const generated = positionOf(out.code, "toFixed(0)");
  const original = map.originalPositionFor(generated);
  assert.is(original.source, counterFile);
  const expected = positionOf(counterSource, "toFixed(0)");
  assert.is(original.line, expected.line);
  assert.ok(Math.abs(original.column - expected.column) <= 8, `column ${original.column} vs ${expected.column}`);
});

template("errors carry id, loc, frame, plugin and code; the message starts with file:line:col", async () => {
  const broken = "<div>\n  <p>{@count</p>\n</div>\n";
  const error = await thrown(() => runTransform(plugins, "livehtml:template", broken, "/app/broken.live.html?v=1"));
  assert.is(error.plugin, "livehtml");
  assert.is(error.id, "/app/broken.live.html?v=1");
  assert.match(error.code, /^LH\d{4}$/);
  assert.is(error.loc.file, "/app/broken.live.html");
  assert.is(error.loc.line, 2);
  assert.is(error.loc.column, 5);
  assert.ok(error.message.startsWith("/app/broken.live.html:2:6: "), error.message);
  assert.match(error.frame, /2 \|.*\{@count/);
  assert.match(error.frame, /\^/);
});

template("warnings go to this.warn with their location", async () => {
  const ctx = fakeContext();
  await runTransform(plugins, "livehtml:template", "<p>{mystery}</p>\n", "/app/w.live.html", ctx);
  assert.is(ctx.warnings.length, 1);
  const warning = ctx.warnings[0] as { code: string; loc: { line: number }; message: string; frame: string };
  assert.is(warning.code, "LH0502");
  assert.is(warning.loc.line, 1);
  assert.ok(warning.message.startsWith("/app/w.live.html:1:"), warning.message);
  assert.ok(warning.frame.includes("mystery"));
});

const colocated = suite("livehtml:colocated");

colocated("rewrites live`…` in place, keeps TypeScript, maps back into the file", async () => {
  const out = (await runTransform(plugins, "livehtml:colocated", greetingSource, greetingFile))!;
  assert.not.ok(out.code.includes("live`"), out.code);
  assert.ok(out.code.includes("interface Assigns"), "the rest of the file is left as written");
  const map = new SourceMapConsumer(out.map as RawSourceMap);
  const original = map.originalPositionFor(positionOf(out.code, "defineView<Assigns>"));
  assert.is(original.line, positionOf(greetingSource, "defineView<Assigns>").line);
});

colocated("a file without templates is returned unchanged (null)", async () => {
  const source = 'import { live } from "livehtml/runtime";\n// a comment about live`x`\nexport const n = 1;\n';
  assert.is(await runTransform(plugins, "livehtml:colocated", source, "/app/plain.ts"), null);
});

colocated("errors point at the file's own line", async () => {
  const source = 'import { live } from "livehtml/runtime";\n\nexport const v = (assigns: object) =>\n  live`<div><p>{@x</p></div>`;\n';
  const error = await thrown(() => runTransform(plugins, "livehtml:colocated", source, "/app/view.ts"));
  assert.is(error.loc.file, "/app/view.ts");
  assert.is(error.loc.line, 4);
  assert.ok(error.message.startsWith("/app/view.ts:4:"), error.message);
  assert.ok(error.frame.includes("live`<div>"), error.frame);
});

const hotWrap = suite("livehtml:hot-wrap");

hotWrap("templates export a stable hot function registered under the file", async () => {
  const compiled = (await runTransform(plugins, "livehtml:template", counterSource, counterFile))!;
  const out = (await runTransform(plugins, "livehtml:hot-wrap", compiled.code, counterFile))!;
  assert.not.ok(out.code.includes("export default function"), out.code);
  assert.ok(out.code.includes(`export default $hotTemplate(${JSON.stringify(counterFile)}, render);`), out.code);
  assert.match(out.code, /import \{ hotTemplate as \$hotTemplate \} from ".*runtime\/server\/hot\.ts"/);
});

hotWrap("view modules register their exports; other modules are untouched", async () => {
  const source = readFileSync(join(FIXTURE_APP, "counter.ts"), "utf8");
  const out = (await runTransform(plugins, "livehtml:hot-wrap", source, "/app/counter.ts"))!;
  assert.ok(out.code.includes('$registerViews("/app/counter.ts", { "CounterView": typeof CounterView === "undefined" ? undefined : CounterView });'), out.code);
  assert.is(await runTransform(plugins, "livehtml:hot-wrap", "export const x = 1;\n", "/app/x.ts"), null);
});

hotWrap("exportedBindings lists value bindings, not re-exports or types", () => {
  const source = [
    "export const A = 1, B = 2;",
    "export function f() {}",
    "const c = 3; export { c as C };",
    "export type T = number;",
    "export { type T as U };",
    'export { z } from "./z.ts";',
    "export default A;",
  ].join("\n");
  assert.equal(exportedBindings(source, "m.ts"), [
    { exported: "A", local: "A" },
    { exported: "B", local: "B" },
    { exported: "f", local: "f" },
    { exported: "C", local: "c" },
    { exported: "default", local: "A" },
  ]);
});

filters.run();
template.run();
colocated.run();
hotWrap.run();
