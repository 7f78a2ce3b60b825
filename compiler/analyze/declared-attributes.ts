// A component's declared attributes, read from its frontmatter without a type checker:
//
//   export interface Assigns { title: string; size?: "sm" | "md"; rest?: Rest<"form"> }
//   export const defaults = { size: "md" };
//
// Every property of `Assigns` is a declared attribute; one typed `Rest` (or `Rest<"extra" | …>`)
// collects the attributes the caller passes that are not declared, for `{...@rest}`; `defaults`
// fills attributes the caller leaves out; a property that is neither optional nor defaulted is
// required. A component opts in by declaring a `Rest` property or `defaults`: its render then
// builds its assigns from the caller's through `declared()` (runtime/shared/declared.ts), and
// the compiler can check call sites and the template's own reads.

import ts from "../utils/typescript.cjs";

export interface DeclaredAttributes {
  /** Every property of `Assigns`, in order (slots included). */
  names: string[];
  required: string[];
  /** Keys of `defaults`, with their offsets in the frontmatter. */
  defaults: Array<{ name: string; start: number; end: number }>;
  /** The property typed `Rest`, and the extra attribute names its type argument lists. */
  rest: { name: string; extra: string[] } | null;
}

const REST_TYPE = "Rest";

/**
 * The declaration, or null when the component does not opt in (`always`: read the `Assigns`
 * interface anyway, as the table of built-in components does).
 */
export function declaredAttributes(file: ts.SourceFile, options: { always?: boolean } = {}): DeclaredAttributes | null {
  let members: ts.NodeArray<ts.TypeElement> | null = null;
  let defaults: ts.ObjectLiteralExpression | null = null;
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === "Assigns") members = statement.members;
    else if (ts.isTypeAliasDeclaration(statement) && statement.name.text === "Assigns" && ts.isTypeLiteralNode(statement.type)) {
      members = statement.type.members;
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === "defaults" && declaration.initializer) {
          const literal = unwrap(declaration.initializer);
          if (literal && ts.isObjectLiteralExpression(literal)) defaults = literal;
        }
      }
    }
  }
  if (members === null) return null;
  if (defaults === null && !options.always && !members.some(isRestProperty)) return null;
  return declarationOf(members, defaults, file);
}

/**
 * The declaration of an assigns type's `members` with `defaults` (an object literal, or null):
 * what a `.live.html` frontmatter declares, and what a `withAttributes` call does (see
 * with-attributes.ts). Default offsets are `file`'s.
 */
export function declarationOf(members: ts.NodeArray<ts.TypeElement>, defaults: ts.ObjectLiteralExpression | null, file: ts.SourceFile): DeclaredAttributes {
  const names: string[] = [];
  const optional = new Set<string>();
  let rest: DeclaredAttributes["rest"] = null;
  for (const member of members) {
    if (!ts.isPropertySignature(member)) continue;
    const name = propertyName(member.name);
    if (name === null) continue;
    names.push(name);
    if (member.questionToken) optional.add(name);
    const type = member.type;
    if (isRestProperty(member) && type && ts.isTypeReferenceNode(type)) {
      rest = { name, extra: type.typeArguments?.[0] ? stringLiterals(type.typeArguments[0]) : [] };
    }
  }
  const defaultKeys: DeclaredAttributes["defaults"] = [];
  if (defaults) {
    for (const property of defaults.properties) {
      const key = property.name ? propertyName(property.name) : null;
      if (key !== null && property.name) defaultKeys.push({ name: key, start: property.name.getStart(file), end: property.name.end });
    }
  }
  const defaulted = new Set(defaultKeys.map((d) => d.name));
  const required = names.filter((n) => !optional.has(n) && !defaulted.has(n) && n !== rest?.name);
  return { names, required, defaults: defaultKeys, rest };
}

/** A property typed `Rest` or `Rest<"extra" | …>`. */
export function isRestProperty(member: ts.TypeElement): member is ts.PropertySignature {
  const type = ts.isPropertySignature(member) ? member.type : undefined;
  return type !== undefined && ts.isTypeReferenceNode(type) && typeName(type.typeName) === REST_TYPE;
}

/** The name of a property (an identifier, or a string or numeric literal); null for a computed one. */
export function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

/** `{…} as const`, `{…} satisfies T`, `({…})` → the literal. */
export function unwrap(expression: ts.Expression): ts.Expression | null {
  let e: ts.Expression = expression;
  for (;;) {
    if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else return e;
  }
}

function typeName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

/** `"a" | "b"` → ["a", "b"]. */
function stringLiterals(type: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(stringLiterals);
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  return [];
}
