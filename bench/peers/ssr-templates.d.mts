// Types of the shared first-paint templates (ssr-templates.mjs).
type Html = (strings: TemplateStringsArray, ...values: unknown[]) => unknown;
export interface EngineSources {
  svelte: string;
  vue: string;
  marko: string;
  ejs: string;
  handlebars: string;
  lit: (html: Html, data: never, unsafeHTML: (html: string) => unknown) => unknown;
}
export const T: Record<"table" | "search", EngineSources>;
export const FOOTER: string;
export function tableData(n?: number): { rows: { id: number; label: string }[]; selected: number };
export function searchData(n?: number): { items: { id: number; title: string; price: string; image: string; purchased: boolean }[] };
