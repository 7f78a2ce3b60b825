// Compiled by livehtml from intersperse.live.html. Edit the template, not this file.
import { changedOf as $changedOf, comprehension as $comprehension, dyn as $dyn, iterate as $iterate, node as $node, slotHtml as $slotHtml, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.intersperse>: renders each item of `enum` through the default slot, with the `separator`
// slot between two items (breadcrumbs, lists with commas).
import type { SlotEntry } from "livehtml/runtime";
export interface Assigns {
  enum: Iterable<unknown>;
  inner_block: readonly SlotEntry[];
  separator: readonly SlotEntry[];
}

const $S0 = ["",""];
const $S1 = ["","",""];
const $S2 = ["",""];
function $h0(assigns: Assigns, item: any, i: any): string {
// Template variables arrive untyped here; the tree renderer type-checks every expression.
let $o = "";
$o += $slotHtml(assigns.separator);
return $o;
}
function $h2(assigns: Assigns): string {
let $o = "";
{ let $n1 = 0;
for (const item of $iterate(assigns.enum)) {
const i = $n1++;
if (i > 0) $o += $h0(assigns, item, i);
$o += $slotHtml(assigns.inner_block, item);
} }
return $o;
}

function render(assigns: Assigns, changed?: $Changed): $Rendered {
const $c = $changedOf(assigns, changed);
return $node($S2, 1750771266448329, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.enum !== undefined || $c.separator !== undefined || $c.inner_block !== undefined) ? $comprehension($S1, 6021980497979715, false, $t || $c.separator !== undefined || $c.inner_block !== undefined, assigns.enum, "position", (item, i, $p1) => {
const $vars1 = { item, i };
return { key: $p1, vars: $vars1, render: ($v1: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.separator !== undefined || $v1 === null || $v1.i !== undefined) ? ((i > 0) ? $node($S0, 5360059562308078, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.separator !== undefined) ? $dyn(renderSlot(assigns.separator)) : null,
];
}, () => $h0(assigns, item, i)) : "") : null,
($t || $c.inner_block !== undefined || $v1 === null || $v1.item !== undefined) ? $dyn(renderSlot(assigns.inner_block, item)) : null,
];
} };
}, (item, i, $p1, track: boolean, $into1: $Dynamic[]) => {
const $t = !track || $c === null;
$into1[0] = ($t || $c.separator !== undefined) ? ((i > 0) ? $node($S0, 5360059562308078, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.separator !== undefined) ? $dyn(renderSlot(assigns.separator)) : null,
];
}, () => $h0(assigns, item, i)) : "") : null;
$into1[1] = ($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block, item)) : null;
return $into1;
}) : null,
];
}, () => $h2(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = $h2;
export default render;
