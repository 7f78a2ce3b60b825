// How errors name a stateful component: its definition's `name`, or the function's name.
export function describeComponent(component: unknown): string {
  if (typeof component === "function" && component.name) return component.name;
  if (typeof component === "object" && component !== null && "name" in component) {
    return String((component as { name: unknown }).name);
  }
  return "component";
}
