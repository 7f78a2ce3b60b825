// `livehtml:config`: Vite settings templates need. Vite's dependency scanner takes every `*.html`
// file under the root for a page to crawl; `.live.html` templates are modules, not pages, and
// scanning them fails loudly on every dev start. Pages stay scanned as before.
import type { Plugin } from "vite";

export function configPlugin(): Plugin {
  return {
    name: "livehtml:config",
    config(user) {
      if (user.optimizeDeps?.entries !== undefined) return null; // the app chose its own entries
      return { optimizeDeps: { entries: ["**/*.html", "!**/*.live.html", "!**/node_modules/**"] } };
    },
  };
}
