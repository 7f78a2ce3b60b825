// Syntax checking of every embedded expression and binding pattern with TypeScript's parser.
//
// Creating one TypeScript source file per expression costs far more than scanning it, so all of
// a template's expressions are first parsed together as one synthetic file, each wrapped on its
// own statement. Only when that batch reports a problem (rare: the template has a mistake) is
// each piece parsed alone, so that one broken expression cannot blame its neighbours.
import ts from "../../utils/typescript.cjs";
import type { TypeScriptTrees } from "./trees.ts";

export interface CheckItem {
  start: number;
  end: number;
  /** `expression`: `{expr}`; `pattern`: a binding such as `{ id, name }` in `:for` or `:let`. */
  kind: "expression" | "pattern";
}

// TypeScript's parser recurses once per nesting level; code nested a few thousand levels deep
// (`((((…))))`) exhausts the call stack. Such code cannot be compiled anyway, so it is reported
// instead of crashing the parse.
const TOO_DEEP: unique symbol = Symbol("too deep");
const TOO_DEEP_MESSAGE = "code is nested too deeply to be parsed";

function tooDeep<T>(run: () => T): T | typeof TOO_DEEP {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return TOO_DEEP;
    throw error;
  }
}

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** The TypeScript diagnostic code, e.g. 1002 for an unterminated string literal. */
  tsCode: number;
}

// Each piece becomes one statement. The newline before the closing `)` keeps a trailing
// `// comment` inside the piece from swallowing the wrapper.
const WRAP = {
  expression: { open: "(", close: "\n);\n" },
  pattern: { open: "(function(", close: "\n){});\n" },
} as const;

// `@name` is not TypeScript; `$name` has the same length, so offsets map back one to one.
const AT_NAME = /@(?=[\p{ID_Start}_$\\])/gu;

function substituteAssigns(code: string): string {
  return code.indexOf("@") === -1 ? code : code.replace(AT_NAME, "$$");
}

function parseDiagnostics(file: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  // `parseDiagnostics` is filled by createSourceFile but is not in the public typings; the
  // public route (a Program) would type-check as well, which costs far more.
  return (file as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** Problems of `items`; when there are none, each parsed item's tree is kept in `trees`. */
export function checkSyntax(source: string, items: readonly CheckItem[], trees?: TypeScriptTrees): Array<SyntaxProblem> {
  if (items.length === 0) return [];
  if (tooDeep(() => batchIsClean(source, items, trees)) === true) return [];
  const problems: SyntaxProblem[] = [];
  for (const item of items) {
    const problem = checkOne(source, item);
    if (problem) problems.push(problem);
  }
  return problems;
}

// JSDoc is irrelevant to syntax errors; skipping it makes TypeScript's parser faster.
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

// Expressions that are certainly valid need no parse: a chain of names (`@user.name`, `row.id`),
// a number, or a plain string. Most template expressions are one of these.
const NAME_CHAIN = /^[$A-Za-z_][\w$]*(?:\??\.[$A-Za-z_][\w$]*)*$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const PLAIN_STRING = /^(?:"[^"\\\n\r]*"|'[^'\\\n\r]*')$/;
// A reserved word alone is not an expression (`{class}`), so a chain may not start with one.
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function " +
    "if import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await").split(" "),
);

function certainlyValid(code: string): boolean {
  if (NUMBER.test(code) || PLAIN_STRING.test(code)) return true;
  if (!NAME_CHAIN.test(code)) return false;
  const first = /^[$\w]+/.exec(code)![0];
  // `this`, `true`, `false`, `null` are fine alone; other reserved words are not.
  return !RESERVED.has(first) || first === "this" || first === "true" || first === "false" || first === "null";
}

function batchIsClean(source: string, items: readonly CheckItem[], trees: TypeScriptTrees | undefined): boolean {
  const parts: string[] = [];
  const ends: number[] = [];
  const kinds: CheckItem["kind"][] = [];
  /** Per distinct piece: where its code starts in the batch, and the code as written. */
  const pieces: Array<{ base: number; code: string }> = [];
  /** Per item (null when not parsed), the index of its distinct piece. */
  const pieceOf: Array<number | null> = [];
  // Templates repeat expressions (`@user.name`, `row.id`); each distinct text is parsed once.
  const seen = new Map<string, number>();
  let length = 0;
  for (const item of items) {
    const w = WRAP[item.kind];
    const written = source.slice(item.start, item.end);
    const code = substituteAssigns(written);
    if (item.kind === "expression" && certainlyValid(code)) {
      pieceOf.push(null);
      continue;
    }
    const key = item.kind === "expression" ? written : "\u0000" + written;
    const known = seen.get(key);
    if (known !== undefined) {
      pieceOf.push(known);
      continue;
    }
    seen.set(key, pieces.length);
    pieceOf.push(pieces.length);
    pieces.push({ base: length + w.open.length, code: written });
    parts.push(w.open, code, w.close);
    length += w.open.length + code.length + w.close.length;
    ends.push(length - 1); // statement ends before the trailing newline
    kinds.push(item.kind);
  }
  if (kinds.length === 0) return true;
  // Parent links: analysis walks up from identifiers (member paths, references).
  const file = ts.createSourceFile("expressions.ts", parts.join(""), PARSE_OPTIONS, trees !== undefined, ts.ScriptKind.TS);
  if (parseDiagnostics(file).length > 0) return false;
  if (file.statements.length !== kinds.length) return false;
  for (let i = 0; i < kinds.length; i++) {
    const statement = file.statements[i]!;
    if (statement.end !== ends[i] || !hasExpectedShape(statement, kinds[i]!)) return false;
  }
  if (trees) {
    items.forEach((item, i) => {
      const index = pieceOf[i];
      if (index === null || index === undefined) return;
      const piece = pieces[index]!;
      trees.set(item.start, item.end, { node: pieceNode(file.statements[index]!, kinds[index]!), file, base: piece.base, code: piece.code });
    });
  }
  return true;
}

/** The piece inside its wrapper statement: the expression, or the pattern's binding name. */
function pieceNode(statement: ts.Statement, kind: CheckItem["kind"]): ts.Node {
  const outer = (statement as ts.ExpressionStatement).expression as ts.ParenthesizedExpression;
  return kind === "expression" ? outer.expression : (outer.expression as ts.FunctionExpression).parameters[0]!.name;
}

function checkOne(source: string, item: CheckItem): SyntaxProblem | null {
  const w = WRAP[item.kind];
  const code = substituteAssigns(source.slice(item.start, item.end));
  const file = tooDeep(() => ts.createSourceFile("expression.ts", w.open + code + w.close, PARSE_OPTIONS, false, ts.ScriptKind.TS));
  if (file === TOO_DEEP) return { start: item.start, end: item.end, message: TOO_DEEP_MESSAGE, tsCode: 0 };
  const toSource = (offset: number) => item.start + Math.max(0, Math.min(code.length, offset - w.open.length));
  const first = parseDiagnostics(file)[0];
  if (first) {
    const start = toSource(first.start);
    const end = Math.max(start, toSource(first.start + first.length));
    return { start, end, message: ts.flattenDiagnosticMessageText(first.messageText, " "), tsCode: first.code };
  }
  const statement = file.statements[0];
  if (file.statements.length === 1 && statement && hasExpectedShape(statement, item.kind)) return null;
  return {
    start: item.start,
    end: item.end,
    message: item.kind === "expression" ? "expected a single expression" : "expected a single binding pattern",
    tsCode: 0,
  };
}

function hasExpectedShape(statement: ts.Statement, kind: CheckItem["kind"]): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const outer = statement.expression;
  if (!ts.isParenthesizedExpression(outer)) return false;
  if (kind === "expression") return true;
  const fn = outer.expression;
  return ts.isFunctionExpression(fn) && fn.parameters.length === 1 && !fn.parameters[0]!.dotDotDotToken;
}

/** Parse problems of the `---` frontmatter, at offsets into the template; its tree goes to `trees`. */
export function checkFrontmatter(code: string, contentStart: number, filename: string, trees?: TypeScriptTrees): SyntaxProblem[] {
  const file = tooDeep(() => ts.createSourceFile(filename + ".ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  if (file === TOO_DEEP) {
    return [{ start: contentStart, end: contentStart + code.length, message: TOO_DEEP_MESSAGE, tsCode: 0 }];
  }
  if (trees) trees.frontmatter = file;
  return parseDiagnostics(file).map((d) => ({
    start: contentStart + d.start,
    end: contentStart + d.start + d.length,
    message: ts.flattenDiagnosticMessageText(d.messageText, " "),
    tsCode: d.code,
  }));
}
