// Forms as data, with Phoenix.HTML.Form's semantics for maps: names and ids from `as`, values
// from params over data, errors by field, the `_unused_` protocol, nested and repeated forms,
// and validation through the Standard Schema interface (a hand-written schema and Zod).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { z } from "zod";
import { deepEqual } from "../../runtime/shared/equal.ts";
import { pathChanged, assignValue } from "../../runtime/shared/changes.ts";
import { formField, inputsFor, toForm, usedInput, validate, validateAsync, type StandardSchema } from "../../runtime/shared/form.ts";

const forms = suite("toForm");

forms("as gives the names and ids Phoenix gives; values come from the params", () => {
  const form = toForm({ email: "a@b.c", age: "3" }, { as: "user" });
  const email = form.fields.email;
  assert.is(email.name, "user[email]");
  assert.is(email.id, "user_email");
  assert.is(email.value, "a@b.c");
  assert.equal(email.errors, []);
  assert.is(form.name, "user");
  assert.is(form.id, "user");
  const withId = toForm({}, { as: "user", id: "signup" });
  assert.is(formField(withId, "email").name, "user[email]");
  assert.is(formField(withId, "email").id, "signup_email");
  const bare = toForm({ q: "x" });
  assert.is(bare.fields.q.name, "q");
  assert.is(bare.fields.q.id, "q");
});

forms("a field the params never held still answers, with the data's value", () => {
  const form = toForm({} as Record<string, string>, { as: "todo", data: { title: "Draft" } });
  assert.is(form.fields.title.value, "Draft");
  assert.is(form.fields.missing.value, undefined);
  assert.is(form.fields.missing.name, "todo[missing]");
  const submitted = toForm({ title: "Typed" }, { as: "todo", data: { title: "Draft" } });
  assert.is(submitted.fields.title.value, "Typed", "params win over data");
});

forms("errors by field, as one message or several, or as issues with paths", () => {
  const form = toForm({ email: "" }, { as: "user", errors: { email: ["can't be blank", "is invalid"], name: "too short" } });
  assert.equal(form.fields.email.errors, ["can't be blank", "is invalid"]);
  assert.equal(form.fields.name.errors, ["too short"]);
  const issues = toForm({}, { errors: [{ path: ["address", "city"], message: "required" }, { path: ["email"], message: "bad" }] });
  assert.equal(issues.fields.email.errors, ["bad"]);
  assert.equal(issues.fields.address.errors, [], "a nested issue belongs to the nested field");
  assert.throws(() => toForm({}, { errors: { email: 3 as unknown as string } }), /the error of "email" must be a string/);
  assert.throws(() => toForm({}, { nme: "x" } as never), /toForm: unknown option "nme"/);
  assert.throws(() => toForm(null as never), /toForm expects an object/);
});

forms("usedInput follows the _unused_ protocol, nested maps count when any key is used", () => {
  const form = toForm({ title: "t", email: "", _unused_email: "", bday: { year: "1990", day: "", _unused_day: "" }, when: { day: "", _unused_day: "" } });
  assert.ok(usedInput(form.fields.title));
  assert.not.ok(usedInput(form.fields.email), "an _unused_ sibling");
  assert.ok(usedInput(form.fields.bday), "year was used");
  assert.not.ok(usedInput(form.fields.when), "no nested key was used");
  assert.not.ok(usedInput(form.fields.absent), "not in the params");
  assert.not.ok(usedInput(form.fields._unused_email));
  assert.not.ok(Object.keys(form.fields).includes("_unused_email"), "_unused_ keys are not fields");
});

forms("forms are immutable plain data: equal params give equal forms, and a field path changes only when that field does", () => {
  const a = toForm({ title: "x", body: "b" }, { as: "post" });
  const b = toForm({ title: "x", body: "b" }, { as: "post" });
  assert.ok(deepEqual(a, b));
  const c = toForm({ title: "y", body: "b" }, { as: "post" });
  assert.not.ok(deepEqual(a, c));
  const assigns: Record<string, unknown> = { form: a };
  const changed: Record<string, unknown> = {};
  assignValue(assigns, changed, "form", c);
  assert.ok(pathChanged(changed, assigns, ["form", "fields", "title"]));
  assert.not.ok(pathChanged(changed, assigns, ["form", "fields", "body"]), "the body input is not recomputed");
  assert.not.ok(pathChanged(changed, assigns, ["form", "fields", "never"]), "an absent field that stays absent");
  assert.throws(() => {
    (a.fields as Record<string, unknown>).title = 1;
  }, /immutable/);
});

const nested = suite("inputsFor");

nested("one nested form for an object field: names nest, the id gets the persistent id", () => {
  const form = toForm({ address: { city: "Paris" } }, { as: "user" });
  const [address, ...rest] = inputsFor(form.fields.address);
  assert.is(rest.length, 0);
  assert.is(address!.name, "user[address]");
  assert.is(address!.id, "user_address_0");
  assert.is(address!.fields.city.name, "user[address][city]");
  assert.is(address!.fields.city.id, "user_address_0_city");
  assert.is(address!.fields.city.value, "Paris");
  assert.equal(address!.hidden, [["_persistent_id", "0"]]);
  const plain = inputsFor(form.fields.address, { skipPersistentId: true })[0]!;
  assert.is(plain.fields.city.id, "user_address_city");
  assert.equal(plain.hidden, []);
});

nested("a list from data: one form per entry, numbered; errors reach the entry they name", () => {
  const form = toForm({} as Record<string, unknown>, {
    as: "user",
    data: { emails: [{ address: "a@x" }, { address: "b@x" }] },
    errors: [{ path: ["emails", 1, "address"], message: "taken" }],
  });
  const entries = inputsFor(form.fields.emails);
  assert.equal(entries.map((e) => e.fields.address.name), ["user[emails][0][address]", "user[emails][1][address]"]);
  assert.equal(entries.map((e) => e.fields.address.value), ["a@x", "b@x"]);
  assert.equal(entries.map((e) => e.index), [0, 1]);
  assert.equal(entries.map((e) => e.fields.address.errors), [[], ["taken"]]);
  assert.equal(entries.map((e) => e.id), ["user_emails_0", "user_emails_1"]);
});

nested("a submitted list arrives keyed by index: ordered by index, persistent ids kept", () => {
  const form = toForm({ emails: { "10": { address: "c", _persistent_id: "7" }, "2": { address: "b" }, "0": { address: "a" } } }, { as: "user" });
  const entries = inputsFor(form.fields.emails, { default: [] });
  assert.equal(entries.map((e) => e.fields.address.value), ["a", "b", "c"]);
  assert.equal(entries.map((e) => e.name), ["user[emails][0]", "user[emails][1]", "user[emails][2]"]);
  assert.equal(entries.map((e) => e.hidden[0]![1]), ["0", "1", "7"]);
  assert.is(entries[2]!.id, "user_emails_7");
  const prepended = inputsFor(toForm({}, { as: "user" }).fields.emails, { default: [{ address: "d" }], prepend: [{ address: "p" }], append: [{}] });
  assert.equal(prepended.map((e) => e.fields.address.value), ["p", "d", undefined]);
  assert.throws(() => inputsFor("emails" as never), /inputsFor expects a form field/);
});

// A Standard Schema written by hand: title required, at most 5 characters; age a number.
const handSchema: StandardSchema<unknown, { title: string; age: number }> = {
  "~standard": {
    version: 1,
    vendor: "hand",
    validate(value) {
      const v = value as Record<string, unknown>;
      const issues: Array<{ message: string; path: Array<PropertyKey | { key: PropertyKey }> }> = [];
      const title = typeof v.title === "string" ? v.title.trim() : "";
      if (title === "") issues.push({ message: "can't be blank", path: ["title"] });
      else if (title.length > 5) issues.push({ message: "is too long", path: [{ key: "title" }] });
      const age = Number(v.age);
      if (!Number.isInteger(age)) issues.push({ message: "must be a whole number", path: ["age"] });
      return issues.length > 0 ? { issues } : { value: { title, age } };
    },
  },
};

const schemas = suite("validation through Standard Schema");

schemas("validate maps a hand-written schema's issues to paths, or gives the value", () => {
  assert.equal(validate(handSchema, { title: "", age: "x" }), {
    ok: false,
    issues: [
      { path: ["title"], message: "can't be blank" },
      { path: ["age"], message: "must be a whole number" },
    ],
  });
  assert.equal(validate(handSchema, { title: " ok ", age: "4" }), { ok: true, value: { title: "ok", age: 4 }, issues: [] });
  assert.throws(() => validate({} as never, {}), /expected a Standard Schema/);
});

schemas("toForm attaches a schema's errors once the form has an action", () => {
  const fresh = toForm({ title: "", age: "1" }, { as: "post", schema: handSchema });
  assert.equal(fresh.fields.title.errors, [], "no action yet: a fresh form shows no error");
  const typing = toForm({ title: "toolong", age: "1", _unused_age: "" }, { as: "post", schema: handSchema, action: "validate" });
  assert.equal(typing.fields.title.errors, ["is too long"]);
  assert.is(typing.action, "validate");
});

schemas("Zod schemas work through the same interface, nested paths included", async () => {
  const Signup = z.object({
    email: z.string().email("not an email"),
    address: z.object({ city: z.string().min(1, "required") }),
    tags: z.array(z.string().min(2, "too short")),
  });
  const result = validate(Signup, { email: "nope", address: { city: "" }, tags: ["ok", "x"] });
  assert.equal(result, {
    ok: false,
    issues: [
      { path: ["email"], message: "not an email" },
      { path: ["address", "city"], message: "required" },
      { path: ["tags", 1], message: "too short" },
    ],
  });
  const form = toForm({ email: "nope", address: { city: "" } }, { as: "user", schema: Signup, action: "save" });
  assert.equal(form.fields.email.errors, ["not an email"]);
  assert.equal(inputsFor(form.fields.address)[0]!.fields.city.errors, ["required"]);
  const ok = validate(Signup, { email: "a@b.co", address: { city: "X" }, tags: [] });
  assert.ok(ok.ok && ok.value.email === "a@b.co");

  const Async = z.object({ name: z.string().refine(async (v) => v !== "taken", "is taken") });
  assert.throws(() => validate(Async, { name: "taken" }), /validates asynchronously; use `await validateAsync/);
  assert.equal(await validateAsync(Async, { name: "taken" }), { ok: false, issues: [{ path: ["name"], message: "is taken" }] });
});

forms.run();
nested.run();
schemas.run();
