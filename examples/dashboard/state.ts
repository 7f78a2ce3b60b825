// The dashboard's assigns, shared by the view and its template.
import type { Metric } from "./metrics.ts";

export interface DashboardAssigns {
  latest: Metric | null;
  /** The history rows of the current page, newest first. */
  rows: Metric[];
  page: number;
  pages: number;
  total: number;
}

export const PAGE_SIZE = 5;
