// Round trip of compiled templates: for random templates and random sequences of assign
// changes, merging each diff into the client state gives exactly the HTML that the direct
// string renderer produces for the latest assigns, with our merge and with the official
// phoenix_live_view client's `Rendered`. Also: a diff never re-sends statics the client has.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { compileToFile, loadTemplate, type Template } from "../helpers/load-template.ts";
import { OfficialClient } from "../runtime/helpers/official-client.ts";
import { DiffEngine } from "../../runtime/server/diff.ts";
import { assignValue } from "../../runtime/shared/changes.ts";
import { mergeDiff, type RenderedState } from "../../runtime/shared/merge.ts";
import { toHTML } from "../../runtime/shared/to-html.ts";

const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 60);

// ---------------------------------------------------------------- template generator

/** Template fragments; `depth` bounds nesting, `inLoop` allows the loop variable `x`. */
function fragment(depth: number, inLoop: boolean): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [
    fc.constantFrom("text ", "a &amp; b", "<br>", "\n", "<!-- note -->", "<i>static</i>"),
    fc.constantFrom("{@a}", "{@b}", "<%= @a + 1 %>", "{@flag ? 'yes' : 'no'}", "{@user.name}", "{@b.length}"),
    fc.constantFrom(`<span class={["c", @flag && "on"]}>s</span>`, `<input value={@b} disabled={@flag}>`, `<p title={@b}>t</p>`),
    fc.constantFrom("<p id={`p-${@a}-${@b}`}>x</p>", `<.card title={@b} />`, `<.card title="fixed"><i>{@a}</i></.card>`),
  ];
  if (inLoop) {
    leaves.push(fc.constantFrom("{x.v}", "{x.id}-{@a}", `<b class={x.v > 2 ? "big" : "small"}>{x.v}</b>`, `<.card title={x.v}>{x.id}</.card>`));
  }
  if (depth <= 0) return fc.oneof(...leaves);
  const inner = () => fc.array(fragment(depth - 1, inLoop), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(""));
  const innerLoop = () => fc.array(fragment(depth - 1, true), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(""));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...leaves) },
    { weight: 1, arbitrary: inner().map((body) => `<div>${body}</div>`) },
    { weight: 1, arbitrary: fc.tuple(inner(), inner()).map(([t, e]) => `<p :if={@flag}>${t}</p><p :else>${e}</p>`) },
    { weight: 1, arbitrary: inner().map((body) => `<section :if={@a > 2}>${body}</section>`) },
    { weight: 1, arbitrary: fc.tuple(inner(), inner()).map(([t, e]) => `<%= if @a % 2 === 0 do %>${t}<% else %>${e}<% end %>`) },
    ...(inLoop
      ? []
      : [
          { weight: 1, arbitrary: innerLoop().map((body) => `<li :for={x of @list} :key={x.id}>${body}</li>`) },
          { weight: 1, arbitrary: innerLoop().map((body) => `<li :for={x of @list}>${body}</li>`) },
          { weight: 1, arbitrary: innerLoop().map((body) => `<li :for={x of @list} :if={x.v % 2 === 1}>${body}</li>`) },
        ]),
  );
}

/** A function component with a default slot and a named one, shared by every generated template. */
const card = compileToFile(
  `<section><h3>{@title}</h3>{renderSlot(@inner_block)}<%= if @footer do %><footer>{renderSlot(@footer)}</footer><% end %></section>`,
  { lang: "js" },
);

const templateArb = fc
  .array(fragment(2, false), { minLength: 1, maxLength: 4 })
  .map((xs) => `---\nimport card from "${card}";\n---\n<main>${xs.join("")}</main>`);

const listArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.integer({ min: 0, max: 4 }).map((v) => ({ id, v })))));

const changeArb = fc.record(
  {
    a: fc.integer({ min: 0, max: 5 }),
    b: fc.constantFrom("x", "y", "<z>", "\"q\""),
    flag: fc.boolean(),
    user: fc.record({ name: fc.constantFrom("Ann", "Bob"), age: fc.integer({ min: 1, max: 3 }) }),
    list: listArb,
    // A new list built from the current items (the same objects, moved, dropped, repeated
    // picks removed) plus fresh ones: what a server does when one row changes. It exercises the
    // diff engine's shortcuts for entries whose item is the very same object.
    reuse: fc.record({ picks: fc.array(fc.nat(7), { maxLength: 7 }), fresh: listArb }),
  },
  { requiredKeys: [] },
);

type Row = { id: number; v: number };

/** Applies a generated change: `reuse` becomes a `list` made of current and fresh items. */
function resolveChange(change: Record<string, unknown>, current: readonly Row[]): Record<string, unknown> {
  const { reuse, ...rest } = change as { reuse?: { picks: number[]; fresh: Row[] } };
  if (!reuse) return rest;
  const list: Row[] = [];
  const ids = new Set<number>();
  for (const pick of reuse.picks) {
    const row = current[pick % Math.max(1, current.length)];
    if (row && !ids.has(row.id)) ids.add(row.id), list.push(row);
  }
  for (const row of reuse.fresh) if (!ids.has(row.id)) ids.add(row.id), list.push(row);
  return { ...rest, list };
}

const initial = { a: 1, b: "x", flag: false, user: { name: "Ann", age: 1 }, list: [{ id: 1, v: 1 }, { id: 2, v: 3 }] };

// ---------------------------------------------------------------- the check

const cache = new Map<string, Template>();
/** `sparse`: every node answers tracked renders sparsely (normally only nodes of 32+ slots do). */
async function templateFor(source: string, sparse: boolean): Promise<Template> {
  const key = `${sparse}:${source}`;
  let t = cache.get(key);
  if (!t) cache.set(key, (t = await loadTemplate(source, { lang: "js", ...(sparse ? { sparseMinSlots: 1 } : {}) })));
  return t;
}

/** Every statics array (inline or in a `p` table) in a diff. */
function staticsIn(diff: unknown, out: string[] = []): string[] {
  if (typeof diff !== "object" || diff === null) return out;
  for (const [key, value] of Object.entries(diff)) {
    if (key === "s" && Array.isArray(value)) out.push(JSON.stringify(value));
    else if (key === "p") for (const s of Object.values(value as object)) out.push(JSON.stringify(s));
    else staticsIn(value, out);
  }
  return out;
}

const roundtrip = suite("compiled templates round trip");

roundtrip("diffs merged by our client and the official client give the string renderer's HTML", async () => {
  await fc.assert(
    fc.asyncProperty(templateArb, fc.array(changeArb, { maxLength: 6 }), fc.boolean(), async (source, changes, sparse) => {
      const template = await templateFor(source, sparse);
      const engine = new DiffEngine();
      const official = new OfficialClient();
      const assigns: Record<string, unknown> = structuredClone(initial);
      const first = engine.render(template({ ...assigns, __changed__: null }));
      let state: RenderedState = mergeDiff(null, structuredClone(first));
      official.apply(first);
      const expected0 = template(assigns).html();
      assert.is(toHTML(state), expected0, `first render of ${source}`);
      assert.is(official.html(), expected0);

      for (const change of changes) {
        const changed: Record<string, unknown> = {};
        const applied = resolveChange(change, assigns.list as Row[]);
        for (const [key, value] of Object.entries(applied)) assignValue(assigns, changed, key, value);
        if (Object.keys(changed).length === 0) continue;
        const diff = engine.render(template({ ...assigns, __changed__: changed }));
        state = mergeDiff(state, structuredClone(diff));
        official.apply(diff);
        const expected = template(assigns).html();
        assert.is(toHTML(state), expected, `after ${JSON.stringify(change)} in ${source}`);
        assert.is(official.html(), expected, `official client after ${JSON.stringify(change)} in ${source}`);
        // `b` and `user` never decide a branch or a list: a change to them alone must send
        // values only, never statics the client already has. (A new list entry or a switched
        // branch does carry statics: the wire format resolves templates within one diff.)
        if (Object.keys(changed).every((key) => key === "b" || key === "user")) {
          assert.equal(staticsIn(diff), [], `statics re-sent after ${JSON.stringify(change)} in ${source}`);
        }
      }
    }),
    { numRuns: RUNS, seed: process.env.SEED ? Number(process.env.SEED) : undefined },
  );
});

roundtrip.run();
