// The Thermostat: the set point is loaded for the session's user, `phx-click` moves it, and a
// timer pushes sensor readings through handleInfo. Its template is the sibling
// thermostat.live.html.
import { defineView } from "livehtml/server";
import template, { type Assigns } from "./thermostat.live.html";

/** Per-user set points, standing in for a database. */
const setPoints = new Map<string, number>([["alice", 70]]);

/** A fake sensor drifting around 68°. */
function readSensor(previous: number): number {
  return Math.round((previous + (Math.random() - 0.5)) * 10) / 10;
}

export const ThermostatView = defineView<Assigns, { type: "tick" }>({
  name: "ThermostatView",
  mount(_params, session, socket) {
    const userId = typeof session.userId === "string" ? session.userId : "guest";
    socket.assign({ userId, setPoint: setPoints.get(userId) ?? 68, reading: 68 });
    if (socket.connected) socket.setInterval({ type: "tick" }, 1000);
  },
  handleEvent(event, _value, socket) {
    if (event === "inc") socket.update("setPoint", (t) => t + 1);
    else if (event === "dec") socket.update("setPoint", (t) => t - 1);
    setPoints.set(socket.assigns.userId, socket.assigns.setPoint);
  },
  handleInfo(message, socket) {
    if (message.type === "tick") socket.update("reading", readSensor);
  },
  render: template,
});
