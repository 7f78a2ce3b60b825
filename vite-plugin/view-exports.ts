// The exported bindings of a module, read from its syntax (TypeScript's parser, which the
// compiler already depends on): the hot plugin registers those that turn out to be views.
import ts from "../compiler/utils/typescript.cjs";

export interface ExportedBinding {
  /** The name importers use (`default` for a default export). */
  exported: string;
  /** The local identifier that holds the value. */
  local: string;
}

/**
 * `export const A = …`, `export let/var`, `export function/class`, `export { a as b }` and
 * `export default name`. Re-exports from other modules (`export … from`) and default exports
 * of expressions are left out: they are not bindings of this module that code can refer to.
 */
export function exportedBindings(source: string, filename: string): ExportedBinding[] {
  const kind = /\.[cm]?tsx?$/.test(filename) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, false, kind);
  const out: ExportedBinding[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) out.push({ exported: decl.name.text, local: decl.name.text });
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name && isExported(statement)) {
      const isDefault = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      out.push({ exported: isDefault ? "default" : statement.name.text, local: statement.name.text });
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) {
        if (!spec.isTypeOnly) out.push({ exported: spec.name.text, local: (spec.propertyName ?? spec.name).text });
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      out.push({ exported: "default", local: statement.expression.text });
    }
  }
  return out;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}
