// The house example: each room nests its own Thermostat, and the layout's sticky clock is a
// live view of its own beside the room.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../runtime/register.ts";
import { textOf } from "./helpers.ts";

const { mountView } = await import("../../runtime/test/index.ts");
const { houseRoutes } = await import("../../examples/house/room.ts");

const house = suite("examples: house");

house("a room nests its Thermostat, mounted for the room; the clock counts on its own", async () => {
  const view = await mountView(houseRoutes[0]!, { params: { room: "kitchen" } });
  try {
    assert.match(view.staticHTML, /<div id="thermostat-kitchen" [^>]*data-phx-parent-id="phx-test"><div id="thermostat" class="thermostat">\s*<p>Hello kitchen<\/p>/);
    const thermostat = view.child("thermostat-kitchen");
    await thermostat.click("#inc");
    assert.is(textOf(thermostat.html(), "#set-point"), "69");
    const clock = view.child("clock");
    await clock.click("#lap");
    await clock.sendInfo("tick");
    assert.is(textOf(clock.html(), "#laps"), "1");
    assert.is(textOf(clock.html(), "#seconds"), "1");
    assert.is(view.diffs.length, 1, "the room itself received nothing");
  } finally {
    view.terminate();
  }
});

house.run();
