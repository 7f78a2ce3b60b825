// `vite build` of the fixture app through Vite's build() API: an SSR build of the views and a
// client build of a module that renders a template; both outputs are then run.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { livehtml } from "../../vite-plugin/index.ts";
import { mountView } from "../../runtime/test/index.ts";
import type { AnyView } from "../../runtime/server/view.ts";
import { copyFixtureApp, FROM_SOURCES, thrown } from "./helpers.ts";

interface Ctx {
  app: { dir: string; remove(): void };
}

const builds = suite<Ctx>("vite build");

builds.before((ctx) => {
  ctx.app = copyFixtureApp();
});

builds.after((ctx) => {
  ctx.app.remove();
});

/** A client (library) build of the fixture app's `<name>.ts` into `outDir`. */
function buildLibrary(root: string, outDir: string, name: string): Promise<unknown> {
  return build({
    root,
    configFile: false,
    logLevel: "silent",
    ...FROM_SOURCES,
    plugins: [livehtml()],
    build: { outDir, lib: { entry: join(root, `${name}.ts`), formats: ["es"], fileName: name } },
  });
}

builds("the SSR build compiles .live.html and colocated templates; the views run", async (ctx) => {
  const outDir = join(ctx.app.dir, "dist/server");
  await build({
    root: ctx.app.dir,
    configFile: false,
    logLevel: "silent",
    ...FROM_SOURCES,
    plugins: [livehtml()],
    build: {
      ssr: true,
      outDir,
      sourcemap: true,
      rollupOptions: { input: { counter: join(ctx.app.dir, "counter.ts"), greeting: join(ctx.app.dir, "greeting.ts") } },
    },
  });
  const counterCode = readFileSync(join(outDir, "counter.js"), "utf8");
  assert.not.ok(counterCode.includes("hotTemplate"), "no dev-only hot code in builds");
  const { CounterView } = (await import(pathToFileURL(join(outDir, "counter.js")).href)) as { CounterView: AnyView };
  const view = await mountView(CounterView);
  assert.ok(view.html().includes('Count is <b id="count">0</b>'), view.html());
  for (let i = 0; i < 3; i++) await view.click("inc");
  assert.ok(view.html().includes("Big: counter"), view.html());
  view.terminate();

  const { GreetingView } = (await import(pathToFileURL(join(outDir, "greeting.js")).href)) as { GreetingView: AnyView };
  const greeting = await mountView(GreetingView);
  assert.ok(greeting.html().includes('<h1 id="greeting">Hello world!</h1>'), greeting.html());
  greeting.terminate();

  const map = JSON.parse(readFileSync(join(outDir, "counter.js.map"), "utf8")) as { sources: string[] };
  assert.ok(map.sources.some((s) => s.endsWith("counter.live.html")), `the map leads to the template: ${map.sources.join(", ")}`);
});

builds("the client build renders the template in a browser bundle", async (ctx) => {
  const outDir = join(ctx.app.dir, "dist/client");
  await buildLibrary(ctx.app.dir, outDir, "client-render");
  const bundle = readFileSync(join(outDir, "client-render.js"), "utf8");
  assert.not.ok(bundle.includes("livehtml/runtime"), "the runtime helpers are bundled");
  const { counterHTML } = (await import(pathToFileURL(join(outDir, "client-render.js")).href)) as { counterHTML: (n: number, l: string) => string };
  const html = counterHTML(7, "<lucky>");
  assert.ok(html.includes('Count is <b id="count">7</b>'), html);
  assert.ok(html.includes("Big: &lt;lucky&gt;"), html);
});

builds("the client build gathers the templates' colocated hooks into virtual:livehtml/hooks", async (ctx) => {
  const outDir = join(ctx.app.dir, "dist/hooks");
  await buildLibrary(ctx.app.dir, outDir, "client-hooks");
  const bundle = readFileSync(join(outDir, "client-hooks.js"), "utf8");
  const { hooks, phoneHTML } = (await import(pathToFileURL(join(outDir, "client-hooks.js")).href)) as {
    hooks: Record<string, { mounted?: unknown; digitsOnly?: (s: string) => string }>;
    phoneHTML: () => string;
  };
  assert.equal(Object.keys(hooks), ["phone.PhoneNumber"]);
  assert.is(typeof hooks["phone.PhoneNumber"]!.mounted, "function");
  assert.is(hooks["phone.PhoneNumber"]!.digitsOnly!("+1 (555) 010"), "1555010", "the hook's relative import resolved from its template");
  assert.is(phoneHTML(), '<input id="phone" phx-hook="phone.PhoneNumber">', "the script is not in the HTML");
  assert.not.ok(bundle.includes('type="hook"'));
});

builds("a template error fails the build with the file, line and frame", async (ctx) => {
  const error = await thrown(() =>
    build({
      root: ctx.app.dir,
      configFile: false,
      logLevel: "silent",
      ...FROM_SOURCES,
      plugins: [livehtml()],
      build: { write: false, lib: { entry: join(ctx.app.dir, "broken.ts"), formats: ["es"], fileName: "broken" } },
    }),
  );
  const text = String(error.message);
  assert.ok(text.includes("broken.live.html:2:"), text);
  assert.ok(text.includes("LH0"), text);
});

builds.run();
