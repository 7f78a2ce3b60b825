// Which module ids the plugin handles, in one place: the hook filters below let Vite skip the
// plugin's JavaScript entirely for every other module (no call per module), and the helpers
// answer the same question for hot updates, where Vite passes bare file paths.

/** `.live.html` templates, with or without a query (`?v=…`, `?import`). */
export const TEMPLATE_ID = /\.live\.html(?:$|\?)/;

/** Script modules that may hold `live\`…\`` templates (TypeScript or JavaScript). */
export const SCRIPT_ID = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)(?:$|\?)/;

/**
 * Never compiled as templates or scripts: dependencies (a published package ships compiled
 * templates), and one colocated hook of a file (`?livehtml-hook=`, colocated-hooks.ts).
 */
export const UNCOMPILED_ID = /[\\/]node_modules[\\/]|[?&]livehtml-hook=/;

/** The cheap text test a colocated template needs before any parsing (`live` + backtick). */
export const COLOCATED_CODE = "live`";

/** Added to resolved template ids so that no id ends in `.html` (see compile-template.ts). */
export const TEMPLATE_QUERY = "?livehtml";

export function withTemplateQuery(id: string): string {
  return id.includes("?") ? id.replace("?", `${TEMPLATE_QUERY}&`) : id + TEMPLATE_QUERY;
}

/** The id without its query (`/a/b.live.html?v=1` → `/a/b.live.html`). */
export function fileOf(id: string): string {
  const q = id.indexOf("?");
  return q === -1 ? id : id.slice(0, q);
}

export function isTemplateFile(file: string): boolean {
  return TEMPLATE_ID.test(file) && !UNCOMPILED_ID.test(file);
}

export function isScriptFile(file: string): boolean {
  return SCRIPT_ID.test(file) && !UNCOMPILED_ID.test(file);
}

/** The `lang` a script's templates compile to: TypeScript files keep their types. */
export function scriptLang(file: string): "ts" | "js" {
  return /\.(?:[cm]?ts|tsx)$/.test(fileOf(file)) ? "ts" : "js";
}
