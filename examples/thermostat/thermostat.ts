// The Thermostat with its template in the sibling thermostat.live.html.
import { defineView } from "livehtml/server";
import template from "./thermostat.live.html";
import { thermostatBehaviour, type ThermostatAssigns, type ThermostatInfo } from "./behaviour.ts";

export const ThermostatView = defineView<ThermostatAssigns, ThermostatInfo>({
  ...thermostatBehaviour,
  name: "ThermostatView",
  render: template,
});
