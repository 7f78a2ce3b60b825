// `node --import livehtml/register app.js` (or `node --import tsx --import livehtml/register
// app.ts`): compiles `.live.html` imports and the `live` templates of `.js`/`.ts` files on the
// fly, for servers run without a bundler (the Vite plugin does the same inside Vite). Registered
// after tsx, so TypeScript is already plain JavaScript when the hooks see it.
import { register } from "node:module";

// The hooks module beside this one: `.ts` when run from the sources, `.js` when built into dist/
// (a relative specifier inside a string is not rewritten by the build).
register(import.meta.url.endsWith(".ts") ? "./loader-hooks.ts" : "./loader-hooks.js", import.meta.url);
// Compiled templates carry source maps: with them on, an error thrown inside a template names
// the .live.html line and column in its stack (and in the server's crash log).
process.setSourceMapsEnabled(true);
