// Forms as data (Phoenix.HTML.Form's semantics for maps): `toForm(params, { as: "user" })` gives
// a form whose fields carry the input `name` (`user[email]`), `id` (`user_email`), `value` and
// `errors`, so templates never spell them by hand. A form is plain, immutable data: assigning a
// new one records a change only where it differs, and a template reading `@form.fields.email`
// recomputes that input only when the email field changed.
//
// Errors come from an explicit map or list, or from validating the params with any library
// that implements the Standard Schema interface (`~standard.validate`: Zod, Valibot, ArkType…).
// As with Phoenix's changesets, a schema's errors are attached only once the form has an
// `action` (`"validate"` while typing, `"save"` on submit), so a fresh form shows none.
import { describe } from "./escape.ts";
import { isThenable } from "./thenable.ts";

/** Form parameters as the server decodes them (`user[tags][]=a` → `{ user: { tags: ["a"] } }`). */
export type FormParams = { readonly [key: string]: unknown };

/** One error: where (`["email"]`, `["address", "city"]`, `["emails", 0]`) and what. */
export interface FormIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Errors by field (`{ email: "is invalid" }` or `{ email: ["too short", "taken"] }`), or issues with paths. */
export type FormErrors = Readonly<Record<string, string | readonly string[]>> | readonly FormIssue[];

// ------------------------------------------------------------------ Standard Schema

/** The Standard Schema interface (https://standardschema.dev), the part forms use. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

export type ValidationResult<Output> = { readonly ok: true; readonly value: Output; readonly issues: readonly [] } | { readonly ok: false; readonly issues: readonly FormIssue[] };

/**
 * Validates `params` with a Standard Schema and returns the parsed value or the issues with
 * their paths. Synchronous: a schema that validates asynchronously gets a clear error (use
 * `validateAsync`).
 */
export function validate<Output>(schema: StandardSchema<unknown, Output>, params: unknown): ValidationResult<Output> {
  const result = standardOf(schema).validate(params);
  if (isThenable(result)) {
    throw new TypeError("validate: this schema validates asynchronously; use `await validateAsync(schema, params)` and pass its issues to toForm as errors");
  }
  return toValidation(result);
}

/** `validate` for schemas with asynchronous refinements. */
export async function validateAsync<Output>(schema: StandardSchema<unknown, Output>, params: unknown): Promise<ValidationResult<Output>> {
  return toValidation(await standardOf(schema).validate(params));
}

function standardOf<Output>(schema: StandardSchema<unknown, Output>): StandardSchema<unknown, Output>["~standard"] {
  const standard = (schema as Partial<StandardSchema<unknown, Output>> | null)?.["~standard"];
  if (typeof standard !== "object" || standard === null || typeof standard.validate !== "function") {
    throw new TypeError(`expected a Standard Schema (an object with "~standard".validate, such as a Zod or Valibot schema), got ${describe(schema)}`);
  }
  return standard;
}

function toValidation<Output>(result: StandardResult<Output>): ValidationResult<Output> {
  if (result.issues === undefined) return { ok: true, value: result.value, issues: [] };
  return { ok: false, issues: result.issues.map(toIssue) };
}

function toIssue(issue: StandardIssue): FormIssue {
  const path = (issue.path ?? []).map((segment) => {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    return typeof key === "number" ? key : String(key);
  });
  return { path, message: issue.message };
}

// ------------------------------------------------------------------ forms and fields

export interface FormOptions {
  /** The name prefix of every input: `as: "user"` → `user[email]`; also the id prefix by default. */
  as?: string;
  /** The id prefix of every input (default: `as`). */
  id?: string;
  /** Errors given explicitly; always shown (for used inputs). */
  errors?: FormErrors;
  /** Validates the params; its issues become the fields' errors once `action` is set. */
  schema?: StandardSchema<unknown, unknown>;
  /** What the user is doing (`"validate"`, `"save"`); without one, a schema's errors are not attached. */
  action?: string;
  /** Values for fields the params do not hold (a record being edited). */
  data?: Readonly<Record<string, unknown>>;
}

/** A form: plain immutable data. Read a field with `form.fields.email` (any name works). */
export interface Form {
  readonly name: string | null;
  readonly id: string | null;
  readonly params: FormParams;
  readonly data: Readonly<Record<string, unknown>>;
  readonly errors: readonly FormIssue[];
  readonly action: string | null;
  /** The position of a nested form in a list (`inputsFor`), else null. */
  readonly index: number | null;
  /** Hidden inputs the form carries (`_persistent_id` of nested forms), as `[field, value]`. */
  readonly hidden: readonly (readonly [string, string])[];
  readonly fields: { readonly [field: string]: FormField };
}

/** One input of a form. */
export interface FormField<Value = unknown> {
  /** The field's key (`email`). */
  readonly field: string;
  /** The input's `name` (`user[email]`). */
  readonly name: string;
  /** The input's `id` (`user_email`). */
  readonly id: string;
  /** The submitted value, else the data's value. */
  readonly value: Value;
  /** Error messages for this field (show them only when `usedInput(field)`). */
  readonly errors: readonly string[];
  /** The user interacted with the input (see `usedInput`). */
  readonly used: boolean;
  /** What `inputsFor` builds nested forms from: this field's params, data and deeper errors. */
  readonly nested: { readonly params: unknown; readonly data: unknown; readonly issues: readonly FormIssue[] };
}

/**
 * Builds a form from params (string-keyed, as decoded from the wire) or any record of values.
 */
export function toForm(source: object, options: FormOptions = {}): Form {
  if (typeof source !== "object" || source === null || Array.isArray(source)) {
    throw new TypeError(`toForm expects an object of params or values, got ${describe(source)}`);
  }
  checkOptions(options);
  const params = source as FormParams;
  const issues: FormIssue[] = [];
  if (options.errors !== undefined) issues.push(...normalizeErrors(options.errors));
  if (options.schema !== undefined && options.action !== undefined) {
    const result = validate(options.schema, params);
    if (!result.ok) issues.push(...result.issues);
  }
  const name = options.as ?? null;
  return makeForm({
    name,
    id: options.id ?? name,
    params,
    data: options.data ?? {},
    errors: issues,
    action: options.action ?? null,
    index: null,
    hidden: [],
  });
}

/**
 * Whether the user has used the input (Phoenix's `used_input?`): the client sends
 * `_unused_<name>` beside each input it has not focused or changed yet, so errors can wait.
 * A nested field counts as used when any of its inputs is.
 */
export function usedInput(field: FormField): boolean {
  return field.used;
}

/** A field of any name (`form.fields[name]` does the same). */
export function formField(form: Form, field: string): FormField {
  return fieldOf(form, field);
}

export interface InputsForOptions {
  /** The nested form(s) when the params hold none: an object (one form) or a list (one per entry). */
  default?: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[];
  /** Entries before / after the default list, when the params hold none. */
  prepend?: readonly Readonly<Record<string, unknown>>[];
  append?: readonly Readonly<Record<string, unknown>>[];
  /** Name and id of the nested form(s), instead of the field's. */
  as?: string;
  id?: string;
  /** Leave out the `_persistent_id` hidden input that keeps list entries apart while they are added and removed. */
  skipPersistentId?: boolean;
}

const PERSISTENT_ID = "_persistent_id";

/**
 * The nested forms of a field (Phoenix's `inputs_for`): one form for an object value, one per
 * entry for a list (`user[emails][0][address]`). Submitted params win over the field's data:
 * a list arrives as an object keyed by index and is ordered by key.
 */
export function inputsFor(field: FormField, options: InputsForOptions = {}): Form[] {
  if (!isFormField(field)) throw new TypeError(`inputsFor expects a form field (form.fields.name), got ${describe(field)}`);
  const { params, data, issues } = field.nested;
  // Nested forms carry no action of their own: their errors are already attached.
  const action = null;
  const name = options.as ?? field.name;
  const id = options.id === undefined ? field.id : `${options.id}_${field.field}`;
  // Phoenix decides by the default: a list means one form per entry.
  const many = Array.isArray(data) || Array.isArray(options.default);
  const issuesAt = (index: string) =>
    issues.filter((i) => String(i.path[0]) === index).map((i) => ({ path: i.path.slice(1), message: i.message }));

  let forms: FormShape[];
  if (!many) {
    const base = isRecord(data) ? data : isRecord(options.default) ? options.default : {};
    forms = [{ name, id, params: isRecord(params) ? params : {}, data: base, errors: issues, action, index: null, hidden: [] }];
  } else {
    let entries: Array<{ data: Readonly<Record<string, unknown>>; params: FormParams; key: string }>;
    if (isRecord(params)) {
      // Submitted entries arrive keyed by index ("0", "1", …); their order is the keys'.
      const keys = Object.keys(params).sort(byIndexThenText);
      entries = keys.map((key) => ({ data: {}, params: isRecord(params[key]) ? (params[key] as FormParams) : {}, key }));
    } else {
      const list = [...(options.prepend ?? []), ...((Array.isArray(data) ? data : options.default) as readonly unknown[]), ...(options.append ?? [])];
      entries = list.map((item, index) => ({ data: isRecord(item) ? item : {}, params: {}, key: String(index) }));
    }
    forms = entries.map((entry, index) => ({
      name: `${name}[${index}]`,
      id: `${id}_${index}`,
      params: entry.params,
      data: entry.data,
      errors: issuesAt(entry.key),
      action,
      index,
      hidden: [],
    }));
  }
  if (!options.skipPersistentId) {
    // Each entry keeps an id of its own across adds and removes (Phoenix's `_persistent_id`).
    const seen = new Set<string>();
    for (const form of forms) {
      const given = form.params[PERSISTENT_ID];
      if (typeof given === "string") seen.add(given);
    }
    let next = 0;
    for (const form of forms) {
      const given = form.params[PERSISTENT_ID];
      let pid: string;
      if (typeof given === "string") pid = given;
      else {
        while (seen.has(String(next))) next++;
        pid = String(next);
        seen.add(pid);
      }
      form.id = `${id}_${pid}`;
      form.params = { ...form.params, [PERSISTENT_ID]: pid };
      form.hidden = [[PERSISTENT_ID, pid], ...form.hidden];
    }
  }
  return forms.map((form) => makeForm(form));
}

// ------------------------------------------------------------------ internals

interface FormShape {
  name: string | null;
  id: string | null;
  params: FormParams;
  data: Readonly<Record<string, unknown>>;
  errors: readonly FormIssue[];
  action: string | null;
  index: number | null;
  hidden: ReadonlyArray<readonly [string, string]>;
}

/**
 * A form object whose `fields` answer any field name. The fields object lists the names the
 * params, data and errors know (what `Object.keys` and deep equality see) and computes the
 * others on demand, so that `@form.fields.email` works before the email was ever submitted.
 */
function makeForm(shape: FormShape): Form {
  const known = new Set<string>([...Object.keys(shape.data), ...Object.keys(shape.params).filter((k) => !k.startsWith("_unused_") && k !== PERSISTENT_ID)]);
  for (const issue of shape.errors) if (issue.path.length > 0) known.add(String(issue.path[0]));
  const cache = new Map<string, FormField>();
  const target: Record<string, FormField> = {};
  const form = { ...shape, errors: Object.freeze([...shape.errors]), hidden: Object.freeze([...shape.hidden]), fields: target } as Form;
  const compute = (key: string): FormField => {
    let field = cache.get(key);
    if (!field) cache.set(key, (field = buildField(form, key)));
    return field;
  };
  for (const key of known) Object.defineProperty(target, key, { enumerable: true, get: () => compute(key) });
  (form as { fields: unknown }).fields = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key !== "string" || key in Object.prototype) return Reflect.get(t, key, receiver);
      return compute(key);
    },
    has(t, key) {
      return typeof key === "string" ? !(key in Object.prototype) || Reflect.has(t, key) : Reflect.has(t, key);
    },
    set() {
      throw new TypeError("a form is immutable: build a new one with toForm");
    },
  });
  return Object.freeze(form);
}

function fieldOf(form: Form, key: string): FormField {
  return (form.fields as Record<string, FormField>)[key]!;
}

function buildField(form: Form, key: string): FormField {
  const inParams = Object.prototype.hasOwnProperty.call(form.params, key);
  const param = inParams ? form.params[key] : undefined;
  const data = form.data[key];
  const errors: string[] = [];
  const deeper: FormIssue[] = [];
  for (const issue of form.errors) {
    if (String(issue.path[0]) !== key) continue;
    if (issue.path.length === 1) errors.push(issue.message);
    else deeper.push({ path: issue.path.slice(1), message: issue.message });
  }
  return Object.freeze({
    field: key,
    name: form.name === null ? key : `${form.name}[${key}]`,
    id: form.id === null ? key : `${form.id}_${key}`,
    value: inParams ? param : data,
    errors: Object.freeze(errors),
    used: usedParam(form.params, key),
    nested: Object.freeze({ params: param, data, issues: Object.freeze(deeper) }),
  });
}

/** Phoenix's `used_param?`: present without an `_unused_` sibling, or a nested map with any used key. */
function usedParam(params: FormParams, key: string): boolean {
  if (key.startsWith("_unused_")) return false;
  if (!Object.prototype.hasOwnProperty.call(params, key)) return false;
  if (Object.prototype.hasOwnProperty.call(params, `_unused_${key}`)) return false;
  const value = params[key];
  if (isRecord(value)) return Object.keys(value).some((k) => usedParam(value, k));
  return true;
}

function normalizeErrors(errors: FormErrors): FormIssue[] {
  if (Array.isArray(errors)) {
    return (errors as readonly FormIssue[]).map((issue) => {
      if (!isRecord(issue) || !Array.isArray(issue.path) || typeof issue.message !== "string") {
        throw new TypeError(`toForm: each error issue needs a path (array) and a message (string), got ${describe(issue)}`);
      }
      return { path: [...issue.path], message: issue.message };
    });
  }
  if (!isRecord(errors)) throw new TypeError(`toForm: errors must be an object of messages by field or a list of issues, got ${describe(errors)}`);
  const out: FormIssue[] = [];
  for (const [field, messages] of Object.entries(errors as Record<string, unknown>)) {
    for (const message of typeof messages === "string" ? [messages] : Array.isArray(messages) ? messages : [messages]) {
      if (typeof message !== "string") throw new TypeError(`toForm: the error of ${JSON.stringify(field)} must be a string or a list of strings, got ${describe(message)}`);
      out.push({ path: [field], message });
    }
  }
  return out;
}

const OPTION_KEYS = ["as", "id", "errors", "schema", "action", "data"];

function checkOptions(options: FormOptions): void {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new TypeError(`toForm: unknown option ${JSON.stringify(key)}; expected one of ${OPTION_KEYS.join(", ")}`);
  }
  for (const key of ["as", "id", "action"] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== "string") throw new TypeError(`toForm: ${key} must be a string, got ${describe(value)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function byIndexThenText(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function isFormField(value: unknown): value is FormField {
  return isRecord(value) && typeof value.name === "string" && typeof value.id === "string" && isRecord(value.nested);
}
