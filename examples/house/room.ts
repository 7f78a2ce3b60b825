// A room of the house: its own Thermostat nested in it (a live view of its own, per room), under
// the house layout's sticky clock. Moving between rooms navigates live: the clock keeps running.
import { defineView, live, liveSession } from "livehtml/server";
import layout from "./house-layout.live.html";
import template, { type Assigns } from "./room.live.html";

export const RoomView = defineView<Assigns>({
  name: "RoomView",
  mount(params, _session, socket) {
    socket.assign({ room: String(params.room) });
  },
  template,
});

export const houseRoutes = liveSession("house", { layout }, [live("/house/:room", RoomView)]);
