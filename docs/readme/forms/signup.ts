import { z } from "zod";
import { defineView, toForm, validate, type Form, type Params } from "livehtml/server";
import template from "./signup.live.html";

const Signup = z.object({
  email: z.string().email("is not an email"),
  name: z.string().min(3, "is too short"),
  role: z.enum(["admin", "user"], { message: "pick a role" }),
});

export const signups: Array<z.infer<typeof Signup>> = [];

export const SignupView = defineView<{ form: Form }>({
  mount(_params, _session, socket) {
    socket.assign("form", toForm({}, { as: "user" }));
  },
  handleEvent(event, value, socket) {
    const params = value.user as Params;
    if (event === "validate") socket.assign("form", toForm(params, { as: "user", schema: Signup, action: "validate" }));
    if (event === "save") {
      const result = validate(Signup, params); // { ok: true, value } or { ok: false, issues }
      if (!result.ok) return void socket.assign("form", toForm(params, { as: "user", errors: result.issues, action: "save" }));
      signups.push(result.value);
      socket.assign("form", toForm({}, { as: "user" }));
    }
  },
  render: template,
});
