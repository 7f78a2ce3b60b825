// A dashboard fed by pubsub: each sample the feed publishes reaches handleInfo, which redraws the
// chart (two SVG polylines: a diff carries their new points only); the history is
// paginated with live navigation (pager links patch the URL, "Back to newest" calls pushPatch,
// and handleParams reads `?page=`).
import { defineView } from "livehtml/server";
import template from "./dashboard.live.html";
import { METRICS_TOPIC, type MetricMessage, type MetricsFeed } from "./metrics.ts";
import { chartLines, PAGE_SIZE, type DashboardAssigns } from "./state.ts";

export function dashboardView(feed: MetricsFeed) {
  const pageOf = (requested: number) => {
    const total = feed.history.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(Math.max(1, Number.isInteger(requested) ? requested : 1), pages);
    return { page, pages, total, rows: feed.history.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
  };

  return defineView<DashboardAssigns, MetricMessage>({
    name: "DashboardView",
    mount(_params, _session, socket) {
      socket.assign({ latest: feed.history[0] ?? null, chart: chartLines(feed.history), ...pageOf(1) });
      if (socket.connected) socket.subscribe(METRICS_TOPIC);
    },
    handleParams(params, _url, socket) {
      socket.assign(pageOf(Number(params.page ?? "1")));
    },
    handleEvent(event, _value, socket) {
      if (event === "newest") socket.pushPatch("/dashboard?page=1");
    },
    handleInfo(message, socket) {
      if (message.type !== "metric") return;
      // New samples shift every page by one; the page number stays where the user put it.
      socket.assign({ latest: message.metric, chart: chartLines(feed.history), ...pageOf(socket.assigns.page) });
    },
    template,
  });
}
