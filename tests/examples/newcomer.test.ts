// A newcomer's first minutes: a fresh copy of the repository, the README's first command
// (its server part, `npm start`), and the Thermostat answering over HTTP with its temperature.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** The server part of the README's first shell command (`npm ci && npm start` → `npm start`). */
function firstServerCommand(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /```sh\n([^\n]+)/.exec(readme);
  assert.ok(block, "the README starts with a sh block");
  const command = block[1]!.replace(/#.*$/, "").trim();
  const parts = command.split("&&").map((p) => p.trim());
  return parts.at(-1)!.split(/\s+/);
}

/** Every file a clone would have (tracked, plus new files not ignored), copied to a temp dir. */
function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-newcomer-"));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "" && existsSync(join(ROOT, f)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  // `npm ci` is what the README asks for; linking the installed packages stands in for it.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function waitForUrl(child: ReturnType<typeof spawn>, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within ${START_TIMEOUT_MS}ms:\n${output.text}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.text += chunk.toString();
      const url = /https?:\/\/(?:localhost|127\.0\.0\.1):\d+/.exec(output.text);
      if (url) {
        clearTimeout(timer);
        resolve(url[0]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before printing its URL:\n${output.text}`));
    });
  });
}

const newcomer = suite("newcomer");

newcomer("a fresh copy starts with the README's command and serves the Thermostat", async () => {
  const command = firstServerCommand();
  assert.equal(command, ["npm", "start"]);
  const dir = copyRepository();
  // Its own process group, so the server npm starts is stopped with it.
  const child = spawn(command[0]!, command.slice(1), { cwd: dir, env: { ...process.env, PORT: "0" }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  try {
    const url = await waitForUrl(child, output);
    const response = await fetch(`${url}/thermostat`);
    assert.is(response.status, 200);
    const html = await response.text();
    assert.match(html, /Current temperature: <span id="reading">\d+\.\d<\/span>°/);
    assert.match(html, /Set point: <strong id="set-point">\d+<\/strong>/);
    assert.match(html, /Hello alice/);
    const index = await (await fetch(`${url}/`)).text();
    for (const path of ["/thermostat", "/todos", "/dashboard", "/embedded"]) assert.match(index, new RegExp(`href="${path}"`));
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});

newcomer.run();
