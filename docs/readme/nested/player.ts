// A player in the layout: sticky, so it keeps playing while the main view navigates.
import { defineView } from "livehtml/server";
import template, { type Assigns } from "./player.live.html";

export const PlayerView = defineView<Assigns>({
  name: "PlayerView",
  mount(params, session, socket) {
    socket.assign({ track: 1, playing: false });
  },
  handleEvent(event, value, socket) {
    if (event === "toggle") socket.update("playing", (playing) => !playing);
  },
  template,
});
