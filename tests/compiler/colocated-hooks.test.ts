// Colocated hooks: `<script type="hook" name=".Name">` is taken out of the template's HTML and
// returned as a hook named after the template; `phx-hook=".Name"` points at it; mistakes are
// diagnostics at the script or the attribute; the index module registers every hook by name.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile.ts";
import { compileColocated } from "../../compiler/colocated.ts";
import { hooksIndexModule, hooksOfFile } from "../../compiler/hooks-of-file.ts";
import { loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";

const tests = suite("colocated hooks");

const PHONE = `<div id="form">
<script type="hook" name=".PhoneNumber">
export default {
  mounted() { this.el.addEventListener("input", () => { this.el.value = this.el.value.replace(/\\D/g, ""); }); },
};
</script>
<input id="phone" phx-hook=".PhoneNumber"><span id="s" phx-hook="Global">{@x}</span>
<script type="hook" name="Tooltip">export default { mounted() {} };</script>
</div>`;

tests("the scripts leave the HTML; the hooks keep their code and get their names; phx-hook follows", async () => {
  const result = compile(PHONE, { filename: "/app/forms/phone-form.live.html" });
  assert.equal(result.diagnostics, []);
  assert.equal(result.hooks.map((h) => h.name), ["phone-form.PhoneNumber", "Tooltip"]);
  assert.match(result.hooks[0]!.code, /^\nexport default \{\n  mounted\(\) \{ this\.el\.addEventListener/);
  assert.is(result.hooks[0]!.start, PHONE.indexOf("\nexport default"));
  const page = await loadTemplate(PHONE, { filename: "phone-form.live.html" });
  const html = renderTemplate(page, { x: 1 }).html();
  assert.not.match(html, /script|export default/);
  assert.match(html, /<input id="phone" phx-hook="phone-form\.PhoneNumber"><span id="s" phx-hook="Global">1<\/span>/);
});

tests("a live`…` template's hooks are gathered too, named after its file", () => {
  const source = 'import { x } from "./x";\nexport const render = (assigns: object) => live`<p id="p" phx-hook=".Flash">hi</p><script type="hook" name=".Flash">export default {}</script>`;\n';
  const result = compileColocated(source, { filename: "/app/views/notice.ts" });
  assert.equal(result.diagnostics, []);
  assert.equal(result.hooks.map((h) => [h.name, h.code]), [["notice.Flash", "export default {}"]]);
  assert.match(result.code, /notice\.Flash/);
  assert.not.match(result.code, /type="hook"/);
});

tests("mistakes are diagnostics: a dotted phx-hook with no such hook, a dynamic body, a missing name, a second definition", () => {
  const codes = (source: string) => compile(source, { filename: "t.live.html" }).diagnostics.map((d) => [d.code, d.message]);
  assert.equal(codes('<i id="i" phx-hook=".Nope"></i><script type="hook" name=".Yes">export default {}</script>'), [["LH0521", 'phx-hook=".Nope" names no colocated hook of this template. this template defines .Yes']]);
  assert.match(String(codes('<script type="hook" name=".A">export default { n: <%= json(@n) %> }</script>')), /LH0520,a colocated hook is static code/);
  assert.match(String(codes('<script type="hook">export default {}</script>')), /LH0520,a colocated hook needs a name/);
  assert.match(String(codes('<script type="hook" name="a b">x</script>')), /LH0520,a colocated hook name must be a hook name/);
  assert.match(String(codes('<script type="hook" name=".A" :if={@x}>x</script>')), /LH0520,a colocated hook is always part of the page's code/);
  assert.match(String(codes('<script type="hook" name=".A">x</script><script type="hook" name=".A">y</script>')), /LH0522,the colocated hook "\.A" is defined twice/);
  assert.equal(compile('<script type="module">export {}</script>', { filename: "t.live.html" }).hooks, [], "other scripts stay scripts");
});

tests("hooksOfFile reads a file's hooks without compiling it; the index registers them and refuses a name defined twice", () => {
  assert.equal(hooksOfFile(PHONE, "/a/phone-form.live.html").hooks.map((h) => h.name), ["phone-form.PhoneNumber", "Tooltip"]);
  assert.equal(hooksOfFile("<p>no hooks</p>", "/a/x.live.html"), { hooks: [], diagnostics: [] });
  const index = hooksIndexModule([
    { name: "b.Two", specifier: "/b.live.html?livehtml-hook=b.Two", file: "/b.live.html" },
    { name: "a.One", specifier: "/a.live.html?livehtml-hook=a.One", file: "/a.live.html" },
  ]);
  assert.match(index, /import hook0 from "\/a\.live\.html\?livehtml-hook=a\.One";\nimport hook1 from "\/b\.live\.html\?livehtml-hook=b\.Two";/);
  assert.match(index, /export const hooks = \{\n  "a\.One": hook0,\n  "b\.Two": hook1,\n\};\nexport default hooks;/);
  assert.throws(
    () => hooksIndexModule([{ name: "x.A", specifier: "1", file: "/one/x.live.html" }, { name: "x.A", specifier: "2", file: "/two/x.live.html" }]),
    /"x\.A" is defined in both \/one\/x\.live\.html and \/two\/x\.live\.html/,
  );
});

tests.run();
