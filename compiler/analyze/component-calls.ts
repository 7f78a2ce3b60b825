// Compile-time checks of calls to components whose attributes the compiler knows (the
// built-in components): an attribute the component neither declares nor accepts as a rest
// attribute, and a missing required attribute, are errors at the call, in every tool that
// compiles the template (the Vite plugin, the loader, the CLI), not only in `livehtml check`.

import type * as AST from "../parse/ast.ts";
import type { Args } from "../diagnostics/catalogue.ts";
import { isBlankText } from "../utils/html.ts";
import { GLOBAL_ATTRIBUTES, GLOBAL_PREFIXES } from "../../runtime/shared/declared.ts";

/** A component's attributes as the checks need them. */
export interface KnownComponent {
  names: readonly string[];
  required: readonly string[];
  /** The rest property and the extra names it accepts besides the global attributes (`"*"`: any). */
  rest: { name: string; extra: readonly string[] } | null;
}

export type CallReport = (code: "LH0510" | "LH0511", args: Args, start: number, end: number) => void;

export function checkComponentCall(node: AST.Component, known: KnownComponent, report: CallReport): void {
  const given = new Set<string>();
  let spread = false;
  const accepts = (name: string) =>
    known.names.includes(name) && name !== known.rest?.name ||
    (known.rest !== null && (GLOBAL_ATTRIBUTES.includes(name) || GLOBAL_PREFIXES.some((p) => name.startsWith(p)) || known.rest.extra.includes(name) || known.rest.extra.includes("*")));
  const expected = () => {
    const own = known.names.filter((n) => n !== known.rest?.name && n !== "inner_block");
    return own.join(", ") + (known.rest ? `, or a rest attribute (global attributes, phx-*, data-*, aria-*${known.rest.extra.length ? ", " + known.rest.extra.join(", ") : ""})` : "");
  };
  for (const attribute of node.attributes) {
    if (attribute.type === "SpreadAttribute") {
      spread = true;
      continue;
    }
    given.add(attribute.name);
    if (!accepts(attribute.name)) {
      report("LH0510", { name: attribute.name, component: node.name, expected: expected() }, attribute.nameSpan.start, attribute.nameSpan.end);
    }
  }
  let hasBody = false;
  for (const child of node.children) {
    if (child.type === "Slot") {
      given.add(child.slotName);
      if (!known.names.includes(child.slotName)) {
        report("LH0510", { name: `<:${child.slotName}>`, component: node.name, expected: expected() }, child.nameSpan.start, child.nameSpan.end);
      }
    } else if (!(child.type === "Text" && isBlankText(child.data))) {
      hasBody = true;
    }
  }
  if (hasBody) given.add("inner_block");
  if (spread) return; // a spread may carry any attribute
  for (const name of known.required) {
    if (!given.has(name)) report("LH0511", { name, component: node.name }, node.nameSpan.start, node.nameSpan.end);
  }
}
