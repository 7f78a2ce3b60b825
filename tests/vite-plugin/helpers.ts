// Shared by the Vite plugin tests: calling one sub-plugin's transform outside Vite, and a
// temporary copy of the fixture app (tests edit files, so they never touch the originals).
import { cpSync, mkdtempSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defaultServerConditions, type InlineConfig, type Plugin } from "vite";
import type { LivehtmlError } from "../../vite-plugin/errors.ts";

export const FIXTURE_APP = fileURLToPath(new URL("./fixtures/app/", import.meta.url));
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Vite settings that resolve `livehtml/…` to this checkout's sources (the `livehtml-source`
 * export condition), as Node does in tests: an installed package resolves to its dist/.
 */
export const FROM_SOURCES = {
  resolve: { conditions: ["livehtml-source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["livehtml-source", ...defaultServerConditions], externalConditions: ["livehtml-source"] } },
} satisfies InlineConfig;

export interface TransformOutput {
  code: string;
  map: unknown;
}

/** What a transform hook may call on its context, recorded. */
export interface FakeContext {
  warnings: unknown[];
  warn(warning: unknown): void;
}

export function fakeContext(): FakeContext {
  const warnings: unknown[] = [];
  return { warnings, warn: (w) => void warnings.push(w) };
}

type Handler = (this: FakeContext, code: string, id: string) => unknown;

/** The named plugin's transform handler and filter. */
export function transformOf(plugins: Plugin[], name: string): { handler: Handler; filter: { id?: unknown; code?: unknown } } {
  const plugin = plugins.find((p) => p.name === name);
  if (!plugin) throw new Error(`no plugin ${name} in ${plugins.map((p) => p.name).join(", ")}`);
  const hook = plugin.transform as unknown as { handler: Handler; filter: { id?: unknown; code?: unknown } };
  return hook;
}

export async function runTransform(plugins: Plugin[], name: string, code: string, id: string, ctx = fakeContext()): Promise<TransformOutput | null> {
  return (await transformOf(plugins, name).handler.call(ctx, code, id)) as TransformOutput | null;
}

/** Runs `fn`, expecting it to throw or reject; returns what was thrown. */
export async function thrown(fn: () => unknown): Promise<LivehtmlError> {
  try {
    await fn();
  } catch (error) {
    return error as LivehtmlError;
  }
  throw new Error("expected an error, nothing was thrown");
}

/**
 * A copy of the fixture app in a temporary directory, with `node_modules/livehtml` linked to
 * this package so its imports resolve as in an installed app. `remove()` deletes it.
 */
export function copyFixtureApp(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-vite-"));
  cpSync(FIXTURE_APP, dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PACKAGE_ROOT, join(dir, "node_modules", "livehtml"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Matches a string filter of a hook (`include`/`exclude` of strings and regexps). */
export function filterMatches(filter: unknown, value: string): boolean {
  const test = (f: unknown): boolean => (Array.isArray(f) ? f.some(test) : f instanceof RegExp ? f.test(value) : typeof f === "string" ? value.includes(f) : false);
  if (filter instanceof RegExp || typeof filter === "string" || Array.isArray(filter)) return test(filter);
  const { include, exclude } = filter as { include?: unknown; exclude?: unknown };
  return (include === undefined || test(include)) && !(exclude !== undefined && test(exclude));
}
