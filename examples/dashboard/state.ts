// The dashboard's assigns, shared by the view and its template.
import type { Metric } from "./metrics.ts";

export interface DashboardAssigns {
  latest: Metric | null;
  /** The history rows of the current page, newest first. */
  rows: Metric[];
  page: number;
  pages: number;
  total: number;
  /** The chart's lines (SVG polyline points) over the latest CHART_SAMPLES samples. */
  chart: { cpu: string; memory: string };
}

export const PAGE_SIZE = 5;

/** Samples the chart shows, and its drawing box (a viewBox: the SVG scales to its container). */
export const CHART_SAMPLES = 30;
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 100;

/**
 * `x,y` points of one percentage series, oldest on the left, newest at the right edge. A new
 * sample changes these two strings only, so each diff carries two attribute values.
 */
export function chartLines(history: readonly Metric[]): { cpu: string; memory: string } {
  const samples = history.slice(0, CHART_SAMPLES).reverse();
  const step = CHART_WIDTH / (CHART_SAMPLES - 1);
  const offset = CHART_SAMPLES - samples.length;
  const line = (value: (m: Metric) => number) =>
    samples.map((m, i) => `${round((offset + i) * step)},${round(CHART_HEIGHT - (value(m) / 100) * CHART_HEIGHT)}`).join(" ");
  return { cpu: line((m) => m.cpu), memory: line((m) => m.memory) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
