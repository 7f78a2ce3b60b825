// The dashboard example: samples published on pubsub reach every mounted dashboard, and the
// history is paginated through live navigation (patch links, pushPatch, handleParams).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../runtime/register.ts";
import { textOf } from "./helpers.ts";

const { mountView } = await import("../../runtime/test/index.ts");
const { MemoryPubSub } = await import("../../runtime/server/index.ts");
const { dashboardView } = await import("../../examples/dashboard/dashboard.ts");
const { MetricsFeed, METRICS_TOPIC } = await import("../../examples/dashboard/metrics.ts");

const dashboard = suite("examples: dashboard");

function setup(samples: number) {
  const pubsub = new MemoryPubSub();
  const feed = new MetricsFeed(pubsub);
  for (let i = 1; i <= samples; i++) feed.record({ cpu: i, memory: 50, requests: 100 + i }, new Date(Date.UTC(2024, 0, 1, 12, 0, i)));
  return { pubsub, feed, view: dashboardView(feed) };
}

const rowIds = (html: string) => [...html.matchAll(/<tr id="metric-(\d+)">/g)].map((m) => Number(m[1]));

dashboard("before any sample it waits; a published sample reaches every connected dashboard", async () => {
  const { pubsub, feed, view: View } = setup(0);
  const a = await mountView(View, { pubsub, url: "http://localhost/dashboard" });
  const b = await mountView(View, { pubsub, url: "http://localhost/dashboard" });
  try {
    assert.ok(a.has("#waiting"));
    assert.is(pubsub.subscriberCount(METRICS_TOPIC), 2, "connected views subscribe; HTTP renders do not");
    feed.record({ cpu: 42, memory: 61, requests: 900 });
    await a.settle();
    await b.settle();
    for (const v of [a, b]) {
      assert.not.ok(v.has("#waiting"));
      assert.is(textOf(v.html(), "#cpu"), "42%");
      assert.is(textOf(v.html(), "#requests"), "900");
      assert.is(textOf(v.html(), "#total"), "1 samples");
    }
  } finally {
    a.terminate();
    b.terminate();
  }
  assert.is(pubsub.subscriberCount(METRICS_TOPIC), 0, "terminated views unsubscribe");
});

dashboard("the SVG chart draws the latest samples, and a new sample sends its new points", async () => {
  const { pubsub, feed, view: View } = setup(2);
  const view = await mountView(View, { pubsub, url: "http://localhost/dashboard" });
  try {
    // Two samples at the right edge (x = 300 is the newest); CPU 1 and 2 % near the bottom.
    assert.is(view.find("#cpu-line")[0]!.attributes.points, "289.7,99 300,98");
    assert.is(view.find("#memory-line")[0]!.attributes.points, "289.7,50 300,50");
    feed.record({ cpu: 80, memory: 25, requests: 1 });
    await view.settle();
    assert.is(view.find("#cpu-line")[0]!.attributes.points, "279.3,99 289.7,98 300,20");
    assert.is(view.find("#memory-line")[0]!.attributes.points, "279.3,50 289.7,50 300,75");
    const sent = JSON.stringify(view.lastDiff);
    assert.ok(sent.includes("300,20") && sent.includes("300,75"), sent);
    assert.not.ok(sent.includes("viewBox") || sent.includes("polyline"), `only the changed points travel: ${sent}`);
  } finally {
    view.terminate();
  }
});

dashboard("pagination: ?page= is read by handleParams, links patch, newest pushes a patch", async () => {
  const { pubsub, view: View } = setup(12);
  const view = await mountView(View, { pubsub, url: "http://localhost/dashboard?page=2" });
  try {
    assert.is(textOf(view.html(), "#page"), "Page 2 of 3");
    assert.equal(rowIds(view.html()), [7, 6, 5, 4, 3], "newest first, five a page");
    assert.is(view.find("#next")[0]!.attributes.href, "/dashboard?page=3");
    assert.is(view.find("#next")[0]!.attributes["data-phx-link"], "patch");

    await view.patch(view.find("#next")[0]!.attributes.href!);
    assert.is(textOf(view.html(), "#page"), "Page 3 of 3");
    assert.equal(rowIds(view.html()), [2, 1]);
    assert.not.ok(view.has("#next"));

    await view.click("#newest");
    assert.equal(view.navigations.at(-1), { kind: "live_patch", to: "/dashboard?page=1" });
    assert.is(textOf(view.html(), "#page"), "Page 1 of 3");
    assert.equal(rowIds(view.html()), [12, 11, 10, 9, 8]);
    assert.ok("disabled" in view.find("#newest")[0]!.attributes);

    await view.patch("/dashboard?page=99");
    assert.is(textOf(view.html(), "#page"), "Page 3 of 3", "out-of-range pages are clamped");
  } finally {
    view.terminate();
  }
});

dashboard("a new sample shifts the page being viewed without moving the user off it", async () => {
  const { pubsub, feed, view: View } = setup(10);
  const view = await mountView(View, { pubsub, url: "http://localhost/dashboard?page=2" });
  try {
    assert.equal(rowIds(view.html()), [5, 4, 3, 2, 1]);
    feed.record({ cpu: 1, memory: 1, requests: 1 });
    await view.settle();
    assert.is(textOf(view.html(), "#page"), "Page 2 of 3");
    assert.equal(rowIds(view.html()), [6, 5, 4, 3, 2]);
  } finally {
    view.terminate();
  }
});

dashboard.run();
