import { live, renderSlot, withAttributes, type Rest, type SlotEntry } from "livehtml/runtime";

interface ButtonAssigns { kind: "primary" | "plain"; label: string; rest: Rest<"type" | "disabled">; inner_block?: readonly SlotEntry[] }

export const button = withAttributes({ defaults: { kind: "plain" }, rest: "rest" }, (assigns: ButtonAssigns) =>
  live`<button class={["btn", "btn-" + @kind]} {...@rest}>{@label}{renderSlot(@inner_block)}</button>`);

export const toolbar = (assigns: { busy: boolean }) =>
  live`<div class="toolbar"><.button label="Save" kind="primary" type="submit" disabled={@busy} /><.button label="Cancel" phx-click="cancel" /></div>`;
