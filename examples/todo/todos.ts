// The todo list's data: per-user lists standing in for a database, and the validation the
// form runs on every change and on save.
import type { Form, StandardSchema, StreamValue } from "livehtml/server";
export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

/** The view's own assigns; the items themselves travel in a stream, not in assigns. */
export interface TodoState {
  /** The new-todo form (`todo[title]`), with its errors. */
  form: Form;
  added: number;
  remaining: number;
}

/** What the template reads: the view's assigns plus its stream (which the runtime manages). */
export interface TodoAssigns extends TodoState {
  streams: { readonly todos: StreamValue<Todo> };
}

export const MAX_TITLE = 80;

const lists = new Map<string, Todo[]>();
let nextId = 1;

export function todosOf(userId: string): Todo[] {
  let list = lists.get(userId);
  if (!list) lists.set(userId, (list = []));
  return list;
}

export function addTodo(userId: string, title: string): Todo {
  const todo = { id: nextId++, title, done: false };
  todosOf(userId).push(todo);
  return todo;
}

export function validateTitle(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === "") return "Give the todo a title";
  if (trimmed.length > MAX_TITLE) return `Keep it under ${MAX_TITLE} characters (${trimmed.length} now)`;
  return null;
}

/**
 * The new todo's params checked through the Standard Schema interface (what Zod or Valibot
 * schemas implement), so the form helpers take it like any schema library's.
 */
export const TodoSchema: StandardSchema<unknown, { title: string }> = {
  "~standard": {
    version: 1,
    vendor: "todo-example",
    validate(value) {
      const title = typeof value === "object" && value !== null && typeof (value as { title?: unknown }).title === "string" ? (value as { title: string }).title : "";
      const error = validateTitle(title);
      return error ? { issues: [{ message: error, path: ["title"] }] } : { value: { title: title.trim() } };
    },
  },
};

export function remainingOf(userId: string): number {
  return todosOf(userId).filter((t) => !t.done).length;
}
