// Answers of expression scans that are already known, so that broken input stays linear.
//
// A `{` or `<%` without its close makes the scan run to the end of the template; the tokenizer
// reports it and resumes on the next line, where the next expression would scan to the end
// again: n broken expressions would cost n² characters. A failed scan is therefore replayed once
// with bookkeeping (ExpressionScanner.record): for every `{` and `${` it met in code, where the
// matching `}` is (or that there is none), and for every `%`/`%=` outside template
// substitutions, where the next `%>` is. A later scan that starts right after one of those tokens
// sees exactly the tokens the replay saw from there on, so its answer is read from this memo.

/** What kind of literal was left open, for the "unterminated …" diagnostic. */
export interface OpenLiteral {
  offset: number;
  what: string;
}

interface KnownEnd {
  /** The scan's result: offset of the close, or -1. */
  close: number;
  /** Every literal the replay found left open, in order of offset. */
  literals: readonly OpenLiteral[];
}

export class ScanMemo {
  private readonly curly = new Map<number, KnownEnd>();
  private readonly eex = new Map<number, KnownEnd>();
  /** Nothing is known yet: the common case, where lookups are skipped. */
  empty = true;

  set(from: number, eex: boolean, close: number, literals: readonly OpenLiteral[]): void {
    const map = eex ? this.eex : this.curly;
    // The answer is a function of `from` alone, so a second replay can only agree.
    if (!map.has(from)) map.set(from, { close, literals });
    this.empty = false;
  }

  get(from: number, eex: boolean): KnownEnd | undefined {
    return (eex ? this.eex : this.curly).get(from);
  }
}

/** The first literal left open in `[from, close)` (or after `from` when close is -1). */
export function firstOpenLiteral(known: KnownEnd, from: number): OpenLiteral | null {
  const list = known.literals;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.offset < from) lo = mid + 1;
    else hi = mid;
  }
  const first = list[lo];
  if (!first || (known.close !== -1 && first.offset >= known.close)) return null;
  return first;
}
