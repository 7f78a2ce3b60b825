// Shared helpers for the parser tests: position markers and a compact AST view.
import type { Node } from "../../compiler/index.ts";

/**
 * A case source may carry `«` where the expected span starts and `»` where it ends; they are
 * removed before parsing and turned into offsets.
 */
export function unmark(marked: string): { source: string; start: number; end: number | null } {
  const start = marked.indexOf("«");
  const withoutStart = start === -1 ? marked : marked.slice(0, start) + marked.slice(start + 1);
  const end = withoutStart.indexOf("»");
  const source = end === -1 ? withoutStart : withoutStart.slice(0, end) + withoutStart.slice(end + 1);
  return { source, start, end: end === -1 ? null : end };
}

/** Line and column (1-based) of an offset, counted independently of the parser's locator. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A one-line-per-node outline used by the AST tables. */
export function outline(nodes: readonly Node[], depth = 0): string[] {
  const pad = "  ".repeat(depth);
  const out: string[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case "Text":
        out.push(`${pad}Text ${JSON.stringify(n.data)} ${n.start}-${n.end}`);
        break;
      case "ExpressionTag":
        out.push(`${pad}Expr:${n.syntax} ${n.expression.code} ${n.expression.start}-${n.expression.end}`);
        break;
      case "Comment":
        out.push(`${pad}Comment ${n.start}-${n.end}`);
        out.push(...n.parts.map((p) => `${pad}  ${p.type === "Text" ? `Text ${JSON.stringify(p.data)}` : `Expr:eex ${p.expression.code}`}`));
        break;
      case "Doctype":
        out.push(`${pad}Doctype ${JSON.stringify(n.data)} ${n.start}-${n.end}`);
        break;
      case "Element":
      case "Component":
      case "Slot": {
        const attrs = n.attributes.map((a) =>
          a.type === "SpreadAttribute" ? `{${a.expression.code}}` : a.type === "StaticAttribute" ? (a.value === null ? a.name : `${a.name}=${a.quote}${a.value}${a.quote}`) : `${a.name}={${a.expression.code}}`,
        );
        const d = n.directives;
        if (d.if) attrs.push(`:${d.if.kind}={${d.if.expression.code}}`);
        if (d.else) attrs.push(":else");
        if (d.for) attrs.push(`:for=${d.for.pattern.code}|${d.for.index?.code ?? ""}|${d.for.iterable.code}`);
        if (d.key) attrs.push(`:key={${d.key.expression.code}}`);
        if (d.let) attrs.push(`:let={${d.let.pattern.code}}`);
        out.push(`${pad}${n.type} ${n.name}${attrs.length ? " " + attrs.join(" ") : ""}${n.selfClosing ? " /" : ""} ${n.start}-${n.end}`);
        out.push(...outline(n.children, depth + 1));
        break;
      }
      case "EexBlock":
        if (n.kind === "if") {
          out.push(`${pad}If ${n.start}-${n.end}`);
          for (const c of n.clauses) {
            out.push(`${pad}  ${c.condition ? `when ${c.condition.code}` : "else"} ${c.start}-${c.end}`);
            out.push(...outline(c.children, depth + 2));
          }
        } else {
          out.push(`${pad}For ${n.pattern.code}|${n.index?.code ?? ""}|${n.iterable.code} ${n.start}-${n.end}`);
          out.push(...outline(n.children, depth + 1));
        }
        break;
    }
  }
  return out;
}
