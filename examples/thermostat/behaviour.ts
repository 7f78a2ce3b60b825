// What both Thermostat views share (the one with a sibling .live.html and the one with a
// colocated template): the set point is loaded for the session's user, `phx-click` moves it,
// and a timer pushes sensor readings through handleInfo.
import type { ViewCallbacks } from "livehtml/server";

export interface ThermostatAssigns {
  userId: string;
  setPoint: number;
  reading: number;
}

export type ThermostatInfo = { type: "tick" };

/** Per-user set points, standing in for a database. */
export const setPoints = new Map<string, number>([["alice", 70]]);

/** A fake sensor drifting around 68°. */
export function readSensor(previous: number): number {
  return Math.round((previous + (Math.random() - 0.5)) * 10) / 10;
}

export const thermostatBehaviour: ViewCallbacks<ThermostatAssigns, ThermostatInfo> = {
  mount(_params, session, socket) {
    const userId = typeof session.userId === "string" ? session.userId : "guest";
    socket.assign({ userId, setPoint: setPoints.get(userId) ?? 68, reading: 68 });
    if (socket.connected) socket.setInterval({ type: "tick" }, 1000);
  },
  handleEvent(event, _value, socket) {
    if (event === "inc") socket.update("setPoint", (t) => t + 1);
    else if (event === "dec") socket.update("setPoint", (t) => t - 1);
    setPoints.set(socket.assigns.userId, socket.assigns.setPoint);
  },
  handleInfo(message, socket) {
    if (message.type === "tick") socket.update("reading", readSensor);
  },
};
