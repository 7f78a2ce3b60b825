// Compiled by livehtml from live-file-input.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, declared as $declared, escapedText as $escapedText, node as $node, pathChanged as $changed, spreadAttrs as $spread } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.liveFileInput upload={@uploads.avatar} />: the file input of an upload, carrying the
// `data-phx-*` attributes both browser clients read: which upload it is, and which of its
// entries are active, preflighted, done or in error. `multiple` when the upload takes more than
// one file; `accept` from the upload unless given. Put it inside a form with `phx-change`.
import type { Rest, UploadConfig } from "livehtml/runtime";
export interface Assigns {
  upload: UploadConfig;
  accept?: string;
  rest: Rest<"accept" | "capture" | "disabled" | "form" | "required">;
}

function refs(refs: readonly string[]): string {
  return [...new Set(refs)].join(",");
}

const $S0 = ["<input"," type=\"file\"",""," data-phx-hook=\"Phoenix.LiveFileUpload\"","","","","","","","",">"];
const $P0 = ["upload","ref"];
const $P1 = ["upload","name"];
const $P2 = ["upload","accept"];
const $P3 = ["upload","entries"];
const $P4 = ["upload","errors"];
const $P5 = ["upload","autoUpload"];
const $P6 = ["upload","maxEntries"];
function $h0(assigns: Assigns): string {
let $o = "<input";
const $same0 = assigns.upload.ref;
const $same0Text = $escapedText($same0);
$o += ($same0Text !== null ? " id=\"" + $same0Text + '"' : $attr("id", $same0));
$o += " type=\"file\"";
$o += $attrAt(" name=\"", assigns.upload.name);
$o += $attrAt(" accept=\"", assigns.accept ?? assigns.upload.accept ?? undefined);
$o += " data-phx-hook=\"Phoenix.LiveFileUpload\"";
$o += ($same0Text !== null ? " data-phx-upload-ref=\"" + $same0Text + '"' : $attr("data-phx-upload-ref", $same0));
$o += $attrAt(" data-phx-active-refs=\"", refs(assigns.upload.entries.map((e) => e.ref)));
$o += $attrAt(" data-phx-done-refs=\"", refs(assigns.upload.entries.filter((e) => e.done).map((e) => e.ref)));
$o += $attrAt(" data-phx-preflighted-refs=\"", refs(assigns.upload.entries.filter((e) => e.preflighted).map((e) => e.ref)));
$o += $attrAt(" data-phx-error-refs=\"", assigns.upload.errors.length > 0 ? refs(assigns.upload.errors.map(([ref]) => ref)) : undefined);
$o += $attrAt(" data-phx-auto-upload=\"", assigns.upload.autoUpload);
$o += $attrAt(" multiple=\"", assigns.upload.maxEntries > 1);
$o += $spread(assigns.rest, "input");
$o += ">";
return $o;
}

type $Props = Omit<Assigns, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"live-file-input","names":["upload","accept","rest"],"required":["upload"],"rest":"rest", "defaults": null };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S0, 7935559338278592, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $changed($c, assigns, $P0)) ? $attr("id", assigns.upload.ref) : null,
($t || $changed($c, assigns, $P1)) ? $attr("name", assigns.upload.name) : null,
($t || $c.accept !== undefined || $changed($c, assigns, $P2)) ? $attr("accept", assigns.accept ?? assigns.upload.accept ?? undefined) : null,
($t || $changed($c, assigns, $P0)) ? $attr("data-phx-upload-ref", assigns.upload.ref) : null,
($t || $changed($c, assigns, $P3)) ? $attr("data-phx-active-refs", refs(assigns.upload.entries.map((e) => e.ref))) : null,
($t || $changed($c, assigns, $P3)) ? $attr("data-phx-done-refs", refs(assigns.upload.entries.filter((e) => e.done).map((e) => e.ref))) : null,
($t || $changed($c, assigns, $P3)) ? $attr("data-phx-preflighted-refs", refs(assigns.upload.entries.filter((e) => e.preflighted).map((e) => e.ref))) : null,
($t || $changed($c, assigns, $P4)) ? $attr("data-phx-error-refs", assigns.upload.errors.length > 0 ? refs(assigns.upload.errors.map(([ref]) => ref)) : undefined) : null,
($t || $changed($c, assigns, $P5)) ? $attr("data-phx-auto-upload", assigns.upload.autoUpload) : null,
($t || $changed($c, assigns, $P6)) ? $attr("multiple", assigns.upload.maxEntries > 1) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "input") : null,
];
}, () => $h0(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h0($declared<Assigns>($DECLARED, $attributes));
export default render;
