// The same Thermostat with its template colocated in a `live` tagged template, compiled in
// place (by `livehtml/register`, the Vite plugin or `livehtml compile`). Classes instead of
// ids let it sit on one page next to the other Thermostat.
import { live } from "livehtml/runtime";
import { defineView, type RenderAssigns } from "livehtml/server";
import { thermostatBehaviour, type ThermostatAssigns, type ThermostatInfo } from "./behaviour.ts";

export const ColocatedThermostatView = defineView<ThermostatAssigns, ThermostatInfo>({
  ...thermostatBehaviour,
  name: "ColocatedThermostatView",
  render(assigns: RenderAssigns<ThermostatAssigns>) {
    return live`<div class={["thermostat", "colocated", @reading > @setPoint && "cooling"]}>
  <p>Hello {@userId} (colocated template)</p>
  <p>Set point: <strong class="set-point">{@setPoint}</strong>°</p>
  <p>Current temperature: <span class="reading">{@reading.toFixed(1)}</span>°</p>
  <button class="dec" phx-click="dec">−</button>
  <button class="inc" phx-click="inc">+</button>
</div>`;
  },
});
