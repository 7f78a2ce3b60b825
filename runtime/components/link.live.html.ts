// Compiled by livehtml from link.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, declared as $declared, dyn as $dyn, node as $node, slotHtml as $slotHtml, spreadAttrs as $spread, urlAttr as $urlAttr, urlAttrAt as $urlAttrAt, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.link>: a live navigation (`navigate`: another live view, `patch`: the same one with new
// params), or a plain link (`href`, with `method` for non-GET links through phoenix_html).
import type { Rest, SlotEntry } from "livehtml/runtime";
import { liveDestination, linkDestination, pageCsrfToken } from "livehtml/runtime";
export interface Assigns {
  navigate?: string;
  patch?: string;
  href?: string;
  replace: boolean;
  method: string;
  csrfToken: string | boolean;
  rest: Rest<"download" | "hreflang" | "referrerpolicy" | "rel" | "target" | "type">;
  inner_block: readonly SlotEntry[];
}
export const defaults = { replace: false, method: "get", csrfToken: true };

function csrfOf(method: string, token: string | boolean): string | undefined {
  if (method === "get" || token === false) return undefined;
  if (token !== true) return token;
  const page = pageCsrfToken();
  if (page === null) throw new TypeError(`<.link method="${method}">: outside a live view there is no page CSRF token; pass csrfToken={token} or csrfToken={false}`);
  return page;
}

const $S0 = ["<a"," data-phx-link=\"redirect\"","",">","</a>"];
const $S1 = ["<a"," data-phx-link=\"patch\"","",">","</a>"];
const $S2 = ["<a","","","","",">","</a>"];
const $S3 = ["<a href=\"#\"",">","</a>"];
const $S4 = ["",""];
function $h0(assigns: Assigns): string {
let $o = "<a";
$o += $urlAttrAt(" href=\"", liveDestination(assigns.navigate!, "<.link navigate>"), "url");
$o += " data-phx-link=\"redirect\"";
$o += $attrAt(" data-phx-link-state=\"", assigns.replace ? "replace" : "push");
$o += $spread(assigns.rest, "a");
$o += ">";
$o += $slotHtml(assigns.inner_block);
$o += "</a>";
return $o;
}
function $h1(assigns: Assigns): string {
let $o = "<a";
$o += $urlAttrAt(" href=\"", liveDestination(assigns.patch!, "<.link patch>"), "url");
$o += " data-phx-link=\"patch\"";
$o += $attrAt(" data-phx-link-state=\"", assigns.replace ? "replace" : "push");
$o += $spread(assigns.rest, "a");
$o += ">";
$o += $slotHtml(assigns.inner_block);
$o += "</a>";
return $o;
}
function $h2(assigns: Assigns): string {
let $o = "<a";
$o += $urlAttrAt(" href=\"", linkDestination(assigns.href!, "<.link href>"), "url");
$o += $attrAt(" data-method=\"", assigns.method !== "get" ? assigns.method : undefined);
$o += $attrAt(" data-csrf=\"", csrfOf(assigns.method, assigns.csrfToken));
$o += $attrAt(" data-to=\"", assigns.method !== "get" ? assigns.href : undefined);
$o += $spread(assigns.rest, "a");
$o += ">";
$o += $slotHtml(assigns.inner_block);
$o += "</a>";
return $o;
}
function $h3(assigns: Assigns): string {
let $o = "<a href=\"#\"";
$o += $spread(assigns.rest, "a");
$o += ">";
$o += $slotHtml(assigns.inner_block);
$o += "</a>";
return $o;
}
function $h4(assigns: Assigns): string {
let $o = "";
if (assigns.navigate !== undefined) $o += $h0(assigns);
else if (assigns.patch !== undefined) $o += $h1(assigns);
else if (assigns.href !== undefined && assigns.href !== "#") $o += $h2(assigns);
else $o += $h3(assigns);
return $o;
}

type $Props = Omit<Omit<Assigns, "replace" | "method" | "csrfToken"> & Partial<Pick<Assigns, "replace" | "method" | "csrfToken">>, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"link","names":["navigate","patch","href","replace","method","csrfToken","rest","inner_block"],"required":["inner_block"],"rest":"rest", "defaults": defaults };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S4, 95372822358803, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.navigate !== undefined || $c.replace !== undefined || $c.rest !== undefined || $c.inner_block !== undefined || $c.patch !== undefined || $c.href !== undefined || $c.method !== undefined || $c.csrfToken !== undefined) ? ((assigns.navigate !== undefined) ? $node($S0, 2339381711844911, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.navigate !== undefined) ? $urlAttr("href", liveDestination(assigns.navigate!, "<.link navigate>"), "url") : null,
($t || $c.replace !== undefined) ? $attr("data-phx-link-state", assigns.replace ? "replace" : "push") : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "a") : null,
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
];
}, () => $h0(assigns)) : (assigns.patch !== undefined) ? $node($S1, 7863827911320429, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.patch !== undefined) ? $urlAttr("href", liveDestination(assigns.patch!, "<.link patch>"), "url") : null,
($t || $c.replace !== undefined) ? $attr("data-phx-link-state", assigns.replace ? "replace" : "push") : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "a") : null,
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
];
}, () => $h1(assigns)) : (assigns.href !== undefined && assigns.href !== "#") ? $node($S2, 1906112711215032, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.href !== undefined) ? $urlAttr("href", linkDestination(assigns.href!, "<.link href>"), "url") : null,
($t || $c.method !== undefined) ? $attr("data-method", assigns.method !== "get" ? assigns.method : undefined) : null,
($t || $c.method !== undefined || $c.csrfToken !== undefined) ? $attr("data-csrf", csrfOf(assigns.method, assigns.csrfToken)) : null,
($t || $c.method !== undefined || $c.href !== undefined) ? $attr("data-to", assigns.method !== "get" ? assigns.href : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "a") : null,
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
];
}, () => $h2(assigns)) : $node($S3, 2700593837835914, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.rest !== undefined) ? $spread(assigns.rest, "a") : null,
($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block)) : null,
];
}, () => $h3(assigns))) : null,
];
}, () => $h4(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h4($declared<Assigns>($DECLARED, $attributes));
export default render;
