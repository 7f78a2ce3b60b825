import { createServer, defineView, live } from "livehtml/server";
import template, { type Assigns } from "./thermostat.live.html";

export const ThermostatView = defineView<Assigns, { type: "tick" }>({
  mount(params, session, socket) {
    socket.assign({ userId: String(session.userId), setPoint: 70, reading: 68 });
    if (socket.connected) socket.setInterval({ type: "tick" }, 1000);   // timers die with the view
  },
  handleEvent(event, value, socket) {
    if (event === "inc") socket.update("setPoint", (t) => t + 1);
  },
  handleInfo(message, socket) {
    socket.update("reading", (r) => r + 0.1);
  },
  render: template,            // or render(assigns) { return live`…` }
});

const server = createServer({
  routes: [live("/thermostat", ThermostatView)],
  secret: process.env.SECRET_KEY_BASE!,          // signs session tokens
  session: (req) => ({ userId: "alice" }),
});
await server.listen(4000);                       // or server.handler + server.upgrade on your own node:http / Express server
