// The files `livehtml new <dir>` writes: a small working app (a counter), its test, and the
// settings to develop, build, start and test it. Versions of the tools are the ones livehtml is
// built and tested with.

export interface ScaffoldVersions {
  livehtml: string;
  typescript: string;
  vite: string;
  tsx: string;
  typesNode: string;
}

export function scaffoldFiles(name: string, v: ScaffoldVersions): Record<string, string> {
  return {
    "package.json": json({
      name,
      version: "0.1.0",
      private: true,
      type: "module",
      engines: { node: ">=20.19" },
      scripts: {
        dev: "livehtml dev src/app.ts",
        build: "vite build",
        start: "node dist/main.js",
        test: "node --import tsx --import livehtml/register --test test/counter.test.ts",
        check: "livehtml check && tsc --noEmit",
      },
      dependencies: { livehtml: `^${v.livehtml}` },
      devDependencies: { "@types/node": v.typesNode, tsx: v.tsx, typescript: v.typescript, vite: v.vite },
    }),
    "tsconfig.json": json({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        types: ["node", "livehtml/live-html"],
      },
      include: ["src", "test", "vite.config.ts"],
    }),
    "vite.config.ts": `import { defineConfig } from "vite";
import livehtml from "livehtml/vite";

// \`npm run dev\`: livehtml dev serves the app through Vite (templates hot-swap on edit).
// \`npm run build\`: a server build of src/main.ts into dist/, run by \`npm start\`.
export default defineConfig({
  plugins: [livehtml()],
  build: { ssr: "src/main.ts", outDir: "dist", target: "node20" },
});
`,
    ".gitignore": "node_modules/\ndist/\n",
    "README.md": `# ${name}

A [livehtml](https://www.npmjs.com/package/livehtml) app.

\`\`\`sh
npm install
npm run dev      # development server at http://localhost:4000, templates hot-swap on edit
npm test         # the view's tests (livehtml/test)
npm run build    # production build into dist/
npm start        # serve the build (set SECRET_KEY_BASE)
\`\`\`

- \`src/app.ts\`: the live server (routes, layout); \`src/main.ts\` starts it in production.
- \`src/counter.ts\` + \`src/counter.live.html\`: a live view and its template.
- \`public/app.css\`: the stylesheet.
`,
    "src/app.ts": `import { readFileSync } from "node:fs";
import { createServer, live } from "livehtml/server";
import { CounterView } from "./counter.ts";

// src/ in development, dist/ once built: public/ is beside both.
const css = readFileSync(new URL("../public/app.css", import.meta.url), "utf8");

export const server = createServer({
  routes: [live("/", CounterView)],
  // Signs sessions and CSRF tokens: set SECRET_KEY_BASE (64+ random characters) in production.
  secret: process.env.SECRET_KEY_BASE ?? "development only: set SECRET_KEY_BASE in production",
  head: '<link rel="stylesheet" href="/app.css">',
  // Requests that are not live routes (in development, Vite serves public/ itself).
  fallback(req, res) {
    if (req.url === "/app.css") res.writeHead(200, { "content-type": "text/css; charset=utf-8" }).end(css);
    else res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\\n");
  },
});
`,
    "src/main.ts": `import { server } from "./app.ts";

const { port } = await server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
console.log(\`listening on http://localhost:\${port}\`);
`,
    "src/counter.ts": `import { defineView } from "livehtml/server";
import template from "./counter.live.html";

export const CounterView = defineView<{ count: number }>({
  mount(_params, _session, socket) {
    socket.assign({ count: 0 });
  },
  handleEvent(event, _value, socket) {
    if (event === "inc") socket.update("count", (n) => n + 1);
    if (event === "dec") socket.update("count", (n) => n - 1);
  },
  render: template,
});
`,
    "src/counter.live.html": `---
export interface Assigns { count: number }
---
<main class="counter">
  <h1>Count: <b id="count">{@count}</b></h1>
  <button id="dec" phx-click="dec">−</button>
  <button id="inc" phx-click="inc">+</button>
</main>
`,
    "public/app.css": `:root { font-family: system-ui, sans-serif; color: #18181b; background: #fafafa; }
body { margin: 0; }
.counter { max-width: 24rem; margin: 4rem auto; padding: 2rem; border-radius: 12px; background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); text-align: center; }
.counter button { font-size: 1.5rem; min-width: 3rem; margin: 0 0.25rem; border: 1px solid #d4d4d8; border-radius: 8px; background: #f4f4f5; cursor: pointer; }
.counter button:hover { background: #e4e4e7; }
`,
    "test/counter.test.ts": `import assert from "node:assert/strict";
import { test } from "node:test";
import { mountView } from "livehtml/test";
import { CounterView } from "../src/counter.ts";

test("the counter starts at 0 and counts clicks", async () => {
  const view = await mountView(CounterView);
  assert.match(view.html(), /<b id="count">0<\\/b>/);
  await view.click("#inc");
  await view.click("#inc");
  await view.click("#dec");
  assert.match(view.html(), /<b id="count">1<\\/b>/);
  view.terminate();
});
`,
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
