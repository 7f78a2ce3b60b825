// The routes the README's scale-out sample serves.
import { defineView, live as route } from "livehtml/server";
import { live } from "livehtml/runtime";

const HelloView = defineView<{ node: string }>({
  mount(_params, _session, socket) {
    socket.assign({ node: String(process.pid) });
  },
  render: (assigns) => live`<p id="hello">Hello from process {@node}</p>`,
});

export const routes = [route("/", HelloView)];
