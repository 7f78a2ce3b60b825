// `livehtml check`: type errors inside template expressions are reported at their template
// line and column (exit 1); colocated templates and plain TypeScript too; a clean project exits 0.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { BIN, CARD, PAGE, runCli, tempProject } from "./helpers.ts";
import { checkProject } from "../../compiler/check.ts";

// `customConditions`: the linked checkout's types are its sources (an installed package has dist/).
const TSCONFIG = JSON.stringify({
  compilerOptions: {
    customConditions: ["livehtml-source"],
    target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true,
    allowImportingTsExtensions: true, skipLibCheck: true, verbatimModuleSyntax: true, types: [], lib: ["ES2022", "DOM"],
  },
  include: ["src"],
});

/** For checkProject calls without a tsconfig: as TSCONFIG's customConditions. */
const FROM_SOURCES = { customConditions: ["livehtml-source"] };

const BROKEN_PAGE = `---
import card from "./card.live.html";
export interface Assigns { name: string; count: number }
---
<.card title={@name}>
  <p>{@count.toUpperCase()}</p>
</.card>
`;

const VIEW = `import { live } from "livehtml/runtime";
import page from "./page.live.html";
export function render(assigns: { n: number }) {
  return live\`<b>{@n.trim()}</b>\`;
}
export const html = page({ name: 1, count: 2 });
`;

const check = suite("livehtml check");

check("a type error in a template expression is reported at its template line:col, exit 1", () => {
  const project = tempProject({ "tsconfig.json": TSCONFIG, "src/card.live.html": CARD, "src/page.live.html": BROKEN_PAGE, "src/view.ts": VIEW });
  try {
    const run = runCli(["check"], project.dir);
    assert.is(run.code, 1, run.stderr);
    const lines = run.stderr.split("\n");
    const template = lines.filter((l) => l.startsWith("src/page.live.html:"));
    assert.equal(template, ["src/page.live.html:6:14: LH0304 TS2339: Property 'toUpperCase' does not exist on type 'number'."], "reported once, not per renderer");
    assert.match(run.stderr, /6 \|   <p>\{@count\.toUpperCase\(\)\}<\/p>\n\s+\| {14}\^{11}\n/);
    // The colocated template maps into its .ts file; the plain TypeScript error keeps its own position.
    assert.match(run.stderr, /^src\/view\.ts:4:22: LH0304 TS2339: Property 'trim' does not exist on type 'number'\./m);
    assert.match(run.stderr, /^src\/view\.ts:6:28: LH0304 TS2322: Type 'number' is not assignable to type 'string'\./m);
    assert.match(run.stderr, /✗ checked 3 templates and 1 TypeScript file: 3 errors, 0 warnings in/);
  } finally {
    project.cleanup();
  }
});

check("a clean project exits 0", () => {
  const project = tempProject({ "tsconfig.json": TSCONFIG, "src/card.live.html": CARD, "src/page.live.html": PAGE });
  try {
    const run = runCli(["check", "--project", "tsconfig.json"], project.dir);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, /✓ checked 2 templates and 0 TypeScript files: 0 errors, 0 warnings/);
  } finally {
    project.cleanup();
  }
});

check("component attributes are checked against the component's assigns, at the attribute", () => {
  const page = `---\nimport card from "./card.live.html";\n---\n<.card title="T"\n  count="3">x</.card>\n<.card count={2} />\n`;
  const project = tempProject({ "card.live.html": CARD, "page.live.html": page });
  try {
    const result = checkProject({ files: [join(project.dir, "card.live.html"), join(project.dir, "page.live.html")], compilerOptions: FROM_SOURCES });
    const found = result.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code} ${d.message}`);
    // A literal of the wrong type, reported where the attribute is written.
    assert.ok(found.some((f) => /^5:3 LH0304 TS2322: Type 'string' is not assignable to type 'number'/.test(f)), found.join("\n"));
    // A missing required attribute, reported at the component call.
    assert.ok(found.some((f) => /^6:\d+ LH0304 TS2345: [\s\S]*'title' is missing/.test(f)), found.join("\n"));
    assert.is(found.length, 2, found.join("\n"));
  } finally {
    project.cleanup();
  }
});

check("checkProject on files: template syntax errors come through as they are; a failing template does not cascade", () => {
  const project = tempProject({ "card.live.html": CARD, "page.live.html": "---\nimport card from \"./card.live.html\";\n---\n<.card title={1}>\n<p>{@x</p></.card>\n" });
  try {
    const result = checkProject({ files: [join(project.dir, "card.live.html"), join(project.dir, "page.live.html")], compilerOptions: FROM_SOURCES });
    const codes = result.diagnostics.map((d) => `${d.filename.slice(project.dir.length + 1)}:${d.start.line}:${d.start.column} ${d.code}`);
    assert.ok(codes.includes("page.live.html:5:4 LH0110"), codes.join("\n"));
    assert.not.ok(codes.some((c) => c.includes("LH0304")), codes.join("\n"));
  } finally {
    project.cleanup();
  }
});

check("--watch checks again after a template changes, until interrupted (exit 0)", async () => {
  const project = tempProject({ "tsconfig.json": TSCONFIG, "src/card.live.html": CARD, "src/page.live.html": PAGE });
  const child = spawn(process.execPath, [BIN, "check", "--watch"], { cwd: project.dir, env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}:\n${stderr}`)), 90_000);
      const poll = setInterval(() => {
        if (!pattern.test(stderr)) return;
        clearTimeout(timer);
        clearInterval(poll);
        done();
      }, 50);
    });
  try {
    await waitFor(/watching for changes/);
    assert.match(stderr, /✓ checked 2 templates and 0 TypeScript files: 0 errors/);
    writeFileSync(join(project.dir, "src/page.live.html"), BROKEN_PAGE);
    await waitFor(/src\/page\.live\.html changed: checking again[\s\S]*✗ checked 2 templates/);
    assert.match(stderr, /src\/page\.live\.html:6:14: LH0304 TS2339/);
    const exited = new Promise<number | null>((done) => child.once("exit", done));
    child.kill("SIGTERM");
    assert.is(await exited, 0);
  } finally {
    child.kill();
    project.cleanup();
  }
});

check.run();
