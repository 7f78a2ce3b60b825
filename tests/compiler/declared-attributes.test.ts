// Components that declare their attributes: defaults fill what the caller leaves out, a missing
// required attribute fails with the component's name, and `{...@rest}` forwards exactly the
// undeclared attributes — without the component's own props, without LH0501, and resent only
// when one of them changed.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.ts";
import { compileToFile, loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import { buildOutputs } from "../../scripts/build-components.ts";
import { readFileSync } from "node:fs";

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const BUTTON = `---
import type { Rest, SlotEntry } from "livehtml/runtime";
export interface Assigns { kind: "primary" | "plain"; label: string; rest: Rest<"type" | "disabled">; inner_block?: readonly SlotEntry[] }
export const defaults = { kind: "plain" };
---
<button class={["btn", "btn-" + @kind]} {...@rest}>{@label}{renderSlot(@inner_block)}</button>`;

const button = compileToFile(BUTTON, { filename: "button.live.html" });

const declared = suite("declared attributes");

declared("the component compiles without LH0501, and its own props never reach the element", async () => {
  const result = compile(BUTTON, { filename: "button.live.html" });
  assert.equal(result.diagnostics, []);
  const page = await loadTemplate(`---
import button from "${button}";
---
<.button label="Save" kind="primary" type="submit" phx-click="save" data-id={@id} />`);
  assert.is(renderTemplate(page, { id: 7 }).html(), `<button class="btn btn-primary" type="submit" phx-click="save" data-id="7">Save</button>`);
});

declared("defaults fill attributes the caller leaves out", async () => {
  const page = await loadTemplate(`---
import button from "${button}";
---
<.button label="Go" />`);
  assert.is(renderTemplate(page, {}).html(), `<button class="btn btn-plain">Go</button>`);
});

declared("a missing required attribute names the component and the attribute", async () => {
  const page = await loadTemplate(`---
import button from "${button}";
const props = {} as { label: string };
---
<.button {...props} />`);
  assert.throws(() => renderTemplate(page, {}), /<\.button> needs the attribute "label"/);
});

declared("the rest spread is resent only when a rest attribute changed", async () => {
  const page = await loadTemplate(`---
import button from "${button}";
---
<div><.button label={@label} phx-click={@event} disabled={@busy} /></div>`);
  const t = renderTemplate(page, { label: "A", event: "go", busy: false });
  assert.is(t.html(), `<div><button class="btn btn-plain" phx-click="go">A</button></div>`);
  // Slot 0 of the page is the component; inside it: 0 class, 1 rest spread, 2 label, 3 slot.
  assert.equal(json(t.assign({ label: "B" })), { "0": { "2": "B" } }, "a declared prop changed: the spread is not resent");
  assert.equal(json(t.assign({ busy: true })), { "0": { "1": ` phx-click="go" disabled` } });
  assert.is(t.html(), `<div><button class="btn btn-plain" phx-click="go" disabled>B</button></div>`);
});

declared("a caller's explicit rest object merges with the other undeclared attributes", async () => {
  const page = await loadTemplate(`---
import button from "${button}";
---
<.button label="x" rest={{ "data-a": "1" }} data-b="2" />`);
  assert.is(renderTemplate(page, {}).html(), `<button class="btn btn-plain" data-a="1" data-b="2">x</button>`);
});

const builtins = suite("built-in components: compiled outputs");

builtins("the committed modules and the declaration table match the component sources", () => {
  const stale: string[] = [];
  for (const [path, text] of buildOutputs()) if (readFileSync(path, "utf8") !== text) stale.push(path);
  assert.equal(stale, [], "run `npm run build:components`");
});

builtins("a template's own component of a built-in's name wins over the built-in", async () => {
  const mine = compileToFile(`<b>mine</b>`);
  const page = await loadTemplate(`---
import link from "${mine}";
---
<.link whatever="x" />`);
  assert.is(renderTemplate(page, {}).html(), `<b>mine</b>`);
});

builtins("calls of built-ins are checked when the template compiles", () => {
  const unknown = compile(`<.focusWrap id="m" colour="red">x</.focusWrap>`, { filename: "page.live.html" });
  assert.equal(unknown.diagnostics.map((d) => [d.code, d.message]), [
    ["LH0510", "<.focusWrap> has no attribute `colour`. expected one of id, or a rest attribute (global attributes, phx-*, data-*, aria-*)"],
  ]);
  assert.is(unknown.code, "", "an error stops the compile");
  const missing = compile(`<.intersperse enum={@xs}>{x}</.intersperse>`, { filename: "page.live.html" });
  assert.equal(missing.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["LH0511"]);
  assert.match(missing.diagnostics[0]!.message, /needs the attribute `separator`/);
  const fine = compile(`<.focusWrap id="m" class="box" phx-click="x" data-a="1" aria-label="l">x</.focusWrap>`, { filename: "page.live.html" });
  assert.equal(fine.diagnostics, []);
  assert.match(fine.code, /import \{ focusWrap as \$builtin_focusWrap \} from "livehtml\/components";/);
  const spread = compile(`<.focusWrap {...@attrs}>x</.focusWrap>`, { filename: "page.live.html" });
  assert.not.ok(spread.diagnostics.some((d) => d.code === "LH0511"), "a spread may carry the required attribute");
});

declared.run();
builtins.run();
