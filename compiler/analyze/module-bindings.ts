// Names declared at the top level of a TypeScript module or frontmatter: imports, functions,
// classes, variables, enums. Templates may read them without tracking, since they are the
// same on every render. Also tells whether an `Assigns` type is declared.

import ts from "../utils/typescript.cjs";
import { bindingNames } from "./dependencies.ts";
import { declaredAttributes, type DeclaredAttributes } from "./declared-attributes.ts";

export interface ModuleBindings {
  names: Set<string>;
  /** An `Assigns` interface or type alias is declared (the template is typed by it). */
  declaresAssigns: boolean;
  /** The component's declared attributes, when it opts in (a `Rest` property or `defaults`). */
  declared: DeclaredAttributes | null;
}

export function moduleBindings(code: string): ModuleBindings {
  const file = ts.createSourceFile("module.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return bindingsOf(file);
}

export function bindingsOf(file: ts.SourceFile): ModuleBindings {
  const names = new Set<string>();
  let declaresAssigns = false;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bindingNames(declaration.name, names);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === "Assigns") {
      declaresAssigns = true;
    }
  }
  return { names, declaresAssigns, declared: declaresAssigns ? declaredAttributes(file) : null };
}
