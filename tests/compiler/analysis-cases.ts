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
];
