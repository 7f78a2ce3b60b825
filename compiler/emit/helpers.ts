// The runtime helpers generated code may call, each with the local alias it is imported as.
// The module preamble imports only the helpers a template used.

export const HELPERS = {
  node: "$node",
  staticNode: "$staticNode",
  raw: "$raw",
  comprehension: "$comprehension",
  iterate: "$iterate",
  dyn: "$dyn",
  htmlOf: "$htmlOf",
  escapedText: "$escapedText",
  slotHtml: "$slotHtml",
  slotBody: "$slotBody",
  attr: "$attr",
  attrAt: "$attrAt",
  urlAttr: "$urlAttr",
  urlAttrAt: "$urlAttrAt",
  rawOnlyAttr: "$rawOnly",
  bindingAttr: "$binding",
  classValue: "$classValue",
  styleValue: "$styleValue",
  spreadAttrs: "$spread",
  attributePiece: "$piece",
  pathChanged: "$changed",
  changedOf: "$changedOf",
  component: "$component",
  componentHtml: "$componentHtml",
  props: "$props",
  sparse: "$sparse",
  allSlots: "$allSlots",
  propsHtml: "$propsHtml",
  flags: "$flags",
  declared: "$declared",
} as const;

export type HelperName = keyof typeof HELPERS;

export class HelperRegistry {
  private used = new Set<HelperName>();

  /** The local name of a helper, recording that the module needs it. */
  use(name: HelperName): string {
    this.used.add(name);
    return HELPERS[name];
  }

  importList(): string {
    return [...this.used].sort().map((name) => `${name} as ${HELPERS[name]}`).join(", ");
  }
}
