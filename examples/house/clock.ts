// A sticky clock in the house's layout: one live view that keeps counting (and its laps) while
// the rooms below it change by live navigation.
import { defineView } from "livehtml/server";
import template, { type Assigns } from "./clock.live.html";

export const ClockView = defineView<Assigns, "tick">({
  name: "ClockView",
  mount(_params, _session, socket) {
    socket.assign({ seconds: 0, laps: 0 });
    if (socket.connected) socket.setInterval("tick", 1000);
  },
  handleEvent(event, _value, socket) {
    if (event === "lap") socket.update("laps", (laps) => laps + 1);
  },
  handleInfo(_message, socket) {
    socket.update("seconds", (s) => s + 1);
  },
  template,
});
