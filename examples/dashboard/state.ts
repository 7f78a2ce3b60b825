// The dashboard's assigns, shared by the view and its template.
import type { AsyncResult } from "livehtml/server";
import type { Metric, Peaks } from "./metrics.ts";

export interface DashboardAssigns {
  /** Loaded from a slow source after the view connects (`assignAsync`). */
  peaks: AsyncResult<Peaks>;
  latest: Metric | null;
  /** The history rows of the current page, newest first. */
  rows: Metric[];
  page: number;
  pages: number;
  total: number;
}

export const PAGE_SIZE = 5;
