// Types of the component-heavy page (cards-templates.mjs).
type Html = (strings: TemplateStringsArray, ...values: unknown[]) => unknown;
export function cardsData(n?: number): { cards: { id: number; title: string; text: string; likes: number }[] };
export const C: {
  svelte: { card: string; page: string };
  vue: { card: string; page: string };
  marko: { card: string; page: string };
  ejs: { card: string; body: string; page: string };
  handlebars: { card: string; page: string };
  lit: (html: Html, data: never) => unknown;
};
