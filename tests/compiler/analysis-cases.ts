// One case per analysis diagnostic (LH05xx): the source, where it is compiled, and the span
// the diagnostic must cover (line:column, 1-based). tests/parse/catalogue.test.ts checks that
// every catalogue code has a case here or among the parse cases.
export interface AnalysisCase {
  code: string;
  kind: "template" | "colocated";
  source: string;
  start: [number, number];
  end: [number, number];
}

export const ANALYSIS_CASES: AnalysisCase[] = [
  { code: "LH0501", kind: "template", source: `<p>\n  {Object.keys(assigns).length}</p>`, start: [2, 4], end: [2, 31] },
  { code: "LH0502", kind: "template", source: `<p>{total}</p>`, start: [1, 5], end: [1, 10] },
  {
    code: "LH0503",
    kind: "colocated",
    source: "const x = 1;\nexport const render = (assigns: object) => live`<p>${x}</p>`;\n",
    start: [2, 52],
    end: [2, 56],
  },
  { code: "LH0510", kind: "template", source: `<.link navigate="/x" bogus="1">x</.link>`, start: [1, 22], end: [1, 27] },
  { code: "LH0511", kind: "template", source: `<.focusWrap>x</.focusWrap>`, start: [1, 2], end: [1, 12] },
  {
    code: "LH0512",
    kind: "template",
    source: `---\nexport interface Assigns { a: string; rest: Rest }\nexport const defaults = {};\n---\n<p>{@b}</p>`,
    start: [5, 5],
    end: [5, 7],
  },
  // A dotted phx-hook in a template with no hook script at all.
  { code: "LH0521", kind: "template", source: `<i id="i" phx-hook=".X"></i>`, start: [1, 11], end: [1, 24] },
  {
    code: "LH0513",
    kind: "template",
    source: `---\nexport interface Assigns { a?: string }\nexport const defaults = { z: 1 };\n---\n<p>{@a}</p>`,
    start: [3, 27],
    end: [3, 28],
  },
  {
    code: "LH0514",
    kind: "colocated",
    source: 'import { live, withAttributes } from "livehtml/runtime";\nexport const c = withAttributes({}, (props: object) => live`<b></b>`);',
    start: [2, 38],
    end: [2, 51],
  },
  {
    code: "LH0515",
    kind: "colocated",
    source: 'import { live, withAttributes, type Rest } from "livehtml/runtime";\ninterface A { rest: Rest }\nexport const c = withAttributes({}, (assigns: A) => live`<b></b>`);',
    start: [2, 15],
    end: [2, 25],
  },
  { code: "LH0520", kind: "template", source: `<script type="hook">export default {}</script>`, start: [1, 1], end: [1, 21] },
  {
    code: "LH0521",
    kind: "template",
    source: `<i id="i" phx-hook=".Nope"></i><script type="hook" name=".Yes">export default {}</script>`,
    start: [1, 11],
    end: [1, 27],
  },
  {
    code: "LH0522",
    kind: "template",
    source: `<script type="hook" name=".A">x</script><script type="hook" name=".A">y</script>`,
    start: [1, 41],
    end: [1, 71],
  },
];
