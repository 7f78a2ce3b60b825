// livehtml/test `view.form(selector, values)`: a form submitted or changed with what it renders
// (text, hidden, checkbox, radio, select, textarea) and the test's values over it, as a browser
// builds its form data; names the form does not have are refused.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineView, type Params } from "../../runtime/server/index.ts";
import { toForm, type Form } from "../../runtime/shared/form.ts";
import { mountView } from "../../runtime/test/index.ts";
import { renderedForm } from "../../runtime/test/form-values.ts";
import { loadTemplate } from "../helpers/load-template.ts";

const tests = suite("livehtml/test: forms from their rendered values");

tests("the rendered values of every kind of control, disabled ones and buttons left out", () => {
  const html =
    `<form id="f" phx-submit="save"><input name="a" value="1"><input type="hidden" name="t" value="x&amp;y">` +
    `<input type="checkbox" name="c1" value="yes" checked><input type="checkbox" name="c2" value="no">` +
    `<input type="radio" name="r" value="1"><input type="radio" name="r" value="2" checked>` +
    `<select name="s"><option value="p">P</option><option value="q" selected>Q</option></select>` +
    `<select name="first"><option>One</option><option>Two</option></select>` +
    `<select name="m[]" multiple><option value="1" selected>1</option><option value="2">2</option><option value="3" selected>3</option></select>` +
    `<textarea name="bio">\nHello &lt;b&gt;</textarea><input name="off" value="z" disabled><button name="go" value="1">Go</button><input type="submit" name="s2" value="S"></form>` +
    `<form id="other"><input name="a" value="other"></form>`;
  const form = renderedForm(html, "#f");
  assert.equal(form.pairs, [
    ["a", "1"], ["t", "x&y"], ["c1", "yes"], ["r", "2"], ["s", "q"], ["first", "One"], ["m[]", "1"], ["m[]", "3"], ["bio", "Hello <b>"],
  ]);
  assert.ok(form.names.has("c2") && form.names.has("off"), "controls that submit nothing still count as the form's names");
  assert.throws(() => renderedForm(html, "#nope"), /no <form> matches "#nope"/);
});

interface Assigns {
  form: Form;
  saved: Params | null;
}

tests("view.form(...).submit() sends the rendered values with the given ones over them; change() names the touched field", async () => {
  const seen: Params[] = [];
  const V = defineView<Assigns>({
    mount: (_p, _s, socket) =>
      void socket.assign({ form: toForm({}, { as: "user", data: { name: "Ada", role: "admin", bio: "Hi", newsletter: "true" } }), saved: null }),
    handleEvent(event, value, socket) {
      seen.push(value);
      if (event === "save") socket.assign("saved", value);
    },
    template: await loadTemplate(
      `<.form for={@form} id="user-form" phx-submit="save" phx-change="validate">` +
        `<.input field={@form.fields.name} /><.input field={@form.fields.role} type="select" options={["admin", "user"]} />` +
        `<.input field={@form.fields.bio} type="textarea" /><.input field={@form.fields.newsletter} type="checkbox" />` +
        `<input type="hidden" name="user[token]" value="t1"></.form>`,
    ),
  });
  const view = await mountView(V);
  await view.form("#user-form", { user: { name: "Grace" } }).submit();
  assert.equal(JSON.parse(JSON.stringify(seen.at(-1))), { user: { role: "admin", bio: "Hi", newsletter: "true", token: "t1", name: "Grace" } });
  await view.form("#user-form", { user: { role: "user" } }).change("user[role]");
  const changed = JSON.parse(JSON.stringify(seen.at(-1)));
  assert.is(changed.user.role, "user");
  assert.is(changed.user.name, "Ada", "a field the test did not give keeps its rendered value");
  assert.equal(changed._target, ["user", "role"]);
  assert.throws(() => view.form("#user-form", { user: { nmae: "typo" } }), /the form "#user-form" has no control named "user\[nmae\]"/);
});

tests.run();
