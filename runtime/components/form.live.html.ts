// Compiled by livehtml from form.live.html. Edit the template, not this file.
import { attr as $attr, attrAt as $attrAt, changedOf as $changedOf, declared as $declared, dyn as $dyn, node as $node, slotHtml as $slotHtml, spreadAttrs as $spread, urlAttr as $urlAttr, urlAttrAt as $urlAttrAt, renderSlot } from "livehtml/runtime";
import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "livehtml/runtime";
// <.form>: a <form> for a form made by toForm (or a plain object of params), whose default slot
// receives the form (`:let={f}`). With an `action` it can also submit over plain HTTP: it
// carries the method (a hidden `_method` for put/patch/delete) and a hidden `_csrf_token`, the
// page's own unless `csrfToken` gives one (or `false`, none).
// `phx-change`, `phx-submit` and `phx-trigger-action` pass through as rest attributes.
import type { Form, FormErrors, Rest, SlotEntry } from "livehtml/runtime";
import { pageCsrfToken, toForm } from "livehtml/runtime";
export interface Assigns {
  for?: Form | Readonly<Record<string, unknown>> | null;
  as?: string;
  errors?: FormErrors;
  action?: string;
  method?: string;
  csrfToken?: string | false;
  multipart: boolean;
  rest: Rest<"autocomplete" | "name" | "rel" | "enctype" | "novalidate" | "target">;
  inner_block?: readonly SlotEntry[];
}
export const defaults = { multipart: false };

function formOf(source: Form | Readonly<Record<string, unknown>> | null | undefined, as: string | undefined, errors: FormErrors | undefined): Form {
  if (isForm(source) && as === undefined && errors === undefined) return source;
  const params = isForm(source) ? source.params : (source ?? {});
  const options: { as?: string; errors?: FormErrors } = {};
  const name = as ?? (isForm(source) ? source.name ?? undefined : undefined);
  if (name !== undefined) options.as = name;
  if (errors !== undefined) options.errors = errors;
  return toForm(params, options);
}

function isForm(value: unknown): value is Form {
  return typeof value === "object" && value !== null && "fields" in value && "params" in value;
}

/** The method attribute: GET and POST as they are, anything else POSTs with a hidden `_method`. */
function methodOf(method: string | undefined): string {
  const lower = (method ?? "post").toLowerCase();
  return lower === "get" ? "get" : "post";
}

function hiddenMethod(method: string | undefined): string | undefined {
  const lower = (method ?? "post").toLowerCase();
  return lower === "get" || lower === "post" ? undefined : lower;
}

function csrfOf(action: string | undefined, method: string | undefined, token: string | false | undefined): string | undefined {
  if (action === undefined || token === false || methodOf(method) === "get") return undefined;
  if (token !== undefined) return token;
  const page = pageCsrfToken();
  if (page === null) {
    throw new TypeError(`<.form action=${JSON.stringify(action)}>: outside a live view there is no page CSRF token; pass csrfToken={token} or csrfToken={false}`);
  }
  return page;
}

const $S0 = ["<input name=\"_method\" type=\"hidden\" hidden",">"];
const $S1 = ["<input name=\"_csrf_token\" type=\"hidden\" hidden",">"];
const $S2 = ["<form","","","",">\n  ","\n  ","\n  ","\n</form>"];
function $h0(assigns: Assigns): string {
let $o = "<input name=\"_method\" type=\"hidden\" hidden";
$o += $attrAt(" value=\"", hiddenMethod(assigns.method));
$o += ">";
return $o;
}
function $h1(assigns: Assigns): string {
let $o = "<input name=\"_csrf_token\" type=\"hidden\" hidden";
$o += $attrAt(" value=\"", csrfOf(assigns.action, assigns.method, assigns.csrfToken));
$o += ">";
return $o;
}
function $h2(assigns: Assigns): string {
let $o = "<form";
$o += $urlAttrAt(" action=\"", assigns.action, "url");
$o += $attrAt(" method=\"", assigns.action !== undefined ? methodOf(assigns.method) : undefined);
$o += $attrAt(" enctype=\"", assigns.multipart ? "multipart/form-data" : undefined);
$o += $spread(assigns.rest, "form");
$o += ">\n  ";
if (assigns.action !== undefined && hiddenMethod(assigns.method)) $o += $h0(assigns);
$o += "\n  ";
if (csrfOf(assigns.action, assigns.method, assigns.csrfToken)) $o += $h1(assigns);
$o += "\n  ";
$o += $slotHtml(assigns.inner_block, formOf(assigns.for, assigns.as, assigns.errors));
$o += "\n</form>";
return $o;
}

type $Props = Omit<Omit<Assigns, "multipart"> & Partial<Pick<Assigns, "multipart">>, "rest"> & NonNullable<Assigns["rest"]>;
const $DECLARED = {"component":"form","names":["for","as","errors","action","method","csrfToken","multipart","rest","inner_block"],"required":[],"rest":"rest", "defaults": defaults };

function render($attributes: $Props, changed?: $Changed): $Rendered {
const assigns = $declared<Assigns>($DECLARED, $attributes);
const $c = $changedOf(assigns, changed);
return $node($S2, 822099337470979, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.action !== undefined) ? $urlAttr("action", assigns.action, "url") : null,
($t || $c.action !== undefined || $c.method !== undefined) ? $attr("method", assigns.action !== undefined ? methodOf(assigns.method) : undefined) : null,
($t || $c.multipart !== undefined) ? $attr("enctype", assigns.multipart ? "multipart/form-data" : undefined) : null,
($t || $c.rest !== undefined) ? $spread(assigns.rest, "form") : null,
($t || $c.action !== undefined || $c.method !== undefined) ? ((assigns.action !== undefined && hiddenMethod(assigns.method)) ? $node($S0, 3004709332358735, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.method !== undefined) ? $attr("value", hiddenMethod(assigns.method)) : null,
];
}, () => $h0(assigns)) : "") : null,
($t || $c.action !== undefined || $c.method !== undefined || $c.csrfToken !== undefined) ? ((csrfOf(assigns.action, assigns.method, assigns.csrfToken)) ? $node($S1, 8474096383652974, true, (track: boolean) => {
const $t = !track || $c === null;
return [
($t || $c.action !== undefined || $c.method !== undefined || $c.csrfToken !== undefined) ? $attr("value", csrfOf(assigns.action, assigns.method, assigns.csrfToken)) : null,
];
}, () => $h1(assigns)) : "") : null,
($t || $c.inner_block !== undefined || $c.for !== undefined || $c.as !== undefined || $c.errors !== undefined) ? $dyn(renderSlot(assigns.inner_block, formOf(assigns.for, assigns.as, assigns.errors))) : null,
];
}, () => $h2(assigns));
}
/** The first (HTTP) render: HTML straight from the assigns. */
render.html = ($attributes: $Props): string => $h2($declared<Assigns>($DECLARED, $attributes));
export default render;
