// The todo example: phx-change validates the draft (a form from toForm, rendered by the built-in
// form and input components), phx-submit saves it into a stream, toggles and deletes go through
// the stream too, and the server keeps no stream items after rendering.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../runtime/register.ts";
import { streamPatches, textOf } from "./helpers.ts";

const { mountView } = await import("../../runtime/test/index.ts");
const { TodoView } = await import("../../examples/todo/todo.ts");
const { todosOf, MAX_TITLE } = await import("../../examples/todo/todos.ts");

const todo = suite("examples: todo list");
let user = 0;
const fresh = () => ({ session: { userId: `todo-user-${++user}` } });

todo("validation on change shows an error and disables the button; an empty field is no error", async () => {
  const view = await mountView(TodoView, fresh());
  try {
    assert.not.ok(view.has("#title-error"));
    await view.change("#new-todo", { todo: { title: "x".repeat(MAX_TITLE + 1) } }, "todo[title]");
    assert.match(textOf(view.html(), "#title-error") ?? "", /Keep it under 80 characters \(81 now\)/);
    assert.ok("disabled" in view.find("#save")[0]!.attributes);
    await view.change("#new-todo", { todo: { title: "" } }, "todo[title]");
    assert.not.ok(view.has("#title-error"));
    assert.not.ok("disabled" in view.find("#save")[0]!.attributes);
  } finally {
    view.terminate();
  }
});

todo("an input the client marks unused (_unused_title) shows no error yet, though the form has one", async () => {
  const view = await mountView(TodoView, fresh());
  try {
    await view.change("#new-todo", { todo: { title: "x".repeat(MAX_TITLE + 1), _unused_title: "" } }, "todo[title]");
    assert.not.ok(view.has("#title-error"));
    assert.ok("disabled" in view.find("#save")[0]!.attributes, "the form is still invalid");
    const input = view.find("#title")[0]!.attributes;
    assert.equal([input.name, input.value], ["todo[title]", "x".repeat(MAX_TITLE + 1)]);
  } finally {
    view.terminate();
  }
});

todo("submit saves into the stream, clears the draft and counts; a blank submit is refused", async () => {
  const options = fresh();
  const view = await mountView(TodoView, options);
  try {
    await view.submit("#new-todo", { todo: { title: "  Buy milk " } });
    // The page shows what each render sent; the browser keeps earlier stream items itself.
    assert.match(view.html(), /<span class="title">Buy milk<\/span>/);
    await view.submit("#new-todo", { todo: { title: "Write tests" } });
    const [milk, tests] = todosOf(options.session.userId);
    assert.equal(streamPatches(view.lastDiff).map((p) => p[1]), [[[`todos-${tests!.id}`, -1, null, null]]], "one insert, appended");
    assert.match(view.html(), new RegExp(`<li id="todos-${tests!.id}" class="todo">`));
    assert.is(milk!.title, "Buy milk", "titles are trimmed");
    assert.is(view.find("#title")[0]!.attributes.value, "");
    assert.is(textOf(view.html(), "#counts"), "2 added, 2 left");
    assert.is(view.runtime.state.streams.get("todos")!.entries.length, 0, "the server forgets stream items once rendered");

    await view.submit("#new-todo", { todo: { title: "   " } });
    assert.is(textOf(view.html(), "#title-error"), "Give the todo a title");
    assert.equal(streamPatches(view.lastDiff), [], "nothing inserted");
    assert.is(todosOf(options.session.userId).length, 2);
  } finally {
    view.terminate();
  }
});

todo("toggling re-sends the item in place and updates the counter; delete removes it", async () => {
  const options = fresh();
  const view = await mountView(TodoView, options);
  try {
    await view.submit("#new-todo", { todo: { title: "One" } });
    await view.submit("#new-todo", { todo: { title: "Two" } });
    const [first, second] = todosOf(options.session.userId);
    await view.click(`input.toggle[phx-value-id="${second!.id}"]`);
    assert.is(textOf(view.html(), "#counts"), "2 added, 1 left");
    await view.click({ event: "toggle" }, { id: String(first!.id) });
    assert.match(view.find(`#todos-${first!.id}`)[0]!.attributes.class ?? "", /\bdone\b/);
    assert.ok("checked" in view.find(`input.toggle[phx-value-id="${first!.id}"]`)[0]!.attributes);
    assert.is(textOf(view.html(), "#counts"), "2 added, 0 left");
    await view.click(`button.delete[phx-value-id="${first!.id}"]`);
    assert.equal(streamPatches(view.lastDiff).map((p) => p[2]), [[`todos-${first!.id}`]], "a stream delete");
    assert.not.ok(view.has(`#todos-${first!.id}`));
    assert.equal(todosOf(options.session.userId).map((t) => t.title), ["Two"]);
  } finally {
    view.terminate();
  }
});

todo("a reconnecting user gets their saved todos from the store", async () => {
  const options = fresh();
  const first = await mountView(TodoView, options);
  await first.submit("#new-todo", { todo: { title: "Persisted" } });
  first.terminate();
  const again = await mountView(TodoView, options);
  try {
    assert.match(again.staticHTML, /Persisted/);
    assert.is(textOf(again.html(), "#counts"), "1 added, 1 left");
  } finally {
    again.terminate();
  }
});

todo.run();
