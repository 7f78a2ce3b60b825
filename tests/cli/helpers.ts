// Runs the `livehtml` command as a user would (a child process of bin.mjs) inside throwaway
// projects whose `livehtml` dependency is this checkout.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "compiler/cli/bin.mjs");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temp project: `files` written under it, `node_modules/livehtml` pointing at this checkout. */
export function tempProject(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-cli-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules/livehtml"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", type: "module" }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CARD = `---
import type { SlotEntry } from "livehtml/runtime";
export interface Assigns { title: string; count?: number; inner_block?: readonly SlotEntry[] }
---
<section class="card"><h2>{@title}</h2>{renderSlot(@inner_block)}</section>
`;

export const PAGE = `---
import card from "./card.live.html";
export interface Assigns { name: string; items: string[] }
---
<.card title={@name.toUpperCase()}><ul><li :for={item of @items}>{item}</li></ul></.card>
`;
