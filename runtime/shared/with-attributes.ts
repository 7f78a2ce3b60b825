// `withAttributes(options, render)`: a function component written in a `.ts` file (its template
// a `live` tagged template) that declares its attributes, as a `.live.html` component does with
// its `Assigns` interface, `Rest` property and `defaults`:
//
//   interface ButtonAssigns { kind: "primary" | "plain"; label: string; rest: Rest<"type"> }
//   export const button = withAttributes({ defaults: { kind: "plain" }, rest: "rest" }, (assigns: ButtonAssigns) =>
//     live`<button class={"btn-" + @kind} {...@rest}>{@label}</button>`);
//
// The attribute names live only in the type, so the compiler (compiler/analyze/with-attributes.ts)
// reads them from the render's `assigns` type and passes them as a third argument; the
// component then builds its assigns from the caller's through `declared()`.
import { declared, type AttributeDeclaration } from "./declared.ts";
import type { Rendered } from "./rendered.ts";

/** What the compiler adds to a `withAttributes` call: the names the `assigns` type declares. */
export interface CompiledAttributes {
  readonly component: string;
  readonly names: readonly string[];
  readonly required: readonly string[];
}

export interface AttributeOptions<A, D, R> {
  /** Values of attributes the caller leaves out. */
  readonly defaults?: D;
  /** The property (typed `Rest`) that receives every attribute the type does not declare. */
  readonly rest?: R;
}

/**
 * What callers pass: the declared attributes, those with a default optional, and the rest
 * property replaced by the rest attributes themselves.
 */
export type PropsOf<A, D, R extends keyof A> = Omit<A, keyof D | R> & Partial<Pick<A, keyof D & keyof A>> & ([R] extends [never] ? unknown : NonNullable<A[R]>);

export function withAttributes<A extends object, const D extends Partial<A> = {}, R extends keyof A = never>(
  options: AttributeOptions<A, D, R>,
  render: (assigns: A) => Rendered,
  compiled?: CompiledAttributes,
): (props: PropsOf<A, D, R>) => Rendered {
  if (compiled === undefined) {
    throw new Error(
      "withAttributes() ran in a file livehtml did not compile: it reads the attribute names from the render's `assigns` type " +
        "at compile time. Compile the file with the livehtml Vite plugin (livehtml/vite), `livehtml compile`, livehtml/register, or compileColocated().",
    );
  }
  const declaration: AttributeDeclaration = {
    ...compiled,
    rest: (options.rest as string | undefined) ?? null,
    defaults: (options.defaults as Readonly<Record<string, unknown>> | undefined) ?? null,
  };
  return (props) => render(declared<A>(declaration, props));
}
