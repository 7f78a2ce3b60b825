// The components a `.ts` file declares with `withAttributes` (runtime/shared/with-attributes.ts):
//
//   interface ButtonAssigns { kind: "primary" | "plain"; label: string; rest: Rest<"type"> }
//   export const button = withAttributes({ defaults: { kind: "plain" }, rest: "rest" }, (assigns: ButtonAssigns) =>
//     live`<button class={"btn-" + @kind} {...@rest}>{@label}</button>`);
//
// The declaration is read as a `.live.html` frontmatter's is (declared-attributes.ts): every
// property of the render's `assigns` type is an attribute, the keys of `defaults` are optional,
// `rest` names the property typed `Rest`. The type must be written in the same file (an
// interface, a type alias of an object type, or the literal itself): the compiler reads it
// without a type checker. The file's templates then check the component's own reads and every
// call of it, and the compiled call receives the names as its third argument.

import ts from "../utils/typescript.cjs";
import type { Args } from "../diagnostics/catalogue.ts";
import { declarationOf, isRestProperty, propertyName, unwrap, type DeclaredAttributes } from "./declared-attributes.ts";
import type { KnownComponent } from "./component-calls.ts";

export const WITH_ATTRIBUTES = "withAttributes";

export interface AttributeComponent {
  /** The variable it is assigned to (`const button = withAttributes(…)`): how templates call it. */
  name: string | null;
  exported: boolean;
  declared: DeclaredAttributes;
  /** The render function's extent: templates inside it are this component's. */
  renderStart: number;
  renderEnd: number;
  /** Where the compiled third argument goes (just after the render). */
  insertAt: number;
}

export type DeclarationReport = (code: "LH0514" | "LH0515", args: Args, start: number, end: number) => void;

/** Every `withAttributes(options, render)` call of the file (malformed ones are reported and skipped). */
export function attributeComponents(file: ts.SourceFile, report: DeclarationReport): AttributeComponent[] {
  const types = new Map<string, ts.NodeArray<ts.TypeElement>>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) types.set(statement.name.text, statement.members);
    else if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) types.set(statement.name.text, statement.type.members);
  }
  const found: AttributeComponent[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === WITH_ATTRIBUTES) {
      const component = readCall(node, file, types, report);
      if (component) found.push(component);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The file's components by the names its templates call them. */
export function knownComponents(components: readonly AttributeComponent[]): Map<string, KnownComponent> {
  const known = new Map<string, KnownComponent>();
  for (const c of components) if (c.name !== null) known.set(c.name, knownOf(c.declared));
  return known;
}

export function knownOf(declared: DeclaredAttributes): KnownComponent {
  return { names: declared.names, required: declared.required, rest: declared.rest };
}

/** The compiled third argument: the component's name (for errors) and what its type declares. */
export function compiledArgument(component: AttributeComponent): string {
  const { names, required } = component.declared;
  return JSON.stringify({ component: component.name ?? "component", names, required });
}

function readCall(call: ts.CallExpression, file: ts.SourceFile, types: Map<string, ts.NodeArray<ts.TypeElement>>, report: DeclarationReport): AttributeComponent | null {
  const at = (node: ts.Node, what: string): null => {
    report("LH0514", { what }, node.getStart(file), node.end);
    return null;
  };
  const [optionsArg, render] = call.arguments;
  if (call.arguments.length > 2) return null; // already compiled, or written by hand
  const options = optionsArg && unwrap(optionsArg);
  if (!options || !ts.isObjectLiteralExpression(options)) return at(optionsArg ?? call, "takes its options as an object literal ({ defaults, rest })");
  if (!render || !(ts.isArrowFunction(render) || ts.isFunctionExpression(render))) return at(render ?? call, "takes its render as a function written in place");
  const parameter = render.parameters[0];
  if (!parameter || !ts.isIdentifier(parameter.name) || parameter.name.text !== "assigns") return at(parameter ?? render, "needs a render whose parameter is `assigns`");
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  const type = parameter.type;
  if (type && ts.isTypeLiteralNode(type)) members = type.members;
  else if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) members = types.get(type.typeName.text);
  if (!members) return at(type ?? parameter, "needs `assigns` typed by an interface or object type written in this file, to read its attributes from");

  let defaults: ts.ObjectLiteralExpression | null = null;
  let restName: { name: string; node: ts.Node } | null = null;
  for (const property of options.properties) {
    const key = property.name ? propertyName(property.name) : null;
    if (!ts.isPropertyAssignment(property) || key === null) return at(property, "takes only `defaults` and `rest` in its options, written out");
    const value = unwrap(property.initializer);
    if (key === "defaults") {
      if (!value || !ts.isObjectLiteralExpression(value)) return at(property.initializer, "takes `defaults` as an object literal");
      defaults = value;
    } else if (key === "rest") {
      if (!value || !ts.isStringLiteral(value)) return at(property.initializer, "takes `rest` as the name of a property, in quotes");
      restName = { name: value.text, node: value };
    } else return at(property, `has no option \`${key}\` (it takes \`defaults\` and \`rest\`)`);
  }

  const declared = declarationOf(members, defaults, file);
  const restProperty = members.find(isRestProperty);
  const restPropertyName = restProperty ? propertyName(restProperty.name) : null;
  if (restName === null && restPropertyName !== null) {
    report("LH0515", { name: restPropertyName, reason: "is typed `Rest` but the options do not name it" }, restProperty!.getStart(file), restProperty!.end);
    return null;
  }
  if (restName !== null && restName.name !== restPropertyName) {
    const declaredThere = declared.names.includes(restName.name);
    report("LH0515", { name: restName.name, reason: declaredThere ? "is not typed `Rest`" : "is not a property of the `assigns` type" }, restName.node.getStart(file), restName.node.end);
    return null;
  }

  const variable = ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent : null;
  const statement = variable?.parent?.parent;
  const exported = statement !== undefined && ts.isVariableStatement(statement) && (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
  return {
    name: variable ? (variable.name as ts.Identifier).text : null,
    exported,
    declared,
    renderStart: render.getStart(file),
    renderEnd: render.end,
    insertAt: render.end,
  };
}
