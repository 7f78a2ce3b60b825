// The package as a user gets it: `npm pack` (which builds dist/ through `prepack`), the tarball
// installed into fresh projects with their other dependencies from the registry, then every way
// of using it run with plain `node` (no TypeScript loader, no source condition):
//
//   - a server serving a view compiled by the CLI (`--lang js`), with the default client;
//   - `node --import livehtml/register` compiling `.live.html` and colocated templates of a JS app;
//   - `tsc` over user code with `tsc --init`'s strict defaults, plus the `*.live.html` types;
//   - a Vite SSR build with the plugin, run by node;
//   - `livehtml/client` bundled for the browser (when this checkout has it);
//   - `livehtml new`'s app: its own `npm test` and `npm run build` after a fresh install.
//
// npm's cache lives in .cache/npm (kept between runs), so a second run installs offline-fast.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(ROOT, ".cache/npm");
const ownPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const dev = ownPackage.devDependencies;

/** The environment of a user's shell: none of this repository's test settings. */
const USER_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== "NODE_OPTIONS" && !key.toLowerCase().startsWith("npm_")),
);

interface Ctx {
  work: string;
  tarball: string;
  app: string;
}

function run(command: string, args: readonly string[], cwd: string, timeout = 240_000): string {
  const result = spawnSync(command, args, { cwd, env: { ...USER_ENV, NO_COLOR: "1" }, encoding: "utf8", timeout });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function npmInstall(dir: string): void {
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--cache", CACHE, "--loglevel", "error"], dir);
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Starts `node args…` in `cwd`; resolves with the URL it prints once listening. */
function startServer(args: readonly string[], cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd, env: { ...USER_ENV, PORT: "0" } });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed within 20 s:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const onData = (data: Buffer) => {
      output += data;
      const url = /http:\/\/(?:localhost|127\.0\.0\.1):\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => fail(new Error(`exited ${code} before listening:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill();
  await exited;
}

const COUNTER_TEMPLATE = `---
export interface Assigns { count: number }
---
<p>Count: <b id="count">{@count}</b></p>
<button phx-click="inc">+</button>
`;

const pkg = suite<Ctx>("the installed package");

pkg.before((ctx) => {
  ctx.work = mkdtempSync(join(tmpdir(), "livehtml-package-"));
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", ctx.work, "--cache", CACHE, "--loglevel", "error"], ROOT)) as { filename: string; files: { path: string }[] }[];
  ctx.tarball = join(ctx.work, packed[0]!.filename);
  const files = packed[0]!.files.map((f) => f.path);
  // Only what users need: no tests, benches, sources or CI.
  const outside = files.filter((f) => !/^(dist\/|grammar\/|README\.md$|LICENSE$|package\.json$)/.test(f));
  assert.equal(outside, [], "the tarball ships dist/, grammar/, README.md, LICENSE and package.json only");

  ctx.app = join(ctx.work, "app");
  write(ctx.app, {
    "package.json": JSON.stringify({
      name: "user-app",
      private: true,
      type: "module",
      dependencies: { livehtml: `file:${ctx.tarball}` },
      devDependencies: { typescript: dev.typescript, vite: dev.vite, "@types/node": dev["@types/node"] },
    }),
  });
  npmInstall(ctx.app);
});

pkg.after((ctx) => {
  rmSync(ctx.work, { recursive: true, force: true });
});

pkg("plain node serves a view whose template the CLI compiled to JavaScript, with the default client", async (ctx) => {
  const dir = join(ctx.app, "cli-app");
  write(dir, {
    "counter.live.html": COUNTER_TEMPLATE,
    "server.js": `import { createServer, defineView, live } from "livehtml/server";
import template from "./build/counter.live.html.js";
const CounterView = defineView({
  mount(_p, _s, socket) { socket.assign({ count: 41 }); },
  handleEvent(event, _v, socket) { if (event === "inc") socket.update("count", (n) => n + 1); },
  render: template,
});
const server = createServer({ routes: [live("/", CounterView)], secret: "a test secret that is long enough" });
const { port } = await server.listen(Number(process.env.PORT));
console.log("http://127.0.0.1:" + port);
`,
  });
  run(join(ctx.app, "node_modules/.bin/livehtml"), ["compile", "counter.live.html", "--lang", "js", "--out-dir", "build"], dir);
  const compiled = readFileSync(join(dir, "build/counter.live.html.js"), "utf8");
  const imports = [...compiled.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
  assert.equal([...new Set(imports)], ["livehtml/runtime"], "compiled templates import only livehtml/runtime");

  const { child, url } = await startServer(["server.js"], dir);
  try {
    const page = await (await fetch(`${url}/`)).text();
    assert.ok(page.includes('<b id="count">41</b>'), page);
    assert.ok(page.includes('src="/livehtml/client.js"'), page);
    const client = await fetch(`${url}/livehtml/client.js`);
    assert.is(client.status, 200);
    assert.ok(client.headers.get("etag"));
    assert.ok((await client.text()).length > 10_000, "the prebuilt client bundle");
  } finally {
    await stop(child);
  }
});

pkg("node --import livehtml/register compiles .live.html imports and colocated templates of a JavaScript app", (ctx) => {
  const dir = join(ctx.app, "register-app");
  write(dir, {
    "counter.live.html": COUNTER_TEMPLATE,
    "badge.js": 'import { live } from "livehtml/runtime";\nexport const badge = (assigns) => live`<span class="badge">{@label}</span>`;\n',
    "main.js": `import { renderToString } from "livehtml/server";
import counter from "./counter.live.html";
import { badge } from "./badge.js";
console.log(renderToString(counter, { count: 7 }));
console.log(renderToString(badge, { label: "<new>" }));
`,
  });
  const out = run(process.execPath, ["--import", "livehtml/register", "main.js"], dir);
  assert.ok(out.includes('<b id="count">7</b>'), out);
  assert.ok(out.includes('<span class="badge">&lt;new&gt;</span>'), out);
});

pkg("tsc with `tsc --init`'s strict defaults type-checks user code with no error from livehtml", (ctx) => {
  const dir = join(ctx.app, "typed-app");
  write(dir, {
    "package.json": JSON.stringify({ name: "typed-app", type: "module" }),
    "counter.live.html": COUNTER_TEMPLATE,
    "app.ts": `/// <reference types="livehtml/live-html" />
import { createServer, defineView, live, renderToString, type LiveServer } from "livehtml/server";
import { compile } from "livehtml/compiler";
import { mountView, renderTemplate } from "livehtml/test";
import { escapeHTML } from "livehtml/runtime";
import livehtml from "livehtml/vite";
import template from "./counter.live.html";

export const CounterView = defineView<{ count: number }>({
  mount(_params, _session, socket) { socket.assign({ count: 0 }); },
  handleEvent(event, _value, socket) { if (event === "inc") socket.update("count", (n) => n + 1); },
  render: template,
});
export const server: LiveServer = createServer({ routes: [live("/", CounterView)], secret: "a test secret that is long enough" });
export const html: string = renderToString(template, { count: 1 }) + escapeHTML("<x>");
export const plugins = livehtml();
export const compiled: string = compile("<p>{@x}</p>", { filename: "x.live.html" }).code;
export async function probe(): Promise<string> {
  const view = await mountView(CounterView);
  await view.click("#inc");
  return view.html() + JSON.stringify(renderTemplate(template, { count: 2 }).rendered);
}
`,
  });
  // node_modules of the app above are found from this subdirectory.
  run(join(ctx.app, "node_modules/.bin/tsc"), ["--init"], dir);
  const result = spawnSync(join(ctx.app, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], { cwd: dir, env: USER_ENV, encoding: "utf8" });
  assert.is(result.stdout + result.stderr, "", "no type errors");
  assert.is(result.status, 0);
});

pkg("a Vite SSR build with the plugin runs with plain node", async (ctx) => {
  const dir = join(ctx.app, "vite-app");
  write(dir, {
    "package.json": JSON.stringify({ name: "vite-app", type: "module" }),
    "vite.config.js": 'import livehtml from "livehtml/vite";\nexport default { plugins: [livehtml()], build: { ssr: "src/server.js", outDir: "build" }, logLevel: "silent" };\n',
    "src/counter.live.html": COUNTER_TEMPLATE,
    "src/server.js": `import { createServer, defineView, live } from "livehtml/server";
import template from "./counter.live.html";
const CounterView = defineView({ mount(_p, _s, socket) { socket.assign({ count: 5 }); }, render: template });
const server = createServer({ routes: [live("/", CounterView)], secret: "a test secret that is long enough" });
const { port } = await server.listen(Number(process.env.PORT));
console.log("http://127.0.0.1:" + port);
`,
  });
  run(join(ctx.app, "node_modules/.bin/vite"), ["build"], dir);
  const { child, url } = await startServer(["build/server.js"], dir);
  try {
    const page = await (await fetch(`${url}/`)).text();
    assert.ok(page.includes('<b id="count">5</b>'), page);
  } finally {
    await stop(child);
  }
});

pkg("livehtml/client bundles for the browser (when this checkout has the client)", (ctx) => {
  if (!existsSync(join(ROOT, "runtime/client/index.ts"))) return;
  const dir = join(ctx.app, "client-app");
  write(dir, {
    "package.json": JSON.stringify({ name: "client-app", type: "module" }),
    "main.js": 'import * as client from "livehtml/client";\nconsole.log(Object.keys(client));\n',
    "vite.config.js": 'export default { logLevel: "silent", build: { outDir: "build", lib: { entry: "main.js", formats: ["es"], fileName: "main" } } };\n',
  });
  run(join(ctx.app, "node_modules/.bin/vite"), ["build"], dir);
  const bundle = readdirSync(join(dir, "build")).find((f) => f.endsWith(".js"));
  assert.ok(bundle, "a browser bundle");
  assert.not.ok(readFileSync(join(dir, "build", bundle!), "utf8").includes('from "livehtml'), "livehtml is bundled in");
});

pkg("livehtml new writes an app whose own tests and build pass after a fresh install", (ctx) => {
  run(join(ctx.app, "node_modules/.bin/livehtml"), ["new", "my-app"], ctx.work);
  const dir = join(ctx.work, "my-app");
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string>; scripts: Record<string, string> };
  assert.equal(Object.keys(manifest.scripts).sort(), ["build", "check", "dev", "start", "test"]);
  // The scaffold depends on the published version; this run installs the tarball instead.
  manifest.dependencies.livehtml = `file:${ctx.tarball}`;
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  npmInstall(dir);
  const tested = run("npm", ["test"], dir);
  assert.match(tested, /# pass 1/);
  run("npm", ["run", "build"], dir);
  assert.ok(existsSync(join(dir, "dist/main.js")), "npm run build writes dist/main.js");
  run("npx", ["tsc", "--noEmit"], dir);
});

pkg.run();
