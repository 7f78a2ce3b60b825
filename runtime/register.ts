// `node --import tsx --import livehtml/register app.ts`: compiles `.live.html` imports and the
// `live` templates of `.ts` files on the fly, for servers run without a bundler (the Vite
// plugin does the same inside Vite). Registered after tsx, so TypeScript is already plain
// JavaScript when the hooks see it.
import { register } from "node:module";

register("./loader-hooks.ts", import.meta.url);
// Compiled templates carry source maps: with them on, an error thrown inside a template names
// the .live.html line and column in its stack (and in the server's crash log).
process.setSourceMapsEnabled(true);
