// One cold compile: a fresh process loads one compiler and compiles the medium component once.
// Prints `{ firstMs }`: from process start (performance.now() is relative to it) to the end of
// the first compile. The parent also measures the whole process from spawn to exit.
import { COMPILERS } from './compilers.mjs';

const name = process.argv[2];
const load = COMPILERS[name];
if (!load) throw new Error(`cold.mjs: unknown compiler ${name}`);
const fn = await load();
fn();
console.log(JSON.stringify({ firstMs: performance.now() }));
