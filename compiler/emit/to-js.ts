// `lang: "js"`: the TypeScript module is compiled to JavaScript by TypeScript itself (so any
// TypeScript syntax inside template expressions or the frontmatter is handled), and the two
// source maps are chained so that the JavaScript still maps to the template.

import ts from "../utils/typescript.cjs";
import { SourceMap } from "magic-string";
import { SourceMapConsumer, SourceMapGenerator, type RawSourceMap } from "source-map-js";

export function toJavaScript(code: string, map: SourceMap | null, filename: string): { code: string; map: SourceMap | null } {
  const tsName = `${filename}.ts`;
  const output = ts.transpileModule(code, {
    fileName: tsName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: map !== null,
      inlineSources: false,
      verbatimModuleSyntax: false,
      isolatedModules: true,
    },
  });
  const js = output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  if (!map || !output.sourceMapText) return { code: js, map: null };

  const jsMap = JSON.parse(output.sourceMapText) as RawSourceMap;
  const generator = SourceMapGenerator.fromSourceMap(new SourceMapConsumer(jsMap));
  const templateMap = JSON.parse(map.toString()) as RawSourceMap;
  // TypeScript names the source as it sees fit (a basename): chain through exactly that name.
  generator.applySourceMap(new SourceMapConsumer(templateMap), jsMap.sources[0] ?? tsName);
  // Generated scaffolding maps to the intermediate TypeScript, a file that exists nowhere:
  // keep only the mappings that reach the template.
  const template = templateMap.sources[0];
  const kept = new SourceMapGenerator({ file: `${filename}.js` });
  new SourceMapConsumer(generator.toJSON()).eachMapping((m) => {
    if (m.source !== template || m.originalLine == null || m.originalColumn == null) return;
    kept.addMapping({ generated: { line: m.generatedLine, column: m.generatedColumn }, original: { line: m.originalLine, column: m.originalColumn }, source: m.source });
  });
  const chained = kept.toJSON();
  return {
    code: js,
    map: new SourceMap({
      file: `${filename}.js`,
      sources: chained.sources,
      sourcesContent: chained.sources.map((s) => (s === template ? (templateMap.sourcesContent?.[0] ?? null) : null)),
      names: chained.names,
      mappings: chained.mappings,
    }),
  };
}
