// Compiled by livehtml from inputs-for.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, comprehension as $comprehension, declared as $declared, dyn as $dyn, iterate as $iterate, node as $node, pathChanged as $changed, slotHtml as $slotHtml, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.inputsFor field={@form.fields.emails} :let={f}>: the nested form(s) of a field, each given
// to the default slot, with the hidden `_persistent_id` input that keeps list entries apart.
import type { FormField, InputsForOptions, SlotEntry } from "livehtml/runtime";
import { inputsFor as nestedForms } from "livehtml/runtime";
export interface Assigns {
  field: FormField;
  as?: string;
  id?: string;
  default?: InputsForOptions["default"];
  prepend?: InputsForOptions["prepend"];
  append?: InputsForOptions["append"];
  skipHidden: boolean;
  skipPersistentId: boolean;
  inner_block: readonly SlotEntry[];
}
export const defaults = { skipHidden: false, skipPersistentId: false };

function optionsOf(as: string | undefined, id: string | undefined, list: InputsForOptions["default"], prepend: InputsForOptions["prepend"], append: InputsForOptions["append"], skipPersistentId: boolean): InputsForOptions {
  const options: InputsForOptions = { skipPersistentId };
  if (as !== undefined) options.as = as;
  if (id !== undefined) options.id = id;
  if (list !== undefined) options.default = list;
  if (prepend !== undefined) options.prepend = prepend;
  if (append !== undefined) options.append = append;
  return options;
}

const $S0 = ["<input type=\"hidden\"","",">"];
const $S1 = ["","",""];
const $S2 = ["",""];
const $P0 = ["f","hidden"];
const $P1 = ["f","name"];
function $h2(assigns: Assigns): string {
let $o = "";
{
for (const f of $iterate(nestedForms(assigns.field, optionsOf(assigns.as, assigns.id, assigns.default, assigns.prepend, assigns.append, assigns.skipPersistentId)))) {
{
for (const [key, value] of $iterate((assigns.skipHidden ? [] : f.hidden))) {
$o += "<input type=\"hidden\"";
$o += $attrAt(" name=\"", f.name + "[" + key + "]");
$o += $attrAt(" value=\"", value);
$o += ">";
} }
$o += $slotHtml(assigns.inner_block, f);
} }
return $o;
}

type $Props = Omit<Assigns, "skipHidden" | "skipPersistentId"> & Partial<Pick<Assigns, "skipHidden" | "skipPersistentId">>;
const $DECLARED = {"component":"inputs-for","names":["field","as","id","default","prepend","append","skipHidden","skipPersistentId","inner_block"],"required":["field","inner_block"],"rest":null, "defaults": defaults };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S2, 6849260928848993, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.field !== undefined || $c.as !== undefined || $c.id !== undefined || $c.default !== undefined || $c.prepend !== undefined || $c.append !== undefined || $c.skipPersistentId !== undefined || $c.skipHidden !== undefined || $c.inner_block !== undefined) ? $comprehension($S1, 6730945578098121, false, $t || $c.skipHidden !== undefined || $c.inner_block !== undefined, nestedForms(assigns.field, optionsOf(assigns.as, assigns.id, assigns.default, assigns.prepend, assigns.append, assigns.skipPersistentId)), "position", (f, $i1, $p1) => {
const $vars1 = { f };
return { key: $p1, vars: $vars1, render: ($v1: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.skipHidden !== undefined || $v1 === null || $changed($v1, $vars1, $P0) || $v1 === null || $changed($v1, $vars1, $P1)) ? $comprehension($S0, 6931277087913816, false, $t || $v1 === null || $changed($v1, $vars1, $P1), (assigns.skipHidden ? [] : f.hidden), "position", ([key, value], $i2, $p2) => {
const $vars2 = { key, value };
return { key: $p2, vars: $vars2, render: ($v2: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $v1 === null || $changed($v1, $vars1, $P1) || $v2 === null || $v2.key !== undefined) ? $attr("name", f.name + "[" + key + "]") : null,
($t || $v2 === null || $v2.value !== undefined) ? $attr("value", value) : null,
];
} };
}, ([key, value], $i2, $p2, track: boolean, $into2: $Dynamic[]) => {
const $t = !track || $c === null;
$into2[0] = ($t || $v1 === null || $changed($v1, $vars1, $P1)) ? $attr("name", f.name + "[" + key + "]") : null;
$into2[1] = ($t) ? $attr("value", value) : null;
return $into2;
}) : null,
($t || $c.inner_block !== undefined || $v1 === null || $v1.f !== undefined) ? $dyn(renderSlot(assigns.inner_block, f)) : null,
];
} };
}, (f, $i1, $p1, track: boolean, $into1: $Dynamic[]) => {
const $t = !track || $c === null;
$into1[0] = ($t || $c.skipHidden !== undefined) ? $comprehension($S0, 6931277087913816, false, $t, (assigns.skipHidden ? [] : f.hidden), "position", ([key, value], $i2, $p2) => {
const $vars2 = { key, value };
return { key: $p2, vars: $vars2, render: ($v2: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $v2 === null || $v2.key !== undefined) ? $attr("name", f.name + "[" + key + "]") : null,
($t || $v2 === null || $v2.value !== undefined) ? $attr("value", value) : null,
];
} };
}, ([key, value], $i2, $p2, track: boolean, $into2: $Dynamic[]) => {
const $t = !track || $c === null;
$into2[0] = ($t) ? $attr("name", f.name + "[" + key + "]") : null;
$into2[1] = ($t) ? $attr("value", value) : null;
return $into2;
}) : null;
$into1[1] = ($t || $c.inner_block !== undefined) ? $dyn(renderSlot(assigns.inner_block, f)) : null;
return $into1;
}) : null,
];
}, () => $h2(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h2($declared<Assigns>($DECLARED, $attributes));
export default render;
