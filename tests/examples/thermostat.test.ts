// The Thermostat examples: both the sibling-template view and the colocated one mount from the
// session's user id, move the set point on phx-click and show timer readings; the embedded
// page renders both through liveRender.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../runtime/register.ts";
import { textOf } from "./helpers.ts";

const { mountView } = await import("../../runtime/test/index.ts");
const { ThermostatView } = await import("../../examples/thermostat/thermostat.ts");
const { ColocatedThermostatView } = await import("../../examples/thermostat/thermostat-colocated.ts");
const { setPoints } = await import("../../examples/thermostat/behaviour.ts");
const { createServer } = await import("../../runtime/server/index.ts");
const { embeddedPage } = await import("../../examples/pages.ts");

const thermostat = suite("examples: thermostat");

const views = [
  { name: "sibling .live.html", view: ThermostatView, setPoint: "#set-point", reading: "#reading", inc: "#inc", dec: "#dec" },
  { name: "colocated live`…`", view: ColocatedThermostatView, setPoint: ".set-point", reading: ".reading", inc: "button.inc", dec: "button.dec" },
];

for (const v of views) {
  thermostat(`${v.name}: mounts with the user's set point, clicks move it, ticks update the reading`, async () => {
    setPoints.set("bob", 65);
    const view = await mountView(v.view, { session: { userId: "bob" } });
    try {
      assert.match(view.staticHTML, /Hello bob/);
      assert.is(textOf(view.html(), v.setPoint), "65");
      await view.click(v.inc);
      await view.click(v.inc);
      await view.click(v.dec);
      assert.is(textOf(view.html(), v.setPoint), "66");
      assert.is(setPoints.get("bob"), 66, "the set point is saved for the user");
      const before = Number(textOf(view.html(), v.reading));
      for (let i = 0; i < 20; i++) await view.sendInfo({ type: "tick" });
      await view.settle();
      const after = Number(textOf(view.html(), v.reading));
      assert.ok(Number.isFinite(after) && /^\d+\.\d$/.test(textOf(view.html(), v.reading) ?? ""), "one decimal");
      assert.ok(Math.abs(after - before) <= 10, "readings drift around the start value");
      assert.is(view.assigns.reading, after);
    } finally {
      view.terminate();
    }
  });
}

thermostat("a guest without a user id gets the default set point", async () => {
  const view = await mountView(ThermostatView, { session: {} });
  try {
    assert.match(view.html(), /Hello guest/);
    assert.is(textOf(view.html(), "#set-point"), "68");
  } finally {
    view.terminate();
  }
});

thermostat("the embedded page renders both views inside an ordinary page, sharing one CSRF token", async () => {
  const server = createServer({ routes: [], secret: "a test secret that is long enough" });
  setPoints.set("carol", 71);
  const html = await embeddedPage(server, { userId: "carol" }, "/assets/app.js");
  assert.match(html, /<h1>An ordinary page<\/h1>/);
  assert.is(html.match(/data-phx-session=/g)?.length, 2, "two live views");
  assert.is(html.match(/<meta name="csrf-token"/g)?.length, 1);
  assert.match(html, /<strong id="set-point">71<\/strong>/);
  assert.match(html, /<strong class="set-point">71<\/strong>/);
});

thermostat.run();
