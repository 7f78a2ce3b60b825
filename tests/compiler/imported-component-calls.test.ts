// Calls of a template's own components are checked when it compiles, as built-in calls are: a
// `.live.html` component that declares its attributes, imported by the frontmatter, refuses an
// unknown attribute and needs its required ones, in compile() (given a reader), in the Vite
// plugin and in the Node loader.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile } from "../../compiler/compile.ts";
import { compileTemplate } from "../../vite-plugin/compile-template.ts";
import { load } from "../../runtime/loader-hooks.ts";

const tests = suite("calls of imported components");

const BUTTON = `---
import type { Rest } from "livehtml/runtime";
export interface Assigns { label: string; kind: string; rest: Rest<"type"> }
export const defaults = { kind: "plain" };
---
<button class={@kind} {...@rest}>{@label}</button>`;
const PLAIN = `---
export interface Assigns { title: string }
---
<h2>{@title}</h2>`;

const page = (calls: string) => `---
import button from "./button.live.html";
import plain from "./plain.live.html";
---
${calls}`;

const files: Record<string, string> = { "/app/button.live.html": BUTTON, "/app/plain.live.html": PLAIN };
const read = (path: string) => files[path] ?? null;
const messages = (source: string) => compile(source, { filename: "/app/page.live.html", readImport: read }).diagnostics.map((d) => `${d.code} ${d.message}`);

tests("an unknown attribute and a missing required one are errors at the call; rest and global attributes pass", () => {
  assert.equal(messages(page(`<.button label="Save" type="submit" data-x="1" phx-click="save" />`)), []);
  const bad = messages(page(`<.button lable="Save" />`));
  assert.equal(bad.length, 2, bad.join("\n"));
  assert.match(bad[0]!, /^LH0510 <\.button> has no attribute `lable`/);
  assert.match(bad[1]!, /^LH0511 <\.button> needs the attribute `label`/);
  assert.equal(messages(page(`<.plain anything="x" />`)), [], "a component that declares nothing is left to livehtml check");
  assert.equal(compile(page(`<.button lable="Save" />`), { filename: "/app/page.live.html" }).diagnostics, [], "without a reader nothing is read");
});

tests("the Vite plugin and the Node loader check them too", async () => {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-calls-"));
  try {
    writeFileSync(join(dir, "button.live.html"), BUTTON);
    writeFileSync(join(dir, "plain.live.html"), PLAIN);
    const source = page(`<.button lable="Save" />`);
    writeFileSync(join(dir, "page.live.html"), source);
    const vite = await compileTemplate(source, join(dir, "page.live.html")).then(() => null, (e: Error) => e);
    assert.match(String(vite?.message), /LH0510/);
    const loader = await load(pathToFileURL(join(dir, "page.live.html")).href, {}, async () => ({})).then(() => null, (e: Error) => e);
    assert.match(String(loader?.message), /LH0510[\s\S]*lable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

tests.run();
