// The `---` fenced TypeScript block at the very top of a `.live.html` file (LANGUAGE.md §1).
import type { Frontmatter } from "./ast.ts";
import type { ParseContext } from "./context.ts";

export interface FrontmatterResult {
  node: Frontmatter | null;
  /** Where the template body starts: after the closing fence's line break. */
  bodyStart: number;
}

/** Matches a fence line: `---`, optional trailing blanks, then a line break or the end. */
function fenceEnd(src: string, at: number): number {
  if (!src.startsWith("---", at)) return -1;
  let i = at + 3;
  while (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9) i++;
  if (i === src.length) return i;
  if (src.charCodeAt(i) === 13) i++;
  return src.charCodeAt(i) === 10 ? i + 1 : -1;
}

export function readFrontmatter(ctx: ParseContext): FrontmatterResult {
  const src = ctx.source;
  const contentStart = fenceEnd(src, 0);
  if (contentStart === -1) return { node: null, bodyStart: 0 };
  let lineStart = contentStart;
  while (lineStart < src.length) {
    const end = fenceEnd(src, lineStart);
    if (end !== -1) {
      const node: Frontmatter = { type: "Frontmatter", start: 0, end, code: src.slice(contentStart, lineStart), contentStart };
      return { node, bodyStart: end };
    }
    const nl = src.indexOf("\n", lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  ctx.report("LH0303", {}, 0, 3);
  // Everything after an unclosed fence is taken as frontmatter: guessing where the
  // template starts would only produce misleading follow-up errors.
  const node: Frontmatter = { type: "Frontmatter", start: 0, end: src.length, code: src.slice(contentStart), contentStart };
  return { node, bodyStart: src.length };
}
