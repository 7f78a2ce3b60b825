// Classifies the code of an EEx tag (`<%= … %>` / `<% … %>`) into output, block words and
// statements. Only the block words of LANGUAGE.md §3 exist: `if … do`, `for … do`,
// `else`, `else if … do` and `end`.
import type { ParseContext } from "./context.ts";
import type { GeneratorSplit } from "./expression/scan.ts";
import { trimSpan } from "./expression/scan.ts";

export type EexKind = "output" | "if" | "for" | "else" | "else-if" | "end" | "statement" | "unsupported";

export interface EexToken {
  kind: EexKind;
  /** The whole tag `<% … %>`. */
  start: number;
  end: number;
  /** The code between `<%=`/`<%` and `%>`, untrimmed. */
  codeStart: number;
  codeEnd: number;
  /** Written `<%=`. */
  output: boolean;
  /** Condition of `if`/`else if`. */
  condition: [number, number] | null;
  /** Generator of `for`; null when `for` has no `of`/`<-` (reported already). */
  generator: GeneratorSplit | null;
  /** The leading word of an unsupported block (`case`, `while`, …). */
  word: string;
  /** Where the line holding only this block tag starts, when trim mode removes it; else -1. */
  trimFrom: number;
}

const ELSE_IF = /^else\s+if(?=[\s(])\s*([\s\S]*?)\s+do$/d;
const IF = /^if(?=[\s(])\s*([\s\S]*?)\s+do$/d;
const FOR = /^for(?=[\s(])\s*([\s\S]*?)\s+do$/d;
const OTHER_BLOCK = /^([A-Za-z_$][\w$]*)(?=[\s(])[\s\S]*\sdo$/;

export function classifyEex(
  ctx: ParseContext,
  start: number,
  end: number,
  codeStart: number,
  codeEnd: number,
  output: boolean,
): EexToken {
  const token: EexToken = {
    kind: output ? "output" : "statement",
    start, end, codeStart, codeEnd, output,
    condition: null, generator: null, word: "", trimFrom: -1,
  };
  const [ts, te] = trimSpan(ctx.source, codeStart, codeEnd);
  const text = ctx.source.slice(ts, te);
  if (text === "end") token.kind = "end";
  else if (text === "else") token.kind = "else";
  else {
    let m: RegExpExecArray | null;
    if ((m = ELSE_IF.exec(text))) {
      token.kind = "else-if";
      token.condition = groupSpan(m, ts);
    } else if ((m = IF.exec(text))) {
      token.kind = "if";
      token.condition = groupSpan(m, ts);
    } else if ((m = FOR.exec(text))) {
      token.kind = "for";
      const [gs, ge] = groupSpan(m, ts);
      token.generator = ctx.scanner.splitGenerator(gs, ge);
      if (!token.generator) ctx.report("LH0217", {}, start, end);
    } else if ((m = OTHER_BLOCK.exec(text))) {
      token.kind = "unsupported";
      token.word = m[1]!;
      ctx.report("LH0214", { word: token.word }, start, end);
    }
  }
  return token;
}

function groupSpan(m: RegExpExecArray, base: number): [number, number] {
  const range = m.indices?.[1];
  return range ? [base + range[0], base + range[1]] : [base, base];
}
