// Call-site checks for a template's own components, as for the built-in ones: a `.live.html`
// component the frontmatter imports (`import card from "./card.live.html"`) that declares its
// attributes (a `Rest` property or `defaults`, see analyze/declared-attributes.ts) has every
// `<.card>` call checked when the template compiles: an attribute it neither declares nor takes
// as a rest attribute, or a missing required one, is an error at the call. The tools that
// compile from files (the Vite plugin, the loader, the CLI) give `compile` a way to read the
// imported files; without one, only `livehtml check` (through TypeScript) sees such mistakes.
import { readFileSync } from "node:fs";
import ts from "./utils/typescript.cjs";
import { parse } from "./parse/index.ts";
import { declaredAttributes } from "./analyze/declared-attributes.ts";
import type { KnownComponent } from "./analyze/component-calls.ts";

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
  const found = new Map<string, KnownComponent>();
  const file = ts.createSourceFile("frontmatter.ts", frontmatter, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const local = statement.importClause?.name?.text;
    const specifier = statement.moduleSpecifier.text;
    if (!local || statement.importClause?.isTypeOnly || !specifier.startsWith(".") || !specifier.endsWith(".live.html")) continue;
    const known = declarationOf(joinPath(filename, specifier), read);
    if (known) found.set(local, known);
  }
  return found;
}

function declarationOf(path: string, read: ReadImport): KnownComponent | null {
  const source = read(path);
  if (source === null) return null;
  const front = parse(source, { filename: path }).ast.frontmatter;
  if (!front) return null;
  const declaration = declaredAttributes(ts.createSourceFile(path, front.code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return declaration && { names: declaration.names, required: declaration.required, rest: declaration.rest };
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
