// Usage errors exit 2 with a message that says what is wrong; help and version exit 0.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli, tempProject } from "./helpers.ts";

const usage = suite("livehtml usage");

usage("an unknown flag names the closest one and exits 2", () => {
  const run = runCli(["compile", "x.live.html", "--outdir", "out"], ROOT);
  assert.is(run.code, 2);
  assert.match(run.stderr, /unknown flag --outdir for `livehtml compile`; did you mean --out-dir\?/);
  assert.match(run.stderr, /livehtml compile --help/);
});

usage("an unknown command suggests the closest", () => {
  const run = runCli(["chek"], ROOT);
  assert.is(run.code, 2);
  assert.match(run.stderr, /unknown command "chek"; did you mean `livehtml check`\?/);
});

usage("a missing file, a glob matching nothing, no input and a bad --lang exit 2", () => {
  const project = tempProject({ "a.live.html": "<p>a</p>" });
  try {
    const missing = runCli(["compile", "nope.live.html"], project.dir);
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory: nope\.live\.html/);
    const glob = runCli(["compile", "src/**/*.live.html"], project.dir);
    assert.is(glob.code, 2);
    assert.match(glob.stderr, /no file matches src\/\*\*\/\*\.live\.html/);
    assert.is(runCli(["compile"], project.dir).code, 2);
    const lang = runCli(["compile", "a.live.html", "--lang", "rust"], project.dir);
    assert.is(lang.code, 2);
    assert.match(lang.stderr, /invalid value "rust" for --lang: expected one of ts, js/);
    const noProject = runCli(["check"], project.dir);
    assert.is(noProject.code, 2);
    assert.match(noProject.stderr, /no tsconfig\.json in this directory/);
  } finally {
    project.cleanup();
  }
});

usage("compiling a .ts file to TypeScript in place is refused", () => {
  const project = tempProject({ "view.ts": 'import { live } from "livehtml/runtime";\nexport const r = (assigns: {}) => live`<p>x</p>`;\n' });
  try {
    const run = runCli(["compile", "view.ts"], project.dir);
    assert.is(run.code, 2);
    assert.match(run.stderr, /would overwrite it: pass --out-dir <dir> or --lang js/);
  } finally {
    project.cleanup();
  }
});

usage("--help, <cmd> --help and --version exit 0", () => {
  const help = runCli(["--help"], ROOT);
  assert.is(help.code, 0);
  for (const command of ["compile", "check", "dev"]) assert.match(help.stdout, new RegExp(`^  ${command} `, "m"));
  const compileHelp = runCli(["compile", "--help"], ROOT);
  assert.is(compileHelp.code, 0);
  assert.match(compileHelp.stdout, /--out-dir <dir>/);
  const version = runCli(["--version"], ROOT);
  assert.is(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

usage("colour only when asked for: NO_COLOR wins, FORCE_COLOR forces it on a pipe", () => {
  const plain = runCli(["compile", "nope.live.html"], ROOT);
  assert.not.match(plain.stderr, /\x1b\[/);
  const forced = runCli(["compile", "nope.live.html"], ROOT, { NO_COLOR: "", FORCE_COLOR: "1" });
  assert.match(forced.stderr, /\x1b\[31merror:/);
});

usage.run();

const files = suite("livehtml file and project errors");

files("LH0001: an output that cannot be written is a diagnostic naming the path and the reason, exit 1", () => {
  // `--out-dir` names an existing file, so the output's directory cannot be created.
  const project = tempProject({ "a.live.html": "<p>{@a}</p>", "out": "a file, not a directory" });
  try {
    const run = runCli(["compile", "a.live.html", "--out-dir", "out"], project.dir);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, /LH0001 cannot write out\/a\.live\.html\.ts: a parent path is a file, not a directory/);
  } finally {
    project.cleanup();
  }
});

files("LH0305: a tsconfig that does not parse is reported at its own line and column, exit 1", () => {
  const project = tempProject({ "tsconfig.json": '{\n  "compilerOptions": {\n    "strict": true,,\n  }\n}\n', "a.live.html": "<p>x</p>" });
  try {
    const run = runCli(["check"], project.dir);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, /tsconfig\.json:3:\d+: LH0305 cannot use the TypeScript project .*tsconfig\.json: TS\d+/);
  } finally {
    project.cleanup();
  }
});

files.run();

const launch = suite("livehtml launcher");

launch("the bundled CLI (built on install) and the sources through tsx compile alike", () => {
  const build = spawnSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { encoding: "utf8" });
  assert.is(build.status, 0, build.stderr);
  const project = tempProject({ "a.live.html": "<p class={@c}>{@a}</p>" });
  try {
    const bundled = runCli(["compile", "a.live.html", "--out-dir", "bundled"], project.dir);
    const sources = runCli(["compile", "a.live.html", "--out-dir", "sources"], project.dir, { LIVEHTML_CLI_SOURCES: "1" });
    assert.is(bundled.code, 0, bundled.stderr);
    assert.is(sources.code, 0, sources.stderr);
    const read = (dir: string) => readFileSync(join(project.dir, dir, "a.live.html.ts"), "utf8");
    assert.is(read("bundled"), read("sources"));
  } finally {
    project.cleanup();
  }
});

launch("a bundle older than its sources is rebuilt before the run, which then compiles from it", () => {
  const bundle = join(ROOT, "compiler/cli/cli.bundle.mjs");
  const build = spawnSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { encoding: "utf8" });
  assert.is(build.status, 0, build.stderr);
  // As after a pull or a merge: every source is newer than the bundle.
  const past = new Date("2000-01-01T00:00:00Z");
  utimesSync(bundle, past, past);
  const project = tempProject({ "a.live.html": "<p>{@a}</p>" });
  try {
    const run = runCli(["compile", "a.live.html", "--out-dir", "out"], project.dir);
    assert.is(run.code, 0, run.stderr);
    assert.ok(statSync(bundle).mtimeMs > past.getTime(), "the bundle was rebuilt");
    assert.match(readFileSync(join(project.dir, "out", "a.live.html.ts"), "utf8"), /Compiled by livehtml/);
  } finally {
    project.cleanup();
  }
});

launch.run();
