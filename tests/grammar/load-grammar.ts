// Loads grammar/livehtml.tmLanguage.json into vscode-textmate (with the Oniguruma wasm) and
// tokenizes whole documents, so grammar tests can ask "which scopes does this piece of text get?".
//
// The real TypeScript, JavaScript and CSS grammars are not installed, so tests register small
// stand-ins from fixtures/stub-grammars/. They scope just enough (strings, keywords, parentheses)
// to show that embedded code really is handed to the embedded grammar.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import textmate from "vscode-textmate";
import type { IGrammar, IRawGrammar, StateStack } from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const GRAMMAR_PATH = here("../../grammar/livehtml.tmLanguage.json");
export const ROOT_SCOPE = "text.html.livehtml";
const STUB_SCOPES = ["source.ts", "source.js", "source.css"] as const;

let wasmLoaded: Promise<void> | null = null;
function loadOniguruma(): Promise<void> {
  // The wasm can be loaded once per process; every registry shares it.
  wasmLoaded ??= oniguruma.loadWASM(readFileSync(here("../../node_modules/vscode-oniguruma/release/onig.wasm")).buffer);
  return wasmLoaded;
}

function readRawGrammar(path: string): IRawGrammar {
  return textmate.parseRawGrammar(readFileSync(path, "utf8"), path);
}

/** Loads the livehtml grammar; `withStubs: false` leaves source.ts/js/css unresolved. */
export async function loadLivehtmlGrammar(options: { withStubs: boolean }): Promise<IGrammar> {
  await loadOniguruma();
  const files = new Map<string, string>([[ROOT_SCOPE, GRAMMAR_PATH]]);
  if (options.withStubs) {
    for (const scope of STUB_SCOPES) files.set(scope, here(`./fixtures/stub-grammars/${scope}.json`));
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files.get(scopeName);
      return path ? readRawGrammar(path) : null;
    },
  });
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (!grammar) throw new Error(`the registry could not load ${ROOT_SCOPE} from ${GRAMMAR_PATH}`);
  return grammar;
}

export interface Token {
  text: string;
  /** Scopes from outermost to innermost, without the root scope. */
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
}

export function tokenizeDocument(grammar: IGrammar, source: string): TokenizedLine[] {
  let state: StateStack = textmate.INITIAL;
  return source.split("\n").map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({
      text: text.slice(t.startIndex, t.endIndex),
      scopes: t.scopes.filter((s) => s !== ROOT_SCOPE),
    }));
    return { text, tokens };
  });
}

/**
 * The token that starts exactly where `needle` starts, on the first line containing `lineMarker`
 * (the `nth` occurrence of `needle` on that line, counted from 0). Throws with the line's tokens
 * when there is no such token, so a failing test shows how the line was actually split.
 */
export function tokenAt(lines: TokenizedLine[], lineMarker: string, needle: string, nth = 0): Token {
  const line = lines.find((l) => l.text.includes(lineMarker));
  if (!line) throw new Error(`no line contains ${JSON.stringify(lineMarker)}`);
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = line.text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} #${nth} not found in ${JSON.stringify(line.text)}`);
  }
  let offset = 0;
  for (const token of line.tokens) {
    if (offset === index) return token;
    offset += token.text.length;
  }
  const dump = line.tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(" ")}`).join("\n  ");
  throw new Error(`no token starts at ${JSON.stringify(needle)} in ${JSON.stringify(line.text)}:\n  ${dump}`);
}
