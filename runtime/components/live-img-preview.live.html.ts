// Compiled by livehtml from live-img-preview.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, declared as $declared, node as $node, pathChanged as $changed, spreadAttrs as $spread } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.liveImgPreview entry={entry} />: an <img> showing a chosen file before it is uploaded. The
// browser fills `src` from the file itself (the client's `Phoenix.LiveImgPreview` hook); the
// server never sends the image, and `data-phx-update="ignore"` keeps patches off the element.
import type { Rest, UploadEntry } from "livehtml/runtime";
export interface Assigns {
  entry: UploadEntry;
  id?: string;
  rest: Rest<"alt" | "width" | "height" | "loading" | "decoding">;
}

const $S0 = ["<img","",""," data-phx-hook=\"Phoenix.LiveImgPreview\" data-phx-update=\"ignore\"",">"];
const $P0 = ["entry","ref"];
const $P1 = ["entry","uploadRef"];
function $h0(assigns: Assigns): string {
let $o = "<img";
$o += $attrAt(" id=\"", assigns.id ?? "phx-preview-" + assigns.entry.ref);
$o += $attrAt(" data-phx-upload-ref=\"", assigns.entry.uploadRef);
$o += $attrAt(" data-phx-entry-ref=\"", assigns.entry.ref);
$o += " data-phx-hook=\"Phoenix.LiveImgPreview\" data-phx-update=\"ignore\"";
$o += $spread(assigns.rest, "img");
$o += ">";
return $o;
}

type $Props = Omit<Assigns, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"live-img-preview","names":["entry","id","rest"],"required":["entry"],"rest":"rest", "defaults": null };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S0, 2063329197240862, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $changed($c, assigns, $P0)) ? $attr("id", assigns.id ?? "phx-preview-" + assigns.entry.ref) : null,
($t || $changed($c, assigns, $P1)) ? $attr("data-phx-upload-ref", assigns.entry.uploadRef) : null,
($t || $changed($c, assigns, $P0)) ? $attr("data-phx-entry-ref", assigns.entry.ref) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "img") : null,
];
}, () => $h0(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h0($declared<Assigns>($DECLARED, $attributes));
export default render;
