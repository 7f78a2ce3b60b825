// A chat beside each project: a live view of its own, nested in the project's page.
import { defineView } from "livehtml/server";
import template, { type Assigns } from "./chat.live.html";

export const ChatView = defineView<Assigns>({
  name: "ChatView",
  mount(params, session, socket) {
    socket.assign({ room: String(session.room), messages: [] });
  },
  handleEvent(event, value, socket) {
    if (event === "send") socket.update("messages", (list) => [...list, String(value.text)]);
  },
  template,
});
