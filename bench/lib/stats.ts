// Summary statistics for benchmark samples: medians of interleaved rounds, percentiles.

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Nearest-rank percentile (`p` in 0..1) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export function spread(samples: readonly number[]): string {
  return `${fmt(Math.min(...samples))}–${fmt(Math.max(...samples))}`;
}

/** A number with 3 significant digits, thousands grouped; no scientific notation. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}
