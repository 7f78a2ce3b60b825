// Call-site checks for a template's own components, as for the built-in ones: a `.live.html`
// component the frontmatter imports (`import card from "./card.live.html"`) that declares its
// attributes (a `Rest` property or `defaults`, see analyze/declared-attributes.ts), or a
// `withAttributes` component a `.ts` file exports (`import { card } from "./cards.ts"`, see
// analyze/with-attributes.ts), has every `<.card>` call checked when the template compiles: an attribute it neither declares nor takes
// as a rest attribute, or a missing required one, is an error at the call. The tools that
// compile from files (the Vite plugin, the loader, the CLI) give `compile` a way to read the
// imported files; without one, only `livehtml check` (through TypeScript) sees such mistakes.
import { readFileSync } from "node:fs";
import ts from "./utils/typescript.cjs";
import { parse } from "./parse/index.ts";
import { declaredAttributes } from "./analyze/declared-attributes.ts";
import type { KnownComponent } from "./analyze/component-calls.ts";
import { attributeComponents, knownOf, WITH_ATTRIBUTES } from "./analyze/with-attributes.ts";

/** Reads an imported template by its absolute path; null when it cannot be read. */
export type ReadImport = (path: string) => string | null;

/** Reads from the file system (what the tools that compile files pass to `compile`). */
export const readImportFromDisk: ReadImport = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // a missing import is reported where it is resolved, not here
  }
};

/** The checkable components the frontmatter imports, by local name. */
export function importedComponents(frontmatter: string, filename: string, read: ReadImport): Map<string, KnownComponent> {
  return componentsImportedBy(ts.createSourceFile("frontmatter.ts", frontmatter, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS), filename, read);
}

/**
 * The checkable components a module imports, by local name: the default import of a `.live.html`
 * file, and named imports of `withAttributes` components exported by a `.ts` file.
 */
export function componentsImportedBy(file: ts.SourceFile, filename: string, read: ReadImport): Map<string, KnownComponent> {
  const found = new Map<string, KnownComponent>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    const specifier = statement.moduleSpecifier.text;
    if (!clause || clause.isTypeOnly || !specifier.startsWith(".")) continue;
    const path = joinPath(filename, specifier);
    if (specifier.endsWith(".live.html")) {
      const known = clause.name ? declarationOf(path, read) : null;
      if (known) found.set(clause.name!.text, known);
    } else if ((/\.[cm]?[jt]s$/.test(specifier) || !/\.\w+$/.test(specifier)) && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      const exported = attributeComponentsOf(path, read);
      for (const element of clause.namedBindings.elements) {
        const known = !element.isTypeOnly && exported.get((element.propertyName ?? element.name).text);
        if (known) found.set(element.name.text, known);
      }
    }
  }
  return found;
}

function declarationOf(path: string, read: ReadImport): KnownComponent | null {
  const source = read(path);
  if (source === null) return null;
  const front = parse(source, { filename: path }).ast.frontmatter;
  if (!front) return null;
  const declaration = declaredAttributes(ts.createSourceFile(path, front.code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return declaration && knownOf(declaration);
}

/** The `withAttributes` components a `.ts` file exports (a `.js` specifier, or none, names its `.ts` source). */
function attributeComponentsOf(path: string, read: ReadImport): Map<string, KnownComponent> {
  const source = /\.\w+$/.test(path) ? read(path) ?? read(path.replace(/\.([cm]?)js$/, ".$1ts")) : read(`${path}.ts`);
  const found = new Map<string, KnownComponent>();
  if (source === null || !source.includes(WITH_ATTRIBUTES)) return found;
  // A mistake in the imported file is reported when that file compiles, not at every importer.
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const c of attributeComponents(file, () => {})) if (c.exported && c.name !== null) found.set(c.name, knownOf(c.declared));
  return found;
}

/** `specifier` relative to the directory of `importer` (both with forward or back slashes). */
function joinPath(importer: string, specifier: string): string {
  const parts = importer.replace(/\\/g, "/").split("/");
  parts.pop();
  for (const piece of specifier.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}
