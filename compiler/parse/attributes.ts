// Sorts a start tag's attributes into ordinary attributes and special `:` directives, and applies
// the attribute rules of LANGUAGE.md §4/§6 and HEEX-REFERENCE.md §1.5: duplicates, unknown
// `:names`, directive values, `:let`/`:key` placement and the phx-update/phx-hook checks.
//
// A rule about an attribute's value is reported over the whole attribute, from its name (as
// HEEx does): the name says which rule applies, and the caret line still covers the value.
import type { Directives, ElementLikeNode, Expression, SpecialAttribute } from "./ast.ts";
import type { ParseContext } from "./context.ts";
import type { TagAttribute } from "./tokenizer.ts";
import { closest } from "../diagnostics/suggest.ts";

const SPECIAL_NAMES = [":if", ":else-if", ":else", ":for", ":key", ":let"] as const;
const PHX_UPDATE_VALUES = new Set(["ignore", "stream", "replace", "append", "prepend"]);
const NO_CURLY = "phx-no-curly-interpolation";

export interface SortedAttributes {
  attributes: TagAttribute[];
  directives: Directives;
  noCurly: boolean;
  /** A special attribute was written but rejected (reported), so rules about it stay quiet. */
  rejected: ReadonlySet<string>;
}

const NONE_REJECTED: ReadonlySet<string> = new Set();

export function sortAttributes(ctx: ParseContext, list: TagAttribute[]): SortedAttributes {
  const directives: Directives = { if: null, else: null, for: null, key: null, let: null };
  const attributes: TagAttribute[] = [];
  let noCurly = false;
  // Created only when needed: most tags have a few attributes and no rejected directive, and
  // one Map and one Set per tag are a visible share of a large template's parse.
  let rejected: Set<string> | null = null;
  const byName = list.length > 16 ? indexByName(list) : null;
  for (let i = 0; i < list.length; i++) {
    const attr = list[i]!;
    if (attr.type !== "SpreadAttribute") {
      const first = firstStartOf(list, i, byName);
      if (first !== -1) {
        const at = ctx.locator.locate(first);
        ctx.report("LH0401", { name: attr.name, line: at.line, column: at.column }, attr.nameSpan.start, attr.nameSpan.end);
        continue;
      }
      if (attr.name.charCodeAt(0) === 58 /* : */) {
        const special = toSpecial(ctx, attr);
        if (special) place(directives, special);
        else (rejected ??= new Set()).add(attr.name);
        continue;
      }
      if (attr.name === NO_CURLY) {
        noCurly = true;
        continue;
      }
    }
    attributes.push(attr);
  }
  return { attributes, directives, noCurly, rejected: rejected ?? NONE_REJECTED };
}

/**
 * Where the first attribute named like `list[index]` starts, if it comes before it; else -1.
 * Long lists get a name index (built once per tag) so that thousands of attributes stay linear.
 */
function firstStartOf(list: TagAttribute[], index: number, byName: Map<string, number> | null): number {
  const attr = list[index] as Exclude<TagAttribute, { type: "SpreadAttribute" }>;
  if (byName) {
    const start = byName.get(attr.name)!;
    return start < attr.start ? start : -1;
  }
  for (let j = 0; j < index; j++) {
    const other = list[j]!;
    if (other.type !== "SpreadAttribute" && other.name === attr.name) return other.start;
  }
  return -1;
}

function indexByName(list: TagAttribute[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const a of list) if (a.type !== "SpreadAttribute" && !byName.has(a.name)) byName.set(a.name, a.start);
  return byName;
}

function place(d: Directives, s: SpecialAttribute): void {
  switch (s.kind) {
    case "if":
    case "else-if":
      d.if = s;
      break;
    case "else":
      d.else = s;
      break;
    case "for":
      d.for = s;
      break;
    case "key":
      d.key = s;
      break;
    case "let":
      d.let = s;
      break;
  }
}

function toSpecial(ctx: ParseContext, attr: Exclude<TagAttribute, { type: "SpreadAttribute" }>): SpecialAttribute | null {
  const { name, nameSpan, start, end } = attr;
  const known = (SPECIAL_NAMES as readonly string[]).includes(name);
  if (!known) {
    ctx.report("LH0402", { name, suggestion: closest(name, SPECIAL_NAMES) ?? "" }, nameSpan.start, nameSpan.end);
    return null;
  }
  if (name === ":else") {
    if (attr.type !== "StaticAttribute" || attr.value !== null) {
      ctx.report("LH0408", {}, start, end);
      return null;
    }
    return { type: "SpecialAttribute", kind: "else", start, end, nameSpan };
  }
  if (attr.type !== "ExpressionAttribute") {
    ctx.report("LH0407", { name }, start, end);
    return null;
  }
  const expression: Expression = attr.expression;
  switch (name) {
    case ":if":
      return { type: "SpecialAttribute", kind: "if", start, end, nameSpan, expression };
    case ":else-if":
      return { type: "SpecialAttribute", kind: "else-if", start, end, nameSpan, expression };
    case ":key":
      return { type: "SpecialAttribute", kind: "key", start, end, nameSpan, expression };
    case ":let":
      return { type: "SpecialAttribute", kind: "let", start, end, nameSpan, pattern: expression };
    default: {
      const split = ctx.scanner.splitGenerator(expression.start, expression.end);
      if (!split) {
        ctx.report("LH0404", {}, start, end);
        return null;
      }
      return {
        type: "SpecialAttribute", kind: "for", start, end, nameSpan,
        pattern: ctx.expression(...split.pattern),
        index: split.index ? ctx.expression(...split.index) : null,
        iterable: ctx.expression(...split.iterable),
      };
    }
  }
}

/** Rules that depend on the kind of node the attributes sit on. */
export function validatePlacement(ctx: ParseContext, node: ElementLikeNode, rejected: ReadonlySet<string>): void {
  const d = node.directives;
  if (d.let && node.type === "Element") ctx.report("LH0406", { name: node.name }, d.let.start, d.let.end);
  if (d.let && node.type !== "Element" && node.selfClosing) {
    ctx.report("LH0414", { name: node.name }, d.let.start, d.let.end);
  }
  if (d.key && !d.for && !rejected.has(":for")) ctx.report("LH0405", {}, d.key.start, d.key.end);
  else if (d.key && node.type === "Slot") ctx.report("LH0409", { name: node.name }, d.key.start, d.key.end);
  if (d.else && d.if) ctx.report("LH0415", { other: d.if.kind === "if" ? ":if" : ":else-if" }, d.else.start, d.else.end);
  if (node.type === "Element") validatePhx(ctx, node.name, node.attributes);
}

function validatePhx(ctx: ParseContext, tag: string, attributes: TagAttribute[]): void {
  let hasId = false;
  let hasSpread = false;
  for (const a of attributes) {
    if (a.type === "SpreadAttribute") hasSpread = true;
    else if (a.name === "id") hasId = true;
  }
  for (const a of attributes) {
    if (a.type === "SpreadAttribute") continue;
    if ((a.name === "phx-update" || a.name === "phx-hook") && !hasId && !hasSpread) {
      ctx.report("LH0410", { attr: a.name, name: tag }, a.start, a.end);
    }
    if (a.name === "phx-update" && a.type === "StaticAttribute" && a.value !== null) {
      if (!PHX_UPDATE_VALUES.has(a.value)) ctx.report("LH0411", { value: a.value }, a.start, a.end);
      else if (a.value === "append" || a.value === "prepend") ctx.report("LH0412", { value: a.value }, a.start, a.end);
    }
    if (tag === "input" && a.name === "name" && a.type === "StaticAttribute" && a.value === "id") {
      ctx.report("LH0413", {}, a.start, a.end);
    }
  }
}
