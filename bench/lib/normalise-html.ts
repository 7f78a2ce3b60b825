// Output equivalence across engines: each engine's HTML is parsed (parse5, the HTML standard's
// tree builder) and serialised again, so that differences a browser cannot see disappear:
// attribute quoting (`class=a` vs `class="a"`), entity spelling (`&#39;` vs `&#x27;`), hydration
// comments (`<!--[-->`, `<!--lit-part-->`), whitespace-only text between tags, and an empty
// `class=""` (Svelte drops it, the others keep it; no selector but `[class]` can tell).
import { parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

function clean(parent: ParentNode): void {
  parent.childNodes = parent.childNodes.filter((child: Node) => {
    if (child.nodeName === "#comment") return false;
    if (child.nodeName === "#text" && "value" in child && child.value.trim() === "") return false;
    return true;
  });
  for (const child of parent.childNodes) {
    if ("attrs" in child) child.attrs = child.attrs.filter((a) => !(a.name === "class" && a.value === ""));
    if ("childNodes" in child) clean(child as ParentNode);
    if (child.nodeName === "template" && "content" in child) clean(child.content);
  }
}

export function normaliseHTML(html: string): string {
  const fragment = parseFragment(html);
  clean(fragment);
  return serialize(fragment);
}

/** Throws with the first differing position when two engines' pages differ after normalising. */
export function assertEquivalent(reference: string, referenceName: string, other: string, otherName: string): void {
  const a = normaliseHTML(reference);
  const b = normaliseHTML(other);
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  throw new Error(`bench: ${otherName} renders different HTML than ${referenceName} at offset ${i}:\n  ${referenceName}: ${around(a)}\n  ${otherName}: ${around(b)}`);
}
