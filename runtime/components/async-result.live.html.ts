// Compiled by livehtml from async-result.live.html. Edit the template, not this file.
import { changedOf as $changedOf, dyn as $dyn, node as $node, pathChanged as $changed, slotHtml as $slotHtml, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.asyncResult assign={@org}>: an AsyncResult's state (`assignAsync`, `streamAsync`). The default
// slot, given the result, once it is ok (also while it reloads or after a reload failed: the last
// result stays shown); the `loading` slot while it loads; the `failed` slot, given the reason,
// once it failed.
import type { SlotEntry } from "livehtml/runtime";
export interface Assigns {
  assign: { readonly ok: boolean; readonly loading: boolean; readonly failed: unknown; readonly result: unknown };
  loading?: readonly SlotEntry[];
  failed?: readonly SlotEntry[];
  inner_block?: readonly SlotEntry[];
}

const $S0 = ["",""];
const $S1 = ["",""];
const $S2 = ["",""];
const $S3 = ["",""];
const $P0 = ["assign","ok"];
const $P1 = ["assign","result"];
const $P2 = ["assign","loading"];
const $P3 = ["assign","failed"];
function $h0(assigns: Assigns): string {
let $o = "";
$o += $slotHtml(assigns.inner_block, assigns.assign.result);
return $o;
}
function $h1(assigns: Assigns): string {
let $o = "";
$o += $slotHtml(assigns.loading);
return $o;
}
function $h2(assigns: Assigns): string {
let $o = "";
$o += $slotHtml(assigns.failed, assigns.assign.failed);
return $o;
}
function $h3(assigns: Assigns): string {
let $o = "";
if (assigns.assign.ok) $o += $h0(assigns);
else if (assigns.assign.loading) $o += $h1(assigns);
else if (assigns.assign.failed) $o += $h2(assigns);
return $o;
}

function render(assigns: Assigns, changed?: $Changed): $Rendered {
const $c = $changedOf(assigns, changed);
return $node($S3, 1914009635310750, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.inner_block !== undefined || $c.loading !== undefined || $c.failed !== undefined || $changed($c, assigns, $P0) || $changed($c, assigns, $P1) || $changed($c, assigns, $P2) || $changed($c, assigns, $P3)) ? ((assigns.assign.ok) ? $node($S0, 6785778491460877, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.inner_block !== undefined || $changed($c, assigns, $P1)) ? $dyn(renderSlot(assigns.inner_block, assigns.assign.result)) : null,
];
}, () => $h0(assigns)) : (assigns.assign.loading) ? $node($S1, 4386851928282172, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.loading !== undefined) ? $dyn(renderSlot(assigns.loading)) : null,
];
}, () => $h1(assigns)) : (assigns.assign.failed) ? $node($S2, 6429010144294447, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.failed !== undefined || $changed($c, assigns, $P3)) ? $dyn(renderSlot(assigns.failed, assigns.assign.failed)) : null,
];
}, () => $h2(assigns)) : "") : null,
];
}, () => $h3(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = $h3;
export default render;
