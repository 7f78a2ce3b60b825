// One "compile the medium component" function per compiler, loaded lazily so that a cold run
// pays for exactly one compiler's import. Shared by the warm run (in process) and the cold run
// (cold.mjs, one fresh process per measurement).
import fs from 'node:fs';
import { svelteSrc, vueSrc, markoSrc } from '../peers/compile-sources.mjs';

const OUT = new URL('../out/', import.meta.url).pathname;
export const livehtmlSource = fs.readFileSync(new URL('./todo.live.html', import.meta.url), 'utf8');

export const COMPILERS = {
  // Needs tsx (`node --import tsx`): the compiler is TypeScript run as is.
  livehtml: async () => {
    const { compile } = await import('../../compiler/index.ts');
    return () => {
      const r = compile(livehtmlSource, { filename: 'todo.live.html' });
      if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
      return r.code;
    };
  },
  'svelte 5 (server)': async () => {
    const { compile } = await import('svelte/compiler');
    return () => compile(svelteSrc, { generate: 'server', filename: 'Todo.svelte' }).js.code;
  },
  'vue 3 sfc (ssr template)': async () => {
    const { parse, compileTemplate } = await import('@vue/compiler-sfc');
    return () => {
      const { descriptor } = parse(vueSrc, { filename: 'Todo.vue' });
      return compileTemplate({ source: descriptor.template.content, filename: 'Todo.vue', id: 'todo', ssr: true, ssrCssVars: [] }).code;
    };
  },
  'vue 3 sfc (script + inline template)': async () => {
    const { parse, compileScript } = await import('@vue/compiler-sfc');
    return () => {
      const { descriptor } = parse(vueSrc, { filename: 'Todo.vue' });
      return compileScript(descriptor, { id: 'todo', inlineTemplate: true }).content;
    };
  },
  'marko 6 (html)': async () => {
    const mod = await import('@marko/compiler');
    const markoCompiler = mod.compileSync ? mod : mod.default;
    fs.mkdirSync(OUT, { recursive: true });
    const path = `${OUT}Todo.marko`;
    fs.writeFileSync(path, markoSrc);
    // A fresh cache per call: otherwise Marko returns the previous result without compiling.
    return () => markoCompiler.compileSync(markoSrc, path, { output: 'html', modules: 'esm', optimize: true, cache: new Map() }).code;
  },
};
