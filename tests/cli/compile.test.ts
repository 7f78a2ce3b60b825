// `livehtml compile`: directories to .ts and .js modules that import and render, diagnostics
// printed as `file:line:col: LHxxxx message` with a frame, and exit codes.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CARD, PAGE, runCli, tempProject } from "./helpers.ts";

type Template = (assigns: Record<string, unknown>) => { html(): string };

async function render(file: string, assigns: Record<string, unknown>): Promise<string> {
  const module = (await import(pathToFileURL(file).href)) as { default: Template };
  return module.default(assigns).html();
}

const EXPECTED = `<section class="card"><h2>ADA</h2><ul><li>a</li><li>b</li></ul></section>`;

const compile = suite("livehtml compile");

compile("a directory compiles to .ts modules under --out-dir, which import each other and render", async () => {
  const project = tempProject({ "src/card.live.html": CARD, "src/pages/page.live.html": PAGE.replace("./card", "../card") });
  try {
    const run = runCli(["compile", "src", "--out-dir", "build"], project.dir);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, /compiled 2 files: 0 errors, 0 warnings in \d/);
    const page = join(project.dir, "build/pages/page.live.html.ts");
    assert.ok(existsSync(join(project.dir, "build/card.live.html.ts")));
    assert.match(readFileSync(page, "utf8"), /from "\.\.\/card\.live\.html\.ts"/);
    assert.is(await render(page, { name: "ada", items: ["a", "b"] }), EXPECTED);
  } finally {
    project.cleanup();
  }
});

compile("--lang js --out-dir --sourcemap writes runnable JavaScript with maps, colocated .ts files included", async () => {
  const view = `import { live } from "livehtml/runtime";\nexport function render(assigns: { n: number }) {\n  return live\`<b>{@n * 2}</b>\`;\n}\n`;
  const project = tempProject({ "src/card.live.html": CARD, "src/page.live.html": PAGE, "src/view.ts": view, "src/plain.ts": "export const x: number = 1;\n" });
  try {
    const run = runCli(["compile", "src", "--lang", "js", "--out-dir", "build", "--sourcemap"], project.dir);
    assert.is(run.code, 0, run.stderr);
    const js = readFileSync(join(project.dir, "build/page.live.html.js"), "utf8");
    assert.not.match(js, /interface Assigns/, "types are stripped");
    assert.match(js, /import card from "\.\/card\.live\.html\.js"/);
    assert.match(js, /\/\/# sourceMappingURL=page\.live\.html\.js\.map/);
    const map = JSON.parse(readFileSync(join(project.dir, "build/page.live.html.js.map"), "utf8")) as { sources: string[] };
    assert.equal(map.sources, ["../src/page.live.html"]);
    assert.is(await render(join(project.dir, "build/page.live.html.js"), { name: "ada", items: ["a", "b"] }), EXPECTED);
    const compiledView = (await import(pathToFileURL(join(project.dir, "build/view.js")).href)) as { render(a: unknown): { html(): string } };
    assert.is(compiledView.render({ n: 21 }).html(), "<b>42</b>");
    assert.not.ok(existsSync(join(project.dir, "build/plain.js")), "a .ts file without templates in a directory is not an input");
  } finally {
    project.cleanup();
  }
});

compile("a broken template prints file:line:col: code message with a frame and exits 1", () => {
  const project = tempProject({ "bad.live.html": "<div>\n  <p>{@x</p>\n</div>\n", "good.live.html": "<p>ok</p>\n" });
  try {
    const run = runCli(["compile", "bad.live.html", "good.live.html", "--out-dir", "out"], project.dir);
    assert.is(run.code, 1);
    assert.match(run.stderr, /^bad\.live\.html:2:6: LH0110 expected closing `}` for this expression/m);
    assert.match(run.stderr, /2 \|   <p>\{@x<\/p>\n\s+\| +\^/);
    assert.match(run.stderr, /✗ compiled 2 files: \d+ errors?, 0 warnings in \d/);
    assert.not.ok(existsSync(join(project.dir, "out/bad.live.html.ts")), "nothing is written for a broken template");
    assert.ok(existsSync(join(project.dir, "out/good.live.html.ts")), "the other templates still compile");
  } finally {
    project.cleanup();
  }
});

compile("globs select templates", () => {
  const project = tempProject({ "a/one.live.html": "<p>1</p>", "b/two.live.html": "<p>2</p>", "b/skip.html": "<p>no</p>" });
  try {
    const run = runCli(["compile", "**/*.live.html", "--lang", "js", "--out-dir", "out"], project.dir);
    assert.is(run.code, 0, run.stderr);
    assert.ok(existsSync(join(project.dir, "out/a/one.live.html.js")));
    assert.ok(existsSync(join(project.dir, "out/b/two.live.html.js")));
    assert.match(run.stderr, /compiled 2 files/);
  } finally {
    project.cleanup();
  }
});

compile("without --out-dir nothing is written beside a template (it would shadow it), and the error says why", () => {
  const project = tempProject({ "a.live.html": "<p>a</p>" });
  try {
    for (const lang of ["ts", "js"]) {
      const run = runCli(["compile", "a.live.html", "--lang", lang], project.dir);
      assert.is(run.code, 2, run.stderr);
      assert.match(run.stderr, /compiling a\.live\.html next to itself would shadow it: .*Pass --out-dir <dir>/);
      assert.not.ok(existsSync(join(project.dir, `a.live.html.${lang}`)));
    }
  } finally {
    project.cleanup();
  }
});

compile("colocated hooks are written as modules beside the outputs, with an index registering them all", async () => {
  const phone = `<script type="hook" name=".PhoneNumber">\nimport { digits } from "./digits.ts";\nexport default { digits };\n</script>\n<input id="phone" phx-hook=".PhoneNumber">\n`;
  const project = tempProject({ "src/forms/phone.live.html": phone, "src/card.live.html": CARD });
  try {
    const run = runCli(["compile", "src", "--lang", "js", "--out-dir", "build"], project.dir);
    assert.is(run.code, 0, run.stderr);
    assert.is(readFileSync(join(project.dir, "build/forms/phone.PhoneNumber.hook.js"), "utf8"), '\nimport { digits } from "./digits.js";\nexport default { digits };\n');
    assert.is(
      readFileSync(join(project.dir, "build/livehtml-hooks.js"), "utf8"),
      '// Generated by livehtml: the colocated hooks of the application\'s templates.\nimport hook0 from "./forms/phone.PhoneNumber.hook.js";\nexport const hooks = {\n  "phone.PhoneNumber": hook0,\n};\nexport default hooks;\n',
    );
    assert.is(await render(join(project.dir, "build/forms/phone.live.html.js"), {}), '<input id="phone" phx-hook="phone.PhoneNumber">');
  } finally {
    project.cleanup();
  }
});

compile.run();
