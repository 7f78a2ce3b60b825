import { suite } from "uvu";
import * as assert from "uvu/assert";
import { mountView } from "../../runtime/test/index.ts";

// The fixture's template is a `.live.html` file: the loader compiles it on import.
await import("../../runtime/register.ts");
const { sensor, setPoints, ThermostatView } = await import("./fixtures/thermostat.ts");

const thermostat = suite("Thermostat via livehtml/test");

thermostat.before.each(() => {
  setPoints.set("alice", 70);
  sensor.reading = 68;
});

thermostat("the HTTP render and the connected render show the same page", async () => {
  const view = await mountView(ThermostatView, { session: { userId: "alice", tickMs: 60_000 } });
  assert.ok(view.staticHTML.includes('<span id="set-point">70</span>'), view.staticHTML);
  assert.is(view.html(), view.staticHTML);
  view.terminate();
});

thermostat("phx-click inc/dec change the set point and send only that slot", async () => {
  const view = await mountView(ThermostatView, { session: { userId: "alice", tickMs: 60_000 } });
  await view.click("#inc");
  assert.ok(view.html().includes('<span id="set-point">71</span>'));
  assert.equal(Object.keys(view.lastDiff!), ["1"]);
  assert.is(view.lastDiff!["1"], "71");
  await view.click("dec");
  await view.click("button[phx-click=dec]");
  assert.ok(view.html().includes('<span id="set-point">69</span>'));
  assert.is(setPoints.get("alice"), 69);
  view.terminate();
});

thermostat("a timer pushes readings through handleInfo", async () => {
  const view = await mountView(ThermostatView, { session: { userId: "alice", tickMs: 5 } });
  const before = view.diffs.length;
  await new Promise((r) => setTimeout(r, 30));
  await view.settle();
  assert.ok(view.diffs.length > before, "expected pushed diffs");
  assert.ok(/<span id="reading">(68\.5|69\.0|69\.5|70\.0|7\d\.\d)<\/span>/.test(view.html()), view.html());
  view.terminate();
  const after = view.diffs.length;
  await new Promise((r) => setTimeout(r, 20));
  assert.is(view.diffs.length, after, "timers stop when the view terminates");
});

thermostat("sendInfo renders the reading; the same value sends nothing", async () => {
  const view = await mountView(ThermostatView, { session: { userId: "alice", tickMs: 60_000 } });
  await view.sendInfo({ type: "tick" });
  assert.ok(view.html().includes('<span id="reading">68.5</span>'));
  assert.equal(view.lastDiff, { "2": "68.5" });
  view.terminate();
});

thermostat("an unknown event crashes this view only, with the view's name in the log", async () => {
  const a = await mountView(ThermostatView, { session: { userId: "alice", tickMs: 60_000 } });
  const b = await mountView(ThermostatView, { session: { userId: "bob", tickMs: 60_000 } });
  try {
    await a.click("explode");
    assert.unreachable("should have crashed");
  } catch (error) {
    assert.match(String(error), /ThermostatView crashed/);
    assert.match(String(error), /unknown event explode/);
  }
  assert.ok(a.crashed);
  await b.click("#inc");
  assert.ok(b.html().includes('<span id="set-point">69</span>'));
  b.terminate();
});

thermostat.run();
