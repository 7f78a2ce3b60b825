// Compiled by livehtml from input.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, comprehension as $comprehension, declared as $declared, dyn as $dyn, htmlOf as $htmlOf, iterate as $iterate, node as $node, pathChanged as $changed, spreadAttrs as $spread } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.input field={@form.fields.email} label="Email" />: a labelled input named, identified and
// filled from its form field, with the field's errors once the user has used it. Types: text
// and the other <input> types, checkbox (with the hidden "false" that makes an unchecked box
// submit), select (with `options` and `prompt`), textarea and hidden.
import type { FormField, Rest } from "livehtml/runtime";
import { usedInput } from "livehtml/runtime";

/** A select option: a value (its own label), `[label, value]`, or `{ label, value, disabled }`. */
export type SelectOption = string | number | readonly [label: string, value: string | number] | { readonly label: string; readonly value: string | number; readonly disabled?: boolean };

export interface Assigns {
  field?: FormField;
  type: "checkbox" | "color" | "date" | "datetime-local" | "email" | "file" | "month" | "number" | "password" | "search" | "select" | "tel" | "text" | "textarea" | "time" | "url" | "week" | "hidden";
  id?: string;
  name?: string;
  value?: unknown;
  label?: string;
  errors?: readonly string[];
  checked?: boolean;
  prompt?: string;
  options?: readonly SelectOption[];
  multiple: boolean;
  rest: Rest<"accept" | "autocomplete" | "capture" | "cols" | "disabled" | "form" | "list" | "max" | "maxlength" | "min" | "minlength" | "pattern" | "placeholder" | "readonly" | "required" | "rows" | "size" | "step">;
}
export const defaults = { type: "text", multiple: false };

function idOf(id: string | undefined, field: FormField | undefined): string | undefined {
  return id ?? field?.id;
}

function nameOf(name: string | undefined, field: FormField | undefined, multiple: boolean): string | undefined {
  if (name !== undefined) return name;
  if (field === undefined) return undefined;
  return multiple ? field.name + "[]" : field.name;
}

function valueOf(value: unknown, field: FormField | undefined): unknown {
  return value !== undefined ? value : field?.value;
}

/** Given errors, else the field's, shown only once the user has used the input. */
function errorsOf(errors: readonly string[] | undefined, field: FormField | undefined): readonly string[] {
  if (errors !== undefined) return errors;
  return field !== undefined && usedInput(field) ? field.errors : [];
}

/** An attribute value from a submitted or stored value (lists and objects have none). */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/** A checkbox is checked when its value is `true` or the text "true" (Phoenix's normalize_value). */
function isChecked(checked: boolean | undefined, value: unknown): boolean {
  return checked ?? (value === true || value === "true");
}

/**
 * The options, the prompt first (value ""). The prompt is one more entry rather than an
 * element of its own: a lone element is a node the browser client patches apart from its
 * siblings, which can reset the select's chosen option.
 */
function optionsOf(prompt: string | undefined, options: readonly SelectOption[] | undefined): Array<{ label: string; value: string; disabled: boolean }> {
  const list = (options ?? []).map((option) => {
    if (typeof option === "string" || typeof option === "number") return { label: String(option), value: String(option), disabled: false };
    if (Array.isArray(option)) return { label: String(option[0]), value: String(option[1]), disabled: false };
    const o = option as { label: string; value: string | number; disabled?: boolean };
    return { label: o.label, value: String(o.value), disabled: o.disabled === true };
  });
  return prompt === undefined ? list : [{ label: prompt, value: "", disabled: false }, ...list];
}

function isSelected(option: string, value: unknown): boolean {
  return Array.isArray(value) ? value.some((v) => text(v) === option) : text(value) === option;
}

/** A leading newline right after <textarea> is dropped by the browser: one is always written first. */
function textareaValue(value: unknown): string {
  return "\n" + (text(value) ?? "");
}

const $S0 = ["<input type=\"hidden\"","","","",">"];
const $S1 = ["<label><input type=\"hidden\""," value=\"false\"","><input type=\"checkbox\"",""," value=\"true\"","","","","> ","</label>"];
const $S2 = ["<label",">","</label>"];
const $S3 = ["<option","","",">","</option>"];
const $S4 = ["<select","","","","","",">\n    ","\n  </select>"];
const $S5 = ["<textarea","","","","",">","</textarea>"];
const $S6 = ["<input","","","","","","",">"];
const $S7 = ["<span>","</span>"];
const $S8 = ["<p class=\"error\"",">","</p>"];
const $S9 = ["<div class=\"field\">\n  ","\n  ","\n  ","\n</div>"];
const $S10 = ["",""];
const $P0 = ["rest","disabled"];
const $P1 = ["o","value"];
const $P2 = ["o","disabled"];
const $P3 = ["o","label"];
function $h0(assigns: Assigns): string {
let $o = "<input type=\"hidden\"";
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field));
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, false));
$o += $attrAt(" value=\"", text(valueOf(assigns.value, assigns.field)));
$o += $spread(assigns.rest, "input");
$o += ">";
return $o;
}
function $h1(assigns: Assigns): string {
let $o = "<label><input type=\"hidden\"";
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, false));
$o += " value=\"false\"";
$o += $attrAt(" disabled=\"", assigns.rest.disabled);
$o += "><input type=\"checkbox\"";
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field));
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, false));
$o += " value=\"true\"";
$o += $attrAt(" checked=\"", isChecked(assigns.checked, valueOf(assigns.value, assigns.field)));
$o += $attrAt(" aria-invalid=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined);
$o += $attrAt(" aria-describedby=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined);
$o += $spread(assigns.rest, "input");
$o += "> ";
$o += $htmlOf(assigns.label);
$o += "</label>";
return $o;
}
function $h2(assigns: Assigns): string {
let $o = "<label";
$o += $attrAt(" for=\"", idOf(assigns.id, assigns.field));
$o += ">";
$o += $htmlOf(assigns.label);
$o += "</label>";
return $o;
}
function $h4(assigns: Assigns): string {
let $o = "<select";
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field));
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, assigns.multiple));
$o += $attrAt(" multiple=\"", assigns.multiple);
$o += $attrAt(" aria-invalid=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined);
$o += $attrAt(" aria-describedby=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined);
$o += $spread(assigns.rest, "select");
$o += ">\n    ";
{
for (const o of $iterate(optionsOf(assigns.prompt, assigns.options))) {
$o += "<option";
$o += $attrAt(" value=\"", o.value);
$o += $attrAt(" selected=\"", isSelected(o.value, valueOf(assigns.value, assigns.field)));
$o += $attrAt(" disabled=\"", o.disabled);
$o += ">";
$o += $htmlOf(o.label);
$o += "</option>";
} }
$o += "\n  </select>";
return $o;
}
function $h5(assigns: Assigns): string {
let $o = "<textarea";
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field));
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, false));
$o += $attrAt(" aria-invalid=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined);
$o += $attrAt(" aria-describedby=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined);
$o += $spread(assigns.rest, "textarea");
$o += ">";
$o += $htmlOf(textareaValue(valueOf(assigns.value, assigns.field)));
$o += "</textarea>";
return $o;
}
function $h6(assigns: Assigns): string {
let $o = "<input";
$o += $attrAt(" type=\"", assigns.type);
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field));
$o += $attrAt(" name=\"", nameOf(assigns.name, assigns.field, false));
$o += $attrAt(" value=\"", text(valueOf(assigns.value, assigns.field)));
$o += $attrAt(" aria-invalid=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined);
$o += $attrAt(" aria-describedby=\"", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined);
$o += $spread(assigns.rest, "input");
$o += ">";
return $o;
}
function $h8(assigns: Assigns): string {
let $o = "<p class=\"error\"";
$o += $attrAt(" id=\"", idOf(assigns.id, assigns.field) + "-error");
$o += ">";
{
for (const message of $iterate(errorsOf(assigns.errors, assigns.field))) {
$o += "<span>";
$o += $htmlOf(message);
$o += "</span>";
} }
$o += "</p>";
return $o;
}
function $h9(assigns: Assigns): string {
let $o = "<div class=\"field\">\n  ";
if (assigns.type === "checkbox") $o += $h1(assigns);
else if (assigns.label !== undefined) $o += $h2(assigns);
$o += "\n  ";
if (assigns.type === "select") $o += $h4(assigns);
else if (assigns.type === "textarea") $o += $h5(assigns);
else if (assigns.type !== "checkbox") $o += $h6(assigns);
$o += "\n  ";
if (errorsOf(assigns.errors, assigns.field).length > 0) $o += $h8(assigns);
$o += "\n</div>";
return $o;
}
function $h10(assigns: Assigns): string {
let $o = "";
if (assigns.type === "hidden") $o += $h0(assigns);
else $o += $h9(assigns);
return $o;
}

type $Props = Omit<Omit<Assigns, "type" | "multiple"> & Partial<Pick<Assigns, "type" | "multiple">>, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"input","names":["field","type","id","name","value","label","errors","checked","prompt","options","multiple","rest"],"required":[],"rest":"rest", "defaults": defaults };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S10, 4432680586747683, false, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.type !== undefined || $c.id !== undefined || $c.field !== undefined || $c.name !== undefined || $c.value !== undefined || $c.rest !== undefined || $c.checked !== undefined || $c.errors !== undefined || $c.label !== undefined || $c.multiple !== undefined || $c.prompt !== undefined || $c.options !== undefined) ? ((assigns.type === "hidden") ? $node($S0, 1115566019060686, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field)) : null,
($t || $c.name !== undefined || $c.field !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, false)) : null,
($t || $c.value !== undefined || $c.field !== undefined) ? $attr("value", text(valueOf(assigns.value, assigns.field))) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "input") : null,
];
}, () => $h0(assigns)) : $node($S9, 8193121508500654, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.type !== undefined || $c.name !== undefined || $c.field !== undefined || $c.id !== undefined || $c.checked !== undefined || $c.value !== undefined || $c.errors !== undefined || $c.rest !== undefined || $c.label !== undefined) ? ((assigns.type === "checkbox") ? $node($S1, 1107979549730818, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.name !== undefined || $c.field !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, false)) : null,
($t || $changed($c, assigns, $P0)) ? $attr("disabled", assigns.rest.disabled) : null,
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field)) : null,
($t || $c.name !== undefined || $c.field !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, false)) : null,
($t || $c.checked !== undefined || $c.value !== undefined || $c.field !== undefined) ? $attr("checked", isChecked(assigns.checked, valueOf(assigns.value, assigns.field))) : null,
($t || $c.errors !== undefined || $c.field !== undefined) ? $attr("aria-invalid", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined) : null,
($t || $c.errors !== undefined || $c.field !== undefined || $c.id !== undefined) ? $attr("aria-describedby", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "input") : null,
($t || $c.label !== undefined) ? $dyn(assigns.label) : null,
];
}, () => $h1(assigns)) : (assigns.label !== undefined) ? $node($S2, 2072955113757476, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("for", idOf(assigns.id, assigns.field)) : null,
($t || $c.label !== undefined) ? $dyn(assigns.label) : null,
];
}, () => $h2(assigns)) : "") : null,
($t || $c.type !== undefined || $c.id !== undefined || $c.field !== undefined || $c.name !== undefined || $c.multiple !== undefined || $c.errors !== undefined || $c.rest !== undefined || $c.prompt !== undefined || $c.options !== undefined || $c.value !== undefined) ? ((assigns.type === "select") ? $node($S4, 629344031004882, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field)) : null,
($t || $c.name !== undefined || $c.field !== undefined || $c.multiple !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, assigns.multiple)) : null,
($t || $c.multiple !== undefined) ? $attr("multiple", assigns.multiple) : null,
($t || $c.errors !== undefined || $c.field !== undefined) ? $attr("aria-invalid", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined) : null,
($t || $c.errors !== undefined || $c.field !== undefined || $c.id !== undefined) ? $attr("aria-describedby", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "select") : null,
($t || $c.prompt !== undefined || $c.options !== undefined || $c.value !== undefined || $c.field !== undefined) ? $comprehension($S3, 488705111086930, false, $t || $c.value !== undefined || $c.field !== undefined, optionsOf(assigns.prompt, assigns.options), "position", (o, $i1, $p1) => {
const $vars1 = { o };
return { key: $p1, vars: $vars1, render: ($v1: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $v1 === null || $changed($v1, $vars1, $P1)) ? $attr("value", o.value) : null,
($t || $c.value !== undefined || $c.field !== undefined || $v1 === null || $changed($v1, $vars1, $P1)) ? $attr("selected", isSelected(o.value, valueOf(assigns.value, assigns.field))) : null,
($t || $v1 === null || $changed($v1, $vars1, $P2)) ? $attr("disabled", o.disabled) : null,
($t || $v1 === null || $changed($v1, $vars1, $P3)) ? $dyn(o.label) : null,
];
} };
}, (o, $i1, $p1, track: boolean, $into1: $Dynamic[]) => {
const $t = !track || $c === null;
$into1[0] = ($t) ? $attr("value", o.value) : null;
$into1[1] = ($t || $c.value !== undefined || $c.field !== undefined) ? $attr("selected", isSelected(o.value, valueOf(assigns.value, assigns.field))) : null;
$into1[2] = ($t) ? $attr("disabled", o.disabled) : null;
$into1[3] = ($t) ? $dyn(o.label) : null;
return $into1;
}) : null,
];
}, () => $h4(assigns)) : (assigns.type === "textarea") ? $node($S5, 3406410405099348, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field)) : null,
($t || $c.name !== undefined || $c.field !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, false)) : null,
($t || $c.errors !== undefined || $c.field !== undefined) ? $attr("aria-invalid", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined) : null,
($t || $c.errors !== undefined || $c.field !== undefined || $c.id !== undefined) ? $attr("aria-describedby", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "textarea") : null,
($t || $c.value !== undefined || $c.field !== undefined) ? $dyn(textareaValue(valueOf(assigns.value, assigns.field))) : null,
];
}, () => $h5(assigns)) : (assigns.type !== "checkbox") ? $node($S6, 4074100736077, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.type !== undefined) ? $attr("type", assigns.type) : null,
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field)) : null,
($t || $c.name !== undefined || $c.field !== undefined) ? $attr("name", nameOf(assigns.name, assigns.field, false)) : null,
($t || $c.value !== undefined || $c.field !== undefined) ? $attr("value", text(valueOf(assigns.value, assigns.field))) : null,
($t || $c.errors !== undefined || $c.field !== undefined) ? $attr("aria-invalid", errorsOf(assigns.errors, assigns.field).length > 0 ? "true" : undefined) : null,
($t || $c.errors !== undefined || $c.field !== undefined || $c.id !== undefined) ? $attr("aria-describedby", errorsOf(assigns.errors, assigns.field).length > 0 ? idOf(assigns.id, assigns.field) + "-error" : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "input") : null,
];
}, () => $h6(assigns)) : "") : null,
($t || $c.errors !== undefined || $c.field !== undefined || $c.id !== undefined) ? ((errorsOf(assigns.errors, assigns.field).length > 0) ? $node($S8, 7486168765273002, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.id !== undefined || $c.field !== undefined) ? $attr("id", idOf(assigns.id, assigns.field) + "-error") : null,
($t || $c.errors !== undefined || $c.field !== undefined) ? $comprehension($S7, 5519191740885493, false, $t, errorsOf(assigns.errors, assigns.field), "position", (message, $i1, $p1) => {
const $vars1 = { message };
return { key: $p1, vars: $vars1, render: ($v1: Record<string, unknown> | null, track: boolean) => {
const $t = !track || $c === null;
return [
($t || $v1 === null || $v1.message !== undefined) ? $dyn(message) : null,
];
} };
}, (message, $i1, $p1, track: boolean, $into1: $Dynamic[]) => {
const $t = !track || $c === null;
$into1[0] = ($t) ? $dyn(message) : null;
return $into1;
}) : null,
];
}, () => $h8(assigns)) : "") : null,
];
}, () => $h9(assigns))) : null,
];
}, () => $h10(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h10($declared<Assigns>($DECLARED, $attributes));
export default render;
