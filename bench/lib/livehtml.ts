// Compiles a livehtml template into bench/out/ and imports it. Files live inside the package so
// that the generated `livehtml/runtime` import resolves to this checkout (package self-reference).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/index.ts";
import type { Changed, Rendered } from "../../runtime/shared/rendered.ts";

export const OUT = new URL("../out/", import.meta.url).pathname;

export type Template = ((assigns: Record<string, unknown>, changed?: Changed) => Rendered) & { html(assigns: Record<string, unknown>): string };

/**
 * Writes the compiled module as bench/out/<name>.ts and returns its path. With `lang: "js"` it
 * writes <name>.mjs instead: tsx leaves .mjs files alone, whereas it transpiles .ts with
 * esbuild's keepNames, which wraps every closure created at run time in `__name(fn, "name")`.
 */
export function compileTo(name: string, source: string, lang: "ts" | "js" = "ts"): string {
  const result = compile(source, { filename: `${name}.live.html`, sourcemap: false, lang });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(`bench: ${name}.live.html does not compile:\n${errors.map((d) => `${d.code} ${d.message}\n${d.frame}`).join("\n")}`);
  }
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.${lang === "ts" ? "ts" : "mjs"}`);
  writeFileSync(file, result.code);
  return file;
}

export async function loadTemplate(name: string, source: string, lang: "ts" | "js" = "ts"): Promise<Template> {
  const module = (await import(compileTo(name, source, lang))) as { default: Template };
  return module.default;
}
