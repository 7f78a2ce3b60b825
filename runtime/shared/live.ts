// The `live` tag of colocated templates. The compiler (Vite plugin, CLI or `compileColocated`)
// replaces every `live\`…\`` before the code runs; reaching this function means the file was
// not compiled, and the error says how to fix that.
import type { Rendered } from "./rendered.ts";

export function live(strings: TemplateStringsArray, ..._values: never[]): Rendered {
  const preview = strings.join("${…}").trim().slice(0, 60);
  throw new Error(
    `an uncompiled live template ran: live\`${preview}${preview.length >= 60 ? "…" : ""}\`. ` +
      "Templates inside .ts files must be compiled first: add the livehtml Vite plugin (livehtml/vite), " +
      "run `livehtml compile`, or call compileColocated() from livehtml/compiler.",
  );
}
