// A chat room for the scale-out test: every connected view subscribes to one topic, `say`
// broadcasts on it, and each view lists what it heard with the process that sent it. The page
// names the process that rendered it, so a test can tell where the load balancer sent it.
import { live } from "../../../runtime/shared/index.ts";
import { defineView, type RenderAssigns } from "../../../runtime/server/index.ts";

interface RoomAssigns {
  node: string;
  heard: string[];
}

type RoomMessage = { type: "said"; text: string; node: string };

export function roomView(node: string) {
  return defineView<RoomAssigns, RoomMessage>({
    name: "RoomView",
    mount(_params, _session, socket) {
      socket.assign({ node, heard: [] });
      socket.subscribe("room:lobby");
    },
    handleEvent(event, value, socket) {
      if (event !== "say") throw new Error(`unknown event ${event}`);
      socket.broadcast("room:lobby", { type: "said", text: String(value.text), node });
    },
    handleInfo(message, socket) {
      socket.update("heard", (heard) => [...heard, `${message.node}: ${message.text}`]);
    },
    render(assigns: RenderAssigns<RoomAssigns>) {
      return live`<p id="node">served by {@node}</p>
<ul id="heard"><li :for={line of @heard}>{line}</li></ul>`;
    },
  });
}
