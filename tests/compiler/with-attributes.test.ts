// Components in `.ts` files that declare their attributes with `withAttributes`: the render's
// `assigns` type lists the attributes, `defaults` fills omitted ones, `rest` collects the others
// for `{...@rest}`. The compiled component renders as a `.live.html` one that declares its
// attributes does, and its calls are checked when a template compiles — in the same file, in a
// `.live.html` or `.ts` file importing it, in the Vite plugin and in the Node loader.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile, compileColocated } from "../../compiler/index.ts";
import { colocatedPlugin } from "../../vite-plugin/compile-colocated.ts";
import { runTransform, thrown } from "../vite-plugin/helpers.ts";
import { load } from "../../runtime/loader-hooks.ts";
import { withAttributes } from "../../runtime/shared/with-attributes.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import type { Rendered } from "../../runtime/shared/rendered.ts";
import type { Rest } from "../../runtime/shared/declared.ts";

const BUTTONS = `import { live, renderSlot, withAttributes, type Rest, type SlotEntry } from "livehtml/runtime";

interface ButtonAssigns { kind: "primary" | "plain"; label: string; rest: Rest<"type" | "disabled">; inner_block?: readonly SlotEntry[] }

export const button = withAttributes({ defaults: { kind: "plain" }, rest: "rest" }, (assigns: ButtonAssigns) =>
  live\`<button class={["btn", "btn-" + @kind]} {...@rest}>{@label}{renderSlot(@inner_block)}</button>\`);

export const toolbar = (assigns: { label: string; busy: boolean; event: string }) =>
  live\`<div><.button label={@label} kind="primary" type="submit" phx-click={@event} disabled={@busy} /><.button label="Undo" /></div>\`;
`;

const CACHE = new URL("../../.cache/templates/", import.meta.url).pathname;

/** Compiles a colocated module into .cache/ (so `livehtml/runtime` resolves here) and imports it. */
async function loadColocated<T>(source: string, filename: string): Promise<T> {
  const result = compileColocated(source, { filename, sourcemap: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}\n${d.frame}`).join("\n"));
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${createHash("sha1").update(result.code).digest("hex").slice(0, 16)}.ts`);
  writeFileSync(file, result.code);
  return (await import(file)) as T;
}

const codes = (source: string, filename = "/app/case.ts") => compileColocated(source, { filename }).diagnostics.map((d) => `${d.code} ${d.message}`);

const rendering = suite("withAttributes components");

rendering("defaults fill omitted attributes, rest attributes reach the element, own props never do", async () => {
  assert.equal(compileColocated(BUTTONS, { filename: "buttons.ts" }).diagnostics, []);
  const { toolbar } = await loadColocated<{ toolbar: (a: object) => Rendered }>(BUTTONS, "buttons.ts");
  const t = renderTemplate(toolbar, { label: "Save", busy: false, event: "save" });
  assert.is(t.html(), `<div><button class="btn btn-primary" type="submit" phx-click="save">Save</button><button class="btn btn-plain">Undo</button></div>`);
});

rendering("the rest spread is resent only when a rest attribute changed", async () => {
  const { toolbar } = await loadColocated<{ toolbar: (a: object) => Rendered }>(BUTTONS, "buttons.ts");
  const t = renderTemplate(toolbar, { label: "Save", busy: false, event: "save" });
  t.html();
  // Slot 0 of the toolbar is the first button: 0 class, 1 rest spread, 2 label, 3 slot.
  const json = (value: unknown) => JSON.parse(JSON.stringify(value));
  assert.equal(json(t.assign({ label: "Store" })), { 0: { 2: "Store" } }, "a declared prop changed: the spread is not resent");
  assert.equal(json(t.assign({ busy: true })), { 0: { 1: ` type="submit" phx-click="save" disabled` } });
});

rendering("a missing required attribute names the component; an uncompiled call says how to compile", async () => {
  const source = `${BUTTONS}\nexport const spread = (assigns: { props: { label: string } }) => live\`<.button {...@props} />\`;\n`;
  const { spread } = await loadColocated<{ spread: (a: object) => Rendered }>(source, "buttons.ts");
  assert.throws(() => renderTemplate(spread, { props: {} }).html(), /<\.button> needs the attribute "label"/);
  assert.throws(() => withAttributes({}, () => ({}) as Rendered), /withAttributes\(\) ran in a file livehtml did not compile/);
});

const checks = suite("withAttributes checks at compile time");

checks("calls in the same file: an unknown attribute and a missing required one are errors", () => {
  const source = `${BUTTONS}\nexport const bad = (assigns: object) => live\`<p><.button lable="x" /></p>\`;\n`;
  const found = codes(source);
  assert.equal(found.length, 2, found.join("\n"));
  assert.match(found[0]!, /^LH0510 <\.button> has no attribute `lable`\. expected one of kind, label, or a rest attribute \(global attributes, phx-\*, data-\*, aria-\*, type, disabled\)/);
  assert.match(found[1]!, /^LH0511 <\.button> needs the attribute `label`/);
});

checks("the component's own template: reading an undeclared assign warns, defaults must be declared", () => {
  const source = `import { live, withAttributes } from "livehtml/runtime";
interface A { label: string }
export const c = withAttributes({ defaults: { size: 1 } }, (assigns: A) => live\`<b>{@label}{@other}</b>\`);`;
  assert.equal(codes(source).map((m) => m.slice(0, 6)).sort(), ["LH0512", "LH0513"]);
});

checks("a declaration the compiler cannot read, or a rest property not named, is an error", () => {
  const header = `import { live, withAttributes, type Rest } from "livehtml/runtime";\nimport type { Elsewhere } from "./types.ts";\ninterface A { label: string; rest: Rest }\n`;
  // The message without its hint.
  const one = (call: string) => codes(header + call).map((m) => m.split(/\. (?=write|type the)/)[0]!.split(" (")[0]!);
  assert.equal(one(`export const c = withAttributes({ rest: "rest" }, (assigns: Elsewhere) => live\`<b></b>\`);`), ["LH0514 withAttributes() needs `assigns` typed by an interface or object type written in this file, to read its attributes from"]);
  assert.equal(one(`const options = {};\nexport const c = withAttributes(options, (assigns: A) => live\`<b></b>\`);`), ["LH0514 withAttributes() takes its options as an object literal"]);
  assert.equal(one(`export const c = withAttributes({ rest: "rest" }, (props: A) => live\`<b></b>\`);`), ["LH0514 withAttributes() needs a render whose parameter is `assigns`"]);
  assert.equal(one(`export const c = withAttributes({}, (assigns: A) => live\`<b>{@label}</b>\`);`), ["LH0515 the rest property `rest` is typed `Rest` but the options do not name it"]);
  assert.equal(one(`export const c = withAttributes({ rest: "label" }, (assigns: A) => live\`<b>{@label}</b>\`);`), ["LH0515 the rest property `label` is not typed `Rest`"]);
});

const imports = suite("withAttributes components imported");

const files: Record<string, string> = { "/app/buttons.ts": BUTTONS };
const read = (path: string) => files[path] ?? null;

checks("a .live.html importing the component by name checks its calls (a .js or bare specifier finds the .ts)", () => {
  for (const specifier of ["./buttons.ts", "./buttons.js", "./buttons"]) {
    const page = `---\nimport { button as b } from "${specifier}";\n---\n<.b lable="x" />`;
    const found = compile(page, { filename: "/app/page.live.html", readImport: read }).diagnostics.map((d) => d.code);
    assert.equal(found, ["LH0510", "LH0511"], specifier);
  }
  const fine = `---\nimport { button } from "./buttons.ts";\n---\n<.button label="x" type="reset" aria-label="y" />`;
  assert.equal(compile(fine, { filename: "/app/page.live.html", readImport: read }).diagnostics, []);
});

checks("a .ts file importing it checks its templates' calls too", () => {
  const other = `import { live } from "livehtml/runtime";\nimport { button } from "./buttons.ts";\nexport const page = (assigns: object) => live\`<.button label="x" href="/" />\`;\n`;
  const found = compileColocated(other, { filename: "/app/page.ts", readImport: read }).diagnostics.map((d) => d.code);
  assert.equal(found, ["LH0510"]);
});

imports("the Vite plugin and the Node loader report them", async () => {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-with-attributes-"));
  try {
    writeFileSync(join(dir, "buttons.ts"), BUTTONS);
    const page = `import { live } from "livehtml/runtime";\nimport { button } from "./buttons.ts";\nexport const page = (assigns: object) => live\`<.button lable="x" />\`;\n`;
    writeFileSync(join(dir, "page.ts"), page);
    const vite = await thrown(() => runTransform([colocatedPlugin()], "livehtml:colocated", page, join(dir, "page.ts")));
    assert.match(String(vite?.message), /LH0510[\s\S]*lable/);
    const loader = await load(pathToFileURL(join(dir, "page.ts")).href, {}, async () => ({ format: "module", source: page })).then(() => null, (e: Error) => e);
    assert.match(String(loader?.message), /LH0510[\s\S]*lable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

rendering.run();
checks.run();
imports.run();

/** Never run: tsc checks what callers of a `withAttributes` component may pass (see tests/typecheck.test.ts). */
export function callerTypes(render: (assigns: { kind: "a" | "b"; label: string; rest: Rest<"type"> }) => Rendered): void {
  const c = withAttributes({ defaults: { kind: "a" }, rest: "rest" }, render);
  c({ label: "x" });
  c({ label: "x", kind: "b", type: "submit", "phx-click": "go", class: "big" });
  // @ts-expect-error: `label` is required
  c({ kind: "b" });
  // @ts-expect-error: `href` is neither declared nor a rest attribute
  c({ label: "x", href: "/" });
  // @ts-expect-error: `rest` must name a property
  withAttributes({ rest: "nope" }, render);
}
