// `livehtml:template`: a `.live.html` import becomes a JavaScript module through compile().
//
// compile() emits TypeScript (typed by the frontmatter's `Assigns`, and template expressions
// are TypeScript too: `{item!}`, `{x as number}`). Vite 8 strips types only for ids that match
// its oxc `include` (`.ts`, `.tsx`, …) in dev, and `moduleType: "ts"` is not honoured by that
// dev filter, so a `.live.html` id would reach the module runner or the browser with types in
// it. Compiling with `lang: "js"` is no answer either: it drops the declared types but leaves
// the expressions as written. So this plugin runs Vite's own `transformWithOxc` on the result,
// giving it the template's map as input map: the returned map goes from JavaScript straight
// back to the `.live.html` source, in dev and in `vite build` alike.
import { transformWithOxc, type Plugin, type Rolldown } from "vite";
import { compile } from "../compiler/compile.ts";
import { readImportFromDisk } from "../compiler/component-imports.ts";
import { errorsOf, toViteError, toViteWarning, warningsOf } from "./errors.ts";
import { UNCOMPILED_ID, fileOf, TEMPLATE_ID, TEMPLATE_QUERY, withTemplateQuery } from "./id.ts";

export function templatePlugin(): Plugin {
  let isBuild = false;
  return {
    name: "livehtml:template",
    enforce: "pre",
    // Vite treats ids ending in `.html` as HTML pages: in builds its HTML plugin turns the
    // module into a page entry with no exports. There, and in the browser, a query keeps a
    // template's id from ending in `.html` (loading still reads the file itself), and
    // `outputOptions` takes it out of the source paths of built maps. The dev server's server
    // side has no HTML plugin and keeps the plain path, which stack traces show.
    configResolved(config) {
      isBuild = config.command === "build";
    },
    outputOptions(output) {
      const previous = output.sourcemapPathTransform;
      return {
        ...output,
        sourcemapPathTransform: (relative, mapPath) => {
          const path = relative.replace(TEMPLATE_QUERY, "");
          return previous ? previous(path, mapPath) : path;
        },
      };
    },
    resolveId: {
      filter: { id: /\.live\.html$/ },
      async handler(source, importer, options) {
        if (!isBuild && this.environment.config.consumer !== "client") return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || resolved.external || resolved.id.includes(TEMPLATE_QUERY)) return resolved;
        return { ...resolved, id: withTemplateQuery(resolved.id) };
      },
    },
    transform: {
      filter: { id: { include: TEMPLATE_ID, exclude: UNCOMPILED_ID } },
      async handler(source, id) {
        const result = await compileTemplate(source, id);
        for (const warning of result.warnings) this.warn(warning);
        return { code: result.code, map: result.map, moduleType: "js" };
      },
    },
  };
}

export interface CompiledTemplate {
  code: string;
  map: Rolldown.SourceMapInput;
  warnings: ReturnType<typeof toViteWarning>[];
}

/** `.live.html` source → JavaScript with a map to the template; throws a LivehtmlError on errors. */
export async function compileTemplate(source: string, id: string): Promise<CompiledTemplate> {
  const filename = fileOf(id);
  const compiled = compile(source, { filename, lang: "ts", sourcemap: true, readImport: readImportFromDisk });
  if (errorsOf(compiled.diagnostics).length > 0) throw toViteError(id, compiled.diagnostics);
  const stripped = await transformWithOxc(compiled.code, `${filename}.ts`, { lang: "ts", sourcemap: true }, compiled.map ?? undefined);
  // Types were already checked by the compiler's generator; oxc only reports syntax it cannot
  // strip, which would be a compiler bug: surface it rather than run broken code.
  const failure = (stripped as { errors?: { message: string }[] }).errors?.[0];
  if (failure) throw new Error(`${filename}: livehtml generated code that could not be transformed: ${failure.message}`);
  const map = stripped.map ? { ...stripped.map, sources: [filename], file: filename } : null;
  return { code: stripped.code, map: map as Rolldown.SourceMapInput, warnings: warningsOf(compiled.diagnostics).map((d) => toViteWarning(id, d)) };
}
