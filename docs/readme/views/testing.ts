import { mountView, renderTemplate } from "livehtml/test";
import template from "./thermostat.live.html";
import { ThermostatView } from "./thermostat.ts";

const view = await mountView(ThermostatView, { session: { userId: "alice" } });
await view.click("#inc");
view.html();                                 // the page as the client shows it
view.lastDiff;                               // what travelled

const t = renderTemplate(template, { userId: "bob", setPoint: 70, reading: 68 });
t.rendered;                                  // the full wire JSON a join reply carries
t.assign({ setPoint: 71 });                  // the diff a `diff` push carries ({} when nothing changed)
t.html();                                    // HTML rebuilt from the merged wire state
view.terminate();                            // ends it (its timers too)
