// Compiled by livehtml from live-title.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, dyn as $dyn, escapedText as $escapedText, htmlOf as $htmlOf, node as $node, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.liveTitle>: the page's <title>, with a prefix and suffix the client keeps when a view sets
// a new title (`socket.pageTitle`), and a default for an empty one.
import type { SlotEntry } from "livehtml/runtime";
import { htmlOf } from "livehtml/runtime";
export interface Assigns {
  prefix?: string;
  suffix?: string;
  default?: string;
  inner_block: readonly SlotEntry[];
}

/** The title's body, or the default when it renders as blank. */
function presentOr(body: unknown, fallback: string | undefined): unknown {
  return htmlOf(body).trim() === "" ? fallback : body;
}

const $S0 = ["<title","","",">","","","</title>"];
function $h0(assigns: Assigns): string {
let $o = "<title";
const $same0 = assigns.prefix;
const $same0Text = $escapedText($same0);
const $same1 = assigns.suffix;
const $same1Text = $escapedText($same1);
$o += ($same0Text !== null ? " data-prefix=\"" + $same0Text + '"' : $attr("data-prefix", $same0));
$o += $attrAt(" data-default=\"", assigns.default);
$o += ($same1Text !== null ? " data-suffix=\"" + $same1Text + '"' : $attr("data-suffix", $same1));
$o += ">";
$o += $same0Text ?? $htmlOf($same0);
$o += $htmlOf(presentOr(renderSlot(assigns.inner_block), assigns.default));
$o += $same1Text ?? $htmlOf($same1);
$o += "</title>";
return $o;
}

function render(assigns: Assigns, changed?: $Changed): $Rendered {
const $c = $changedOf(assigns, changed);
return $node($S0, 4901617659966600, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.prefix !== undefined) ? $attr("data-prefix", assigns.prefix) : null,
($t || $c.default !== undefined) ? $attr("data-default", assigns.default) : null,
($t || $c.suffix !== undefined) ? $attr("data-suffix", assigns.suffix) : null,
($t || $c.prefix !== undefined) ? $dyn(assigns.prefix) : null,
($t || $c.inner_block !== undefined || $c.default !== undefined) ? $dyn(presentOr(renderSlot(assigns.inner_block), assigns.default)) : null,
($t || $c.suffix !== undefined) ? $dyn(assigns.suffix) : null,
];
}, () => $h0(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = $h0;
export default render;
