// Compiled by livehtml from portal.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, component as $component, componentHtml as $componentHtml, declared as $declared, dyn as $dyn, flags as $flags, node as $node, props as $props, propsHtml as $propsHtml, slotBody as $slotBody, slotHtml as $slotHtml, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
import { dynamicTag as $builtin_dynamicTag } from "livehtml/components";
// <.portal id="confirm" target="body">: content rendered into another element of the page (a
// modal escaping its container's overflow and stacking). The page gets a <template> whose first
// element, the wrapper, the client moves into `target` (a CSS selector of one element) and keeps
// patching there; the official client does the same for `data-phx-portal`.
import type { SlotEntry } from "livehtml/runtime";
export interface Assigns {
  id: string;
  target: string;
  class?: string;
  container: string;
  inner_block: readonly SlotEntry[];
}
export const defaults = { container: "div" };

const $S0 = ["",""];
const $S1 = ["<template","",">","</template>"];
function $h0(assigns: Assigns): string {
let $o = "";
$o += $slotHtml(assigns.inner_block);
return $o;
}
function $h1(assigns: Assigns): string {
let $o = "<template";
$o += $attrAt(" id=\"", assigns.id);
$o += $attrAt(" data-phx-portal=\"", assigns.target);
$o += ">";
$o += $componentHtml("dynamicTag", $builtin_dynamicTag, $propsHtml({ tagName: (assigns.container), id: (assigns.id + "-content"), class: (assigns.class), inner_block: [{ __slot__: "inner_block", inner_block: () => $slotBody($h0(assigns)) }, ], }));
$o += "</template>";
return $o;
}

type $Props = Omit<Assigns, "container"> & Partial<Pick<Assigns, "container">>;
const $DECLARED = {"component":"portal","names":["id","target","class","container","inner_block"],"required":["id","target","inner_block"],"rest":null, "defaults": defaults };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S1, 8219243181899254, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined) ? $attr("id", assigns.id) : null,
($t || $c.target !== undefined) ? $attr("data-phx-portal", assigns.target) : null,
($t || $c.container !== undefined || $c.id !== undefined || $c.class !== undefined || $c.inner_block !== undefined) ? $component("dynamicTag", $builtin_dynamicTag($props({ tagName: (assigns.container), id: (assigns.id + "-content"), class: (assigns.class), inner_block: [{ __slot__: "inner_block", inner_block: () => $node($S0, 2080654871965751, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
];
}, () => $h0(assigns)) }, ], }, $t ? null : $flags("tagName", ($c.container !== undefined), "id", ($c.id !== undefined), "class", ($c.class !== undefined), "inner_block", ($c.inner_block !== undefined))))) : null,
];
}, () => $h1(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h1($declared<Assigns>($DECLARED, $attributes));
export default render;
