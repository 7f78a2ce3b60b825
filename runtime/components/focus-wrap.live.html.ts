// Compiled by livehtml from focus-wrap.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, declared as $declared, dyn as $dyn, node as $node, slotHtml as $slotHtml, spreadAttrs as $spread, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.focusWrap>: keeps keyboard focus inside a container (a modal, a menu) as the user tabs
// through it; the official client's `Phoenix.FocusWrap` hook moves focus at the two sentinels.
import type { Rest, SlotEntry } from "livehtml/runtime";
export interface Assigns {
  id: string;
  rest: Rest;
  inner_block: readonly SlotEntry[];
}

const $S0 = ["<div"," phx-hook=\"Phoenix.FocusWrap\"",">\n  <div"," tabindex=\"0\" aria-hidden=\"true\"></div>\n  ","\n  <div"," tabindex=\"0\" aria-hidden=\"true\"></div>\n</div>"];
function $h0(assigns: Assigns): string {
let $o = "<div";
$o += $attrAt(" id=\"", assigns.id);
$o += " phx-hook=\"Phoenix.FocusWrap\"";
$o += $spread(assigns.rest, "div");
$o += ">\n  <div";
$o += $attrAt(" id=\"", assigns.id + "-start");
$o += " tabindex=\"0\" aria-hidden=\"true\"></div>\n  ";
$o += $slotHtml(assigns.inner_block);
$o += "\n  <div";
$o += $attrAt(" id=\"", assigns.id + "-end");
$o += " tabindex=\"0\" aria-hidden=\"true\"></div>\n</div>";
return $o;
}

type $Props = Omit<Assigns, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"focus-wrap","names":["id","rest","inner_block"],"required":["id","inner_block"],"rest":"rest", "defaults": null };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S0, 6518363150969070, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined) ? $attr("id", assigns.id) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "div") : null,
($t || $c.id !== undefined) ? $attr("id", assigns.id + "-start") : null,
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
($t || $c.id !== undefined) ? $attr("id", assigns.id + "-end") : null,
];
}, () => $h0(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h0($declared<Assigns>($DECLARED, $attributes));
export default render;
