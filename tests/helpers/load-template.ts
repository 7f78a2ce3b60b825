// Compiles a template and imports the generated module, as a bundler would. The module is
// written under .cache/ inside the package, so that its `livehtml/runtime` import resolves to
// this checkout (package self-reference).
import { mkdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { compile, type CompileOptions } from "../../compiler/compile.ts";
import type { Rendered } from "../../runtime/shared/rendered.ts";

const CACHE = new URL("../../.cache/templates/", import.meta.url).pathname;

export type Template = (assigns: Record<string, unknown>) => Rendered;

export async function loadTemplate(source: string, options: CompileOptions = {}): Promise<Template> {
  const module = (await import(compileToFile(source, options))) as { default: Template };
  return module.default;
}

/** Compiles `source` into a module file and returns its path (for imports between templates). */
export function compileToFile(source: string, options: CompileOptions = {}): string {
  const result = compile(source, { sourcemap: false, ...options });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}\n${d.frame}`).join("\n"));
  const lang = options.lang ?? "ts";
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${createHash("sha1").update(result.code).digest("hex").slice(0, 16)}.${lang === "ts" ? "ts" : "mjs"}`);
  writeFileSync(file, result.code);
  return file;
}
