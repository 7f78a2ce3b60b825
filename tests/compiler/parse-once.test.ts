// Each expression of a template is parsed by TypeScript once per compile: the parse phase's
// syntax check parses all of them (and the frontmatter) and keeps the trees, which analysis
// reads instead of parsing each expression, pattern or literal attribute again.
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "../../compiler/utils/typescript.cjs";
import { compile } from "../../compiler/compile.ts";

const TEMPLATE = `---
export interface Assigns { rows: Array<{ id: number; name: string }>; user: { name: string } | null; q: string }
---
<p :if={@user !== null}>Hello {@user?.name.toUpperCase()}</p>
<input value={@q.trim()} title={"Search " + @q}>
<ul>
  <li :for={{ id, name } of @rows} :key={id} id={\`row-\${id}\`} class={[id % 2 === 0 && "even"]}>{name.slice(0, 10)}</li>
</ul>
<%= for row <- @rows.filter((r) => r.id > 0) do %>{row.name}<% end %>
<.card title={@user?.name ?? "anonymous"} :let={x}>{String(x)}</.card>
<script>window.rows = <%= json(@rows.length) %>;</script>
`;

// TypeScript counts its parses when its (internal) performance marks are on: one
// "beforeParse" mark per createSourceFile.
const marks = (ts as unknown as { performance: { enable(): void; disable(): void; getCount(mark: string): number } }).performance;

/** Runs `run`, counting the source files TypeScript parses meanwhile. */
function countingParses(run: () => void): number {
  marks.enable();
  try {
    const before = marks.getCount("beforeParse");
    run();
    return marks.getCount("beforeParse") - before;
  } finally {
    marks.disable();
  }
}

test("a compile parses the frontmatter and the template's expressions once each, in two files", () => {
  let diagnostics: string[] = [];
  const parses = countingParses(() => {
    const result = compile(TEMPLATE, { filename: "once.live.html" });
    diagnostics = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  });
  assert.equal(diagnostics, []);
  assert.is(parses, 2, "one file for the frontmatter, one for every expression and pattern");
});

test("expressions that are chains of names need no parse at all", () => {
  const parses = countingParses(() => compile(`<p title={@user.name}>{row.id} {@count} {"x"} {42}</p>`));
  assert.is(parses, 0);
});

test.run();
