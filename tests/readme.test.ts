// Every TypeScript and template sample in README.md is a file under docs/readme/ (marked
// `<!-- sample: path -->` above its block, and equal to it), which this test compiles and runs;
// `npm run typecheck` type-checks the TypeScript ones with the rest of the tree.
import "../runtime/register.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/compile.ts";
import { setDevHost } from "../runtime/server/dev-host.ts";
import { renderToString, type LiveServer } from "../runtime/server/index.ts";
import { RedisServer } from "./helpers/redis-server.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const BLOCK = /(?:<!-- sample: (\S+) -->\n)?```(\w+)\n([\s\S]*?)```/g;
const blocks = [...README.matchAll(BLOCK)].map((m) => ({ file: m[1], lang: m[2]!, body: m[3]! }));

const readme = suite("README samples");

readme("every ts and html block is a sample file, equal to it", () => {
  const code = blocks.filter((b) => b.lang === "ts" || b.lang === "html");
  assert.ok(code.length >= 5, `found ${code.length} code blocks`);
  for (const block of code) {
    assert.ok(block.file, `a ${block.lang} block without a sample file:\n${block.body}`);
    assert.fixture(block.body, readFileSync(join(ROOT, block.file!), "utf8"), block.file);
  }
});

readme("every template sample compiles without errors", () => {
  for (const block of blocks.filter((b) => b.lang === "html")) {
    const result = compile(block.body, { filename: join(ROOT, block.file!) });
    assert.equal(result.diagnostics.filter((d) => d.severity === "error"), [], block.file);
  }
});

readme("the tour's template renders", async () => {
  const { default: tour } = (await import("../docs/readme/tour/templates/tour.live.html")) as { default: Parameters<typeof renderToString>[0] };
  const html = renderToString(tour, { temperature: 31, unit: "C", readings: [{ id: "a", label: "kitchen", value: 21 }] });
  assert.match(html, /<p class="temp hot">\s*Current temperature: 31°C\s*<\/p>/);
  assert.match(html, /<li>kitchen: 21<\/li>/);
  assert.match(html, /<p>All good<\/p>/);
  assert.match(html, /1 readings[\s\S]*<footer>about Readings<\/footer>/);
});

readme("the JS commands sample renders the commands as phx-* JSON", async () => {
  const { default: buttons } = (await import("../docs/readme/js-commands.live.html")) as { default: Parameters<typeof renderToString>[0] };
  const html = renderToString(buttons, { id: 7 });
  assert.match(html, /phx-click="\[\[&quot;push&quot;,\{&quot;event&quot;:&quot;delete&quot;/);
  assert.ok(html.includes("#row-7"), html);
});

/**
 * Imports a sample that calls `server.listen(…)`: under a dev host that opens no port, and the
 * test serves the adopted server on a free one instead.
 */
async function importServing(sample: string): Promise<{ live: LiveServer; url: string; close(): Promise<void> }> {
  let adopted: LiveServer | null = null;
  const http: Server = createHttpServer();
  const previous = setDevHost({ adopt: (server) => ((adopted = server), { port: 4000, server: http }) });
  try {
    await import(sample);
  } finally {
    setDevHost(previous);
  }
  assert.ok(adopted, `${sample} called server.listen`);
  const live: LiveServer = adopted;
  http.on("request", (req, res) => void live.handler(req, res));
  await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
  return {
    live,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      await live.close();
      await new Promise((done) => http.close(done));
    },
  };
}

readme("the views sample serves the Thermostat, as written (server.listen included)", async () => {
  process.env.SECRET_KEY_BASE ??= "README sample secret, long enough for signing";
  const served = await importServing("../docs/readme/views/thermostat.ts");
  try {
    const page = await (await fetch(`${served.url}/thermostat`)).text();
    assert.match(page, /alice's room: <b id="reading">68\.0<\/b>°F, set to <b id="set-point">70<\/b>°F/);
  } finally {
    await served.close();
  }
});

readme("the scale-out sample serves its routes with a Redis pubsub", async () => {
  const redis = await RedisServer.start();
  process.env.SECRET_KEY_BASE ??= "README sample secret, long enough for signing";
  process.env.REDIS_URL = redis.url;
  process.env.PORT = "0";
  try {
    const served = await importServing("../docs/readme/scale-out/server.ts");
    try {
      const page = await (await fetch(`${served.url}/thermostat`)).text();
      assert.match(page, /'s room: <b id="reading">68\.0<\/b>/, "the Thermostat's first render");
    } finally {
      await served.close();
      await (served.live.context.pubsub as unknown as { close(): Promise<void> }).close();
    }
  } finally {
    await redis.stop();
  }
});

readme("the testing and compiler API samples run", async () => {
  await import("../docs/readme/views/testing.ts");
  await import("../docs/readme/views/compile-api.ts");
});

readme("the nested views sample: a chat per project and a sticky player in the layout", async () => {
  await import("../docs/readme/nested/testing.ts");
  const { mountView } = await import("../runtime/test/index.ts");
  const { routes } = await import("../docs/readme/nested/routes.ts");
  const view = await mountView(routes[0]!, { params: { id: "7" } });
  try {
    assert.match(view.staticHTML, /<header><div id="player" [^>]*data-phx-sticky><button phx-click="toggle">Play track 1<\/button><\/div><\/header>/);
    assert.match(view.staticHTML, /<aside><div id="chat-7" [^>]*data-phx-parent-id="phx-test"><ul><\/ul>/);
    const chat = view.child("chat-7");
    await chat.submit("form[phx-submit]", { text: "hello" });
    assert.match(chat.html(), /<ul><li>hello<\/li><\/ul>/);
    await view.child("player").click("toggle");
    assert.match(view.child("player").html(), /Pause track 1/);
    assert.is(view.diffs.length, 1, "the project view received nothing");
  } finally {
    view.terminate();
  }
});

readme("the live-session sample lets a signed-in user in and sends anyone else to /login", async () => {
  process.env.SECRET_KEY_BASE ??= "README sample secret, long enough for signing";
  const { server } = (await import("../docs/readme/live-sessions/auth.ts")) as { server: LiveServer };
  const { port } = await server.listen(0);
  try {
    const signedIn = await fetch(`http://127.0.0.1:${port}/account`, { headers: { cookie: "user_token=token-ann" } });
    const html = await signedIn.text();
    assert.is(signedIn.status, 200);
    assert.match(html, /<header>Signed in as Ann<\/header>\s*<main><h1>Account of Ann<\/h1>/);
    const anonymous = await fetch(`http://127.0.0.1:${port}/settings`, { redirect: "manual" });
    assert.equal([anonymous.status, anonymous.headers.get("location")], [302, "/login"]);
  } finally {
    await server.close();
  }
});

readme("the forms sample validates through Zod and shows errors under used inputs only", async () => {
  const { mountView } = await import("../runtime/test/index.ts");
  const { SignupView, signups } = await import("../docs/readme/forms/signup.ts");
  const view = await mountView(SignupView);
  try {
    await view.change("#signup", { user: { email: "nope", name: "", _unused_name: "", role: "" , _unused_role: "" } }, "user[email]");
    assert.match(view.html(), /<p class="error" id="user_email-error"><span>is not an email<\/span><\/p>/);
    assert.not.ok(view.has("#user_name-error"), "the name input was not used yet");
    await view.submit("#signup", { user: { email: "ada@example.com", name: "Ada", role: "user" } });
    assert.equal(signups, [{ email: "ada@example.com", name: "Ada", role: "user" }]);
  } finally {
    view.terminate();
  }
});

readme("the async sample shows its loading state, then the organisation", async () => {
  const { mountView } = await import("../runtime/test/index.ts");
  const { OrgView } = await import("../docs/readme/async/org.ts");
  const view = await mountView(OrgView, { params: { slug: "acme" } });
  try {
    assert.match(view.html(), /<p>Loading…<\/p>/);
    assert.match(await view.renderAsync(), /<h1>ACME<\/h1>/);
    assert.not.match(view.html(), /Loading…/);
  } finally {
    view.terminate();
  }
});

readme("the button sample forwards its rest attributes only", async () => {
  const { default: button } = (await import("../docs/readme/components/button.live.html")) as { default: Parameters<typeof renderToString>[0] };
  assert.is(renderToString(button, { label: "Save", type: "submit", "phx-click": "save" }), `<button class="btn btn-plain" type="submit" phx-click="save">Save</button>`);
});

readme("the withAttributes sample: a .ts component with defaults and rest attributes", async () => {
  const { toolbar } = await import("../docs/readme/components/buttons.ts");
  assert.is(
    renderToString(toolbar, { busy: true }),
    `<div class="toolbar"><button class="btn btn-primary" type="submit" disabled>Save</button><button class="btn btn-plain" phx-click="cancel">Cancel</button></div>`,
  );
});

readme.run();
