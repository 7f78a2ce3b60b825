import { readFileSync } from "node:fs";
import { compile, compileColocated, parse, formatDiagnostic } from "livehtml/compiler";

const source = readFileSync(new URL("./thermostat.live.html", import.meta.url), "utf8");
const { code, map, diagnostics, meta } = compile(source, {
  filename: "thermostat.live.html",
  lang: "ts",          // or "js"
  sourcemap: true,
});
