// Declarations for the two peer packages whose published exports carry no types for an ESM
// import (liveviewjs ships a .d.ts its `exports` map does not point to; ejs ships none). Only
// what the benchmarks call is declared.
declare module "liveviewjs" {
  export type Parts = { [key: string]: unknown };
  export class HtmlSafeString {
    readonly statics: readonly string[];
    readonly dynamics: readonly unknown[];
    partsTree(includeStatics?: boolean): Parts;
    toString(): string;
  }
  export function html(statics: TemplateStringsArray, ...dynamics: unknown[]): HtmlSafeString;
  export function deepDiff(oldParts: Parts, newParts: Parts): Parts;
}

declare module "ejs" {
  const ejs: { compile(template: string, options?: Record<string, unknown>): (data: object) => string };
  export default ejs;
}
