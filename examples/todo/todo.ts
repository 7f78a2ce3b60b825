// A todo list: a form validated on every change (phx-change) and saved on submit (phx-submit),
// with the items in a stream, so the server forgets them once they are rendered.
import { defineView, toForm, validate, type Params } from "livehtml/server";
import template from "./todo.live.html";
import { addTodo, remainingOf, todosOf, TodoSchema, type Todo, type TodoAssigns } from "./todos.ts";

/** The form's own params (`todo[title]` arrives as `{ todo: { title } }`). */
function paramsOf(value: Params): Params {
  const todo = value.todo;
  return typeof todo === "object" && !Array.isArray(todo) ? todo : {};
}

const emptyForm = () => toForm({ title: "" }, { as: "todo" });

function userOf(session: Readonly<Record<string, unknown>>): string {
  return typeof session.userId === "string" ? session.userId : "guest";
}

export const TodoView = defineView<TodoAssigns & { userId: string }>({
  name: "TodoView",
  mount(_params, session, socket) {
    const userId = userOf(session);
    const todos = todosOf(userId);
    socket.assign({ userId, form: emptyForm(), added: todos.length, remaining: remainingOf(userId) });
    socket.stream<Todo>("todos", todos);
  },
  handleEvent(event, value, socket) {
    const userId = socket.assigns.userId;
    if (event === "validate") {
      const params = paramsOf(value);
      // An empty field is not an error until the user tries to save it: no action, no schema errors.
      const action = params.title === "" ? {} : { action: "validate" };
      socket.assign("form", toForm(params, { as: "todo", schema: TodoSchema, ...action }));
    } else if (event === "save") {
      const params = paramsOf(value);
      const result = validate(TodoSchema, params);
      if (!result.ok) return void socket.assign("form", toForm(params, { as: "todo", errors: result.issues, action: "save" }));
      const todo = addTodo(userId, result.value.title);
      socket.streamInsert<Todo>("todos", todo);
      socket.assign({ form: emptyForm(), added: socket.assigns.added + 1, remaining: remainingOf(userId) });
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
