import { mountView } from "livehtml/test";
import { routes } from "./routes.ts";

const view = await mountView(routes[0]!, { params: { id: "7" } });
const chat = view.child("chat-7");                 // the nested view, by id
await chat.submit("form[phx-submit]", { text: "hello" }); // its events change its own HTML only
chat.html();                                       // <ul><li>hello</li></ul>…
view.child("player");                              // sticky views too
view.terminate();                                  // ends its nested views as well
