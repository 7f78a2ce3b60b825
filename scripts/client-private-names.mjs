// The names of the client's private class members that the minifier may shorten (esbuild
// `mangleProps`). esbuild renames a property everywhere it appears, so a name qualifies only
// when the sources use it as nothing else: every occurrence is its `private` declaration or a
// `this.name` access, never a property of another object (a DOM or wire field, `history.x`), an
// object-literal key, a destructured field, a type member or a string. A member made private
// later is picked up by itself; one used any other way is simply left alone.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** `.ts` files under `dirs` (the client and the shared code it bundles). */
function sources(dirs) {
  const out = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) out.push(...sources([path]));
      else if (name.endsWith(".ts")) out.push(path);
    }
  }
  return out;
}

export function privateNames(dirs) {
  const declared = new Set();
  const usedOtherwise = new Set();
  const isPrivate = (node) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
  const visit = (node) => {
    const named = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null;
    if (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isParameter(node)) {
      if (named && isPrivate(node)) declared.add(named);
      else if (named && !ts.isParameter(node)) usedOtherwise.add(named);
    } else if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind !== ts.SyntaxKind.ThisKeyword) usedOtherwise.add(node.name.text);
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node)) {
      if (named) usedOtherwise.add(named);
    } else if (ts.isBindingElement(node)) {
      usedOtherwise.add((node.propertyName ?? node.name).getText());
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      usedOtherwise.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of sources(dirs)) visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  return [...declared].filter((name) => !usedOtherwise.has(name)).sort();
}
