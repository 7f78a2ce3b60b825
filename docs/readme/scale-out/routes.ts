// The app's routes, the same in every process: here the README's Thermostat template, mounted
// for a fixed user so the sample needs no session set-up.
import { defineView, live } from "livehtml/server";
import template, { type Assigns } from "../views/thermostat.live.html";

const Thermostat = defineView<Assigns>({
  mount(_params, _session, socket) {
    socket.assign({ userId: "alice", setPoint: 70, reading: 68 });
  },
  render: template,
});

export const routes = [live("/thermostat", Thermostat)];
