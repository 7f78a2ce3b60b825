import { defineView, type AsyncResult } from "livehtml/server";
import template from "./org.live.html";
import { fetchOrg, type Org } from "./orgs.ts";

export const OrgView = defineView<{ org: AsyncResult<Org> }>({
  mount(params, session, socket) {
    socket.assignAsync("org", async (signal) => ({ org: await fetchOrg(String(params.slug), signal) }));
  },
  template,
});
