import { defineView, live, liveSession } from "livehtml/server";
import appLayout from "./app-layout.live.html";
import projectTemplate, { type Assigns } from "./project.live.html";

export const ProjectView = defineView<Assigns>({
  name: "ProjectView",
  mount(params, session, socket) {
    socket.assign({ project: { id: String(params.id), name: `Project ${params.id}` } });
  },
  template: projectTemplate,
});

// Every view of the session renders the layout, so the player is on every page of it.
export const routes = liveSession("app", { layout: appLayout }, [live("/projects/:id", ProjectView)]);
