// The built-in components, called from templates without an import: the HTML each renders
// (the attributes Phoenix's components render for the same calls), and what their diffs send.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadTemplate } from "../helpers/load-template.ts";
import { renderTemplate } from "../../runtime/test/render-template.ts";
import { toForm } from "../../runtime/shared/form.ts";
import { withCsrfToken } from "../../runtime/shared/csrf-token.ts";
import type { CompiledTemplate } from "../../runtime/shared/template.ts";

const json = (value: unknown) => JSON.parse(JSON.stringify(value));
/** The first-paint renderer and the tree renderer must agree; returns the HTML. */
function both(page: unknown, assigns: Record<string, unknown>): string {
  const html = (page as CompiledTemplate<Record<string, unknown>>).html(assigns);
  assert.is(renderTemplate(page as CompiledTemplate<Record<string, unknown>>, assigns).html(), html, "tree and first paint agree");
  return html;
}

const links = suite("<.link>");

links("navigate, patch and href render as Phoenix's link does", async () => {
  const page = await loadTemplate(`<.link navigate="/a" class="x">A</.link>|<.link patch={@p} replace>B</.link>|<.link href="https://e.org" target="_blank">C</.link>|<.link href="/d" method="delete" csrfToken="tok">D</.link>|<.link phx-click="go">E</.link>`);
  assert.is(
    both(page, { p: "/b?x=1" }),
    `<a href="/a" data-phx-link="redirect" data-phx-link-state="push" class="x">A</a>|` +
      `<a href="/b?x=1" data-phx-link="patch" data-phx-link-state="replace">B</a>|` +
      `<a href="https://e.org" target="_blank">C</a>|` +
      `<a href="/d" data-method="delete" data-csrf="tok" data-to="/d">D</a>|` +
      `<a href="#" phx-click="go">E</a>`,
  );
});

links("script URLs are refused, live navigation stays in the application", async () => {
  const page = await loadTemplate(`<.link navigate={@to}>x</.link><.link href={@href}>y</.link>`);
  assert.throws(() => both(page, { to: "javascript:alert(1)", href: "/" }), /<\.link navigate>: unsupported scheme "javascript"/);
  assert.throws(() => both(page, { to: "/", href: " JavaScript:alert(1)" }), /<\.link href>: unsupported scheme "javascript"/);
  assert.throws(() => both(page, { to: "mailto:a@b", href: "/" }), /unsupported scheme "mailto"/);
  assert.match(both(page, { to: "/", href: "mailto:a@b" }), /href="mailto:a@b"/);
});

const others = suite("<.liveTitle>, <.focusWrap>, <.dynamicTag>, <.intersperse>");

others("liveTitle carries prefix and suffix for the client, and falls back to the default", async () => {
  const page = await loadTemplate(`<.liveTitle prefix="App · " default="Welcome">{@title}</.liveTitle>`);
  assert.is(both(page, { title: "Inbox" }), `<title data-prefix="App · " data-default="Welcome">App · Inbox</title>`);
  assert.is(both(page, { title: "" }), `<title data-prefix="App · " data-default="Welcome">App · Welcome</title>`);
  const t = renderTemplate(page, { title: "Inbox" });
  t.assign({ title: "Sent" });
  assert.is(t.html(), `<title data-prefix="App · " data-default="Welcome">App · Sent</title>`);
});

others("focusWrap wraps its content between the two focus sentinels", async () => {
  const page = await loadTemplate(`<.focusWrap id="modal" class="box"><button>OK</button></.focusWrap>`);
  assert.is(
    both(page, {}).replace(/\n\s*/g, ""),
    `<div id="modal" phx-hook="Phoenix.FocusWrap" class="box"><div id="modal-start" tabindex="0" aria-hidden="true"></div><button>OK</button><div id="modal-end" tabindex="0" aria-hidden="true"></div></div>`,
  );
});

others("dynamicTag renders the named tag with its attributes; a bodiless one closes itself; bad names are refused", async () => {
  const page = await loadTemplate(`<.dynamicTag tagName={@tag} class="t" data-x={@x}>hi {@x}</.dynamicTag><.dynamicTag tagName="input" name="q" />`);
  assert.is(both(page, { tag: "h2", x: "1" }), `<h2 class="t" data-x="1">hi 1</h2><input name="q"/>`);
  const t = renderTemplate(page, { tag: "h2", x: "1" });
  t.assign({ tag: "h3" });
  assert.is(t.html(), `<h3 class="t" data-x="1">hi 1</h3><input name="q"/>`);
  assert.throws(() => both(page, { tag: "script><img", x: "" }), /tagName must be letters, digits and dashes/);
});

others("intersperse puts the separator between items only", async () => {
  const page = await loadTemplate(`<.intersperse enum={@crumbs} :let={c}><:separator> / </:separator><b>{c}</b></.intersperse>`);
  assert.is(both(page, { crumbs: ["home", "docs", "forms"] }), `<b>home</b> / <b>docs</b> / <b>forms</b>`);
  assert.is(both(page, { crumbs: ["one"] }), `<b>one</b>`);
  assert.is(both(page, { crumbs: [] }), ``);
});

const forms = suite("<.form>, <.input>, <.inputsFor>");

const squash = (html: string) => html.replace(/>\s*\n\s*/g, ">").replace(/\s*\n\s*</g, "<");

forms("form gives its slot the form; phx-* attributes pass through; no hidden inputs without an action", async () => {
  const page = await loadTemplate(`<.form for={@form} id="f" phx-change="validate" phx-submit="save" :let={f}><.input field={f.fields.email} type="email" label="Email" /></.form>`);
  const form = toForm({ email: "a@b.c" }, { as: "user" });
  assert.is(
    squash(both(page, { form })),
    `<form id="f" phx-change="validate" phx-submit="save"><div class="field"><label for="user_email">Email</label><input type="email" id="user_email" name="user[email]" value="a@b.c"></div></form>`,
  );
});

forms("with an action: the method, a hidden _method for other verbs, the CSRF token, phx-trigger-action", async () => {
  const page = await loadTemplate(`<.form for={@form} action="/session" method={@method} csrfToken="tok" phx-trigger-action={@go}>x</.form>`);
  const form = toForm({});
  assert.is(squash(both(page, { form, method: undefined, go: false })), `<form action="/session" method="post"><input name="_csrf_token" type="hidden" hidden value="tok">x</form>`);
  assert.is(
    squash(both(page, { form, method: "put", go: true })),
    `<form action="/session" method="post" phx-trigger-action><input name="_method" type="hidden" hidden value="put"><input name="_csrf_token" type="hidden" hidden value="tok">x</form>`,
  );
  assert.is(squash(both(page, { form, method: "get", go: false })), `<form action="/session" method="get">x</form>`);
  const noToken = await loadTemplate(`<.form for={@form} action="/session">x</.form>`);
  assert.throws(() => both(noToken, { form }), /<\.form action="\/session">: outside a live view there is no page CSRF token; pass csrfToken=\{token\}/);
  assert.match(withCsrfToken("page-token", () => both(noToken, { form })), /<input name="_csrf_token" type="hidden" hidden value="page-token">/, "the page's token by default");
  const link = await loadTemplate(`<.link href="/out" method="delete">out</.link>`);
  assert.match(withCsrfToken("page-token", () => both(link, {})), /data-csrf="page-token"/);
  assert.throws(() => both(link, {}), /<\.link method="delete">: outside a live view there is no page CSRF token/);
});

forms("input: errors only once the field is used, with aria attributes", async () => {
  const page = await loadTemplate(`<.input field={@form.fields.name} label="Name" />`);
  const unused = toForm({ name: "", _unused_name: "" }, { as: "u", errors: { name: "can't be blank" } });
  assert.is(squash(both(page, { form: unused })), `<div class="field"><label for="u_name">Name</label><input type="text" id="u_name" name="u[name]" value=""></div>`);
  const used = toForm({ name: "" }, { as: "u", errors: { name: ["can't be blank", "too short"] } });
  assert.is(
    squash(both(page, { form: used })),
    `<div class="field"><label for="u_name">Name</label><input type="text" id="u_name" name="u[name]" value="" aria-invalid="true" aria-describedby="u_name-error"><p class="error" id="u_name-error"><span>can&#39;t be blank</span><span>too short</span></p></div>`,
  );
});

forms("input types: checkbox with its hidden false, select with options, textarea, hidden, number", async () => {
  const page = await loadTemplate(`<.input field={@f.fields.done} type="checkbox" label="Done" /><.input field={@f.fields.role} type="select" prompt="Pick" options={[["Admin", "admin"], "user", { label: "Off", value: "off", disabled: true }]} /><.input field={@f.fields.bio} type="textarea" rows="3" /><.input field={@f.fields.token} type="hidden" /><.input field={@f.fields.age} type="number" min="0" />`);
  const f = toForm({ done: "true", role: "user", bio: "Hi\n<b>", token: "t1", age: "3" }, { as: "p" });
  const html = both(page, { f });
  assert.ok(html.includes(`rows="3">\nHi\n&lt;b&gt;</textarea>`), "a newline first, which the browser drops");
  assert.is(
    squash(html).replace(`rows="3">Hi`, `rows="3">\nHi`),
    `<div class="field"><label><input type="hidden" name="p[done]" value="false"><input type="checkbox" id="p_done" name="p[done]" value="true" checked> Done</label></div>` +
      `<div class="field"><select id="p_role" name="p[role]"><option value="">Pick</option><option value="admin">Admin</option><option value="user" selected>user</option><option value="off" disabled>Off</option></select></div>` +
      `<div class="field"><textarea id="p_bio" name="p[bio]" rows="3">\nHi\n&lt;b&gt;</textarea></div>` +
      `<input type="hidden" id="p_token" name="p[token]" value="t1">` +
      `<div class="field"><input type="number" id="p_age" name="p[age]" value="3" min="0"></div>`,
  );
  const unchecked = toForm({ done: "false" }, { as: "p" });
  assert.not.match(both(page, { f: unchecked }), /checked/);
});

forms("a changed field resends that input only", async () => {
  // Read from `@form` (not from the slot's `:let`, whose body renders whenever the form changes).
  const page = await loadTemplate(`<.form for={@form}><.input field={@form.fields.a} /><.input field={@form.fields.b} /></.form>`);
  const t = renderTemplate(page, { form: toForm({ a: "1", b: "2" }, { as: "x" }) });
  const diff = json(t.assign({ form: toForm({ a: "1", b: "3" }, { as: "x" }) }));
  assert.match(JSON.stringify(diff), /value=\\"3\\"/);
  assert.not.match(JSON.stringify(diff), /x\[a\]/, "the unchanged input a is not resent");
});

forms("inputsFor renders each nested form with its hidden persistent id", async () => {
  const page = await loadTemplate(`<.inputsFor field={@form.fields.emails} :let={e}><.input field={e.fields.address} /></.inputsFor>`);
  const form = toForm({}, { as: "user", data: { emails: [{ address: "a@x" }, { address: "b@x" }] } });
  assert.is(
    squash(both(page, { form })),
    `<input type="hidden" name="user[emails][0][_persistent_id]" value="0"><div class="field"><input type="text" id="user_emails_0_address" name="user[emails][0][address]" value="a@x"></div>` +
      `<input type="hidden" name="user[emails][1][_persistent_id]" value="1"><div class="field"><input type="text" id="user_emails_1_address" name="user[emails][1][address]" value="b@x"></div>`,
  );
});

const asyncResults = suite("<.asyncResult>");

asyncResults("shows the loading slot, then the result through the default slot, then the failed slot with its reason", async () => {
  const page = await loadTemplate(`<.asyncResult assign={@org}><:loading>Loading…</:loading><:failed :let={reason}>failed: {String(reason)}</:failed></.asyncResult>`);
  assert.is(both(page, { org: { ok: false, loading: true, failed: null, result: undefined } }), "Loading…");
  assert.is(both(page, { org: { ok: false, loading: false, failed: "timeout", result: undefined } }), "failed: timeout");
  const ok = await loadTemplate(`<.asyncResult assign={@org} :let={org}><:loading>Loading…</:loading>{org.name}</.asyncResult>`);
  assert.is(both(ok, { org: { ok: true, loading: false, failed: null, result: { name: "Acme" } } }), "Acme");
  assert.is(both(ok, { org: { ok: true, loading: true, failed: null, result: { name: "Acme" } } }), "Acme", "a reload keeps the last result shown");
  assert.is(both(ok, { org: { ok: false, loading: false, failed: "x", result: undefined } }), "", "no failed slot: nothing");
  const t = renderTemplate(ok, { org: { ok: false, loading: true, failed: null, result: undefined } } as Record<string, unknown>);
  t.assign({ org: { ok: true, loading: false, failed: null, result: { name: "Acme" } } });
  assert.is(t.html(), "Acme", "the diff from loading to ok merges into the result");
});

asyncResults("<.portal> renders a template the clients move into its target, with the wrapper element they move", async () => {
  const page = await loadTemplate(`<.portal id="confirm" target="body" class="modal"><p>Sure? {@n}</p></.portal><.portal id="tip" target="#tips" container="span">x</.portal>`);
  assert.is(
    both(page, { n: 1 }),
    `<template id="confirm" data-phx-portal="body"><div id="confirm-content" class="modal"><p>Sure? 1</p></div></template>` +
      `<template id="tip" data-phx-portal="#tips"><span id="tip-content">x</span></template>`,
  );
  const t = renderTemplate(page, { n: 1 });
  t.assign({ n: 2 });
  assert.match(t.html(), /<p>Sure\? 2<\/p>/);
});

links.run();
asyncResults.run();
others.run();
forms.run();
