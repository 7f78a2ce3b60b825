// Plain-text tables for benchmark results: one header row, right-aligned numbers.

export type Cell = string | number;

export function printTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  const text = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of text) console.log(line(row));
}

/** Prints how to reproduce one group's numbers. */
export function printCommand(command: string): void {
  console.log(`reproduce: ${command}`);
}
