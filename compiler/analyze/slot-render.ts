// `{renderSlot(@inner_block)}`: an interpolation that is a plain call of the implicit
// `renderSlot` helper. The HTML renderer writes such a call as `$slotHtml(…)`, which returns the
// slot's markup as a string, instead of building the slot's value and then asking `htmlOf` what
// it is (the first render of a page of components pays that once per component).

import ts from "../utils/typescript.cjs";
import type { ParsedCode } from "../parse/expression/trees.ts";

/**
 * Where the callee `renderSlot` ends, relative to the code's start, when `tree` is exactly a
 * call of it (no type arguments, no `?.`); `null` otherwise. The caller checks that the name
 * is the implicit helper (not bound by the module or the template).
 */
export function renderSlotCalleeEnd(tree: ParsedCode | undefined): number | null {
  if (!tree) return null;
  const node = tree.node;
  if (!ts.isCallExpression(node) || node.typeArguments || node.questionDotToken) return null;
  const callee = node.expression;
  if (!ts.isIdentifier(callee) || callee.text !== "renderSlot") return null;
  return callee.end - tree.base;
}
