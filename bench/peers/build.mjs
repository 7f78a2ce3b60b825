// Precompiles the peer templates (Svelte 5 server, Vue 3 SSR, Marko 6 html) into bench/out/,
// as each engine's build tooling would, so that timing covers rendering only.
import fs from 'node:fs';
import { compile as svelteCompile } from 'svelte/compiler';
import { compileTemplate } from '@vue/compiler-sfc';
import markoCompiler from '@marko/compiler';
import { T } from './ssr-templates.mjs';
import { C } from './cards-templates.mjs';

function svelte(out, name, source) {
  const s = svelteCompile(source, { generate: 'server', filename: `${name}.svelte` });
  fs.writeFileSync(`${out}/${name}.svelte.mjs`, s.js.code);
}

function vue(out, name, source) {
  const v = compileTemplate({ source, filename: `${name}.vue`, id: name, ssr: true, ssrCssVars: [], compilerOptions: {} });
  if (v.errors.length) throw new Error(`vue: ${name}: ${v.errors[0]}`);
  fs.writeFileSync(`${out}/${name}.vue.mjs`, v.code);
}

function marko(out, name, source) {
  const path = `${out}/${name}.marko`;
  fs.writeFileSync(path, source);
  const m = markoCompiler.compileSync(source, path, { output: 'html', modules: 'esm', optimize: true });
  // Imports of other .marko files point at their compiled modules.
  fs.writeFileSync(`${out}/${name}.marko.mjs`, m.code.replace(/(["'])\.\/([\w-]+)\.marko\1/g, '$1./$2.marko.mjs$1'));
}

export function buildPeers(out) {
  fs.mkdirSync(out, { recursive: true });
  for (const [name, t] of Object.entries(T)) {
    svelte(out, name, t.svelte);
    vue(out, name, t.vue);
    marko(out, name, t.marko);
  }
  svelte(out, 'cards-card', C.svelte.card);
  svelte(out, 'cards', C.svelte.page);
  vue(out, 'cards-card', C.vue.card);
  vue(out, 'cards', C.vue.page);
  marko(out, 'cards-card', C.marko.card);
  marko(out, 'cards', C.marko.page);
}
