// A todo list: a form validated on every change (phx-change) and saved on submit (phx-submit),
// with the items in a stream, so the server forgets them once they are rendered.
import { defineView, type Params } from "livehtml/server";
import template from "./todo.live.html";
import { addTodo, remainingOf, todosOf, validateTitle, type Todo, type TodoAssigns } from "./todos.ts";

function titleOf(value: Params): string {
  const todo = value.todo;
  return typeof todo === "object" && !Array.isArray(todo) && typeof todo.title === "string" ? todo.title : "";
}

function userOf(session: Readonly<Record<string, unknown>>): string {
  return typeof session.userId === "string" ? session.userId : "guest";
}

export const TodoView = defineView<TodoAssigns & { userId: string }>({
  name: "TodoView",
  mount(_params, session, socket) {
    const userId = userOf(session);
    const todos = todosOf(userId);
    socket.assign({ userId, draft: "", error: null, added: todos.length, remaining: remainingOf(userId) });
    socket.stream<Todo>("todos", todos);
  },
  handleEvent(event, value, socket) {
    const userId = socket.assigns.userId;
    if (event === "validate") {
      const draft = titleOf(value);
      // An empty field is not an error until the user tries to save it.
      socket.assign({ draft, error: draft === "" ? null : validateTitle(draft) });
    } else if (event === "save") {
      const draft = titleOf(value);
      const error = validateTitle(draft);
      if (error) return void socket.assign({ draft, error });
      const todo = addTodo(userId, draft.trim());
      socket.streamInsert<Todo>("todos", todo);
      socket.assign({ draft: "", error: null, added: socket.assigns.added + 1, remaining: remainingOf(userId) });
    } else if (event === "toggle" || event === "delete") {
      const list = todosOf(userId);
      const index = list.findIndex((t) => String(t.id) === value.id);
      if (index === -1) return;
      const todo = list[index]!;
      if (event === "toggle") {
        todo.done = !todo.done;
        socket.streamInsert<Todo>("todos", todo);
      } else {
        list.splice(index, 1);
        socket.streamDelete<Todo>("todos", todo);
      }
      socket.assign("remaining", remainingOf(userId));
    }
  },
  template,
});
