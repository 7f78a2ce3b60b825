// `node --import tsx --import livehtml/register app.ts`: compiles `.live.html` imports and the
// `live` templates of `.ts` files on the fly, for servers run without a bundler (the Vite
// plugin does the same inside Vite). Registered after tsx, so TypeScript is already plain
// JavaScript when the hooks see it.
import { register } from "node:module";

register("./loader-hooks.ts", import.meta.url);
