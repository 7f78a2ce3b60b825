// The soak's view: a counter per connection, so every client's final state is known exactly.
import { live } from "livehtml/runtime";
import { defineView, type RenderAssigns } from "livehtml/server";

export interface CounterAssigns {
  count: number;
}

export const SoakCounterView = defineView<CounterAssigns>({
  name: "SoakCounterView",
  mount: (_params, _session, socket) => void socket.assign("count", 0),
  handleEvent(event, _value, socket) {
    if (event === "inc") socket.update("count", (n) => n + 1);
  },
  render(assigns: RenderAssigns<CounterAssigns>) {
    return live`<p id="count">{@count}</p>`;
  },
});
