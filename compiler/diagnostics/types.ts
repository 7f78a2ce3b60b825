// The diagnostic shape shared by parse(), compile(), the CLI, the Vite plugin and `livehtml check`.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source. */
  offset: number;
}

export interface Diagnostic {
  /** Stable code, `LH` + four digits (see compiler/diagnostics/catalogue.ts). */
  code: string;
  severity: "error" | "warning";
  /** What was found and what was expected, with a hint where one helps. */
  message: string;
  filename: string;
  start: Position;
  end: Position;
  /** A few lines of source with line numbers and a caret line under the span. */
  frame: string;
}
