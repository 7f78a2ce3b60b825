#!/usr/bin/env node
// The `livehtml` command. The CLI is TypeScript run as is: register tsx's loader, then start it.
// If tsx is already registered (e.g. `node --import tsx bin.mjs`), registering again is harmless.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./index.ts");
process.exitCode = await main(process.argv.slice(2));
