// The `livehtml` command line: `compile`, `check`, `dev` and `new`. Exit codes: 0 success, 1 errors
// found in templates or types, 2 wrong usage. Commands load the compiler (and TypeScript) only
// when they need it, so help and usage errors answer at once.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs, UsageError } from "./args.ts";
import { closest } from "../diagnostics/suggest.ts";
import { commandHelp, overview, type CommandInfo } from "./help.ts";
import { consoleOutput, paint, type Output } from "./output.ts";
import { COMPILE_FLAGS, runCompile } from "./commands/compile.ts";
import { CHECK_FLAGS, runCheck } from "./commands/check.ts";
import { DEV_FLAGS, runDev } from "./commands/dev.ts";
import { NEW_FLAGS, runNew } from "./commands/new.ts";

interface Command extends CommandInfo {
  run(argv: readonly string[], output: Output): Promise<number>;
}

const COMMANDS: readonly Command[] = [
  {
    name: "compile",
    usage: "compile <files|dirs|globs…> [--out-dir <dir>] [--lang ts|js] [--sourcemap] [--watch]",
    summary: "compile templates to modules under --out-dir: x.live.html → x.live.html.ts (or .js), and .ts files with live`…` templates",
    flags: COMPILE_FLAGS,
    examples: ["livehtml compile src --out-dir build", 'livehtml compile "src/**/*.live.html" --lang js --out-dir build --sourcemap', "livehtml compile src --watch"],
    run: runCompile,
  },
  {
    name: "check",
    usage: "check [--project <tsconfig.json>] [--watch] [files…]",
    summary: "type-check templates through their generated TypeScript, reporting errors at template positions",
    flags: CHECK_FLAGS,
    examples: ["livehtml check", "livehtml check --project examples/tsconfig.json", "livehtml check src/card.live.html", "livehtml check --watch"],
    run: runCheck,
  },
  {
    name: "dev",
    usage: "dev [--port <n>] [--root <dir>] [entry]",
    summary: "start the development server: the app's entry (default src/server.ts, src/app.ts, server.ts or app.ts) behind Vite with the livehtml plugin",
    flags: DEV_FLAGS,
    examples: ["livehtml dev", "livehtml dev --port 3000 src/server.ts"],
    run: runDev,
  },
  {
    name: "new",
    usage: "new <dir>",
    summary: "create an app: a live view with its template and test, Vite, TypeScript, and scripts dev, build, start, test",
    flags: NEW_FLAGS,
    examples: ["livehtml new my-app"],
    run: runNew,
  },
];

const TOP_FLAGS = {
  help: { type: "boolean", short: "h", description: "show help" },
  version: { type: "boolean", short: "v", description: "print the version" },
} as const;

export async function main(argv: readonly string[], output: Output = consoleOutput()): Promise<number> {
  try {
    return await dispatch(argv, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${paint(output, "red", "error:")} ${error.message}`);
      output.err(`Run \`livehtml ${error.command ? `${error.command} ` : ""}--help\` for usage.`);
      return 2;
    }
    // Not the user's mistake: say so plainly rather than dump a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`${paint(output, "red", "error:")} ${message}`);
    if (process.env.LIVEHTML_DEBUG && error instanceof Error && error.stack) output.err(error.stack);
    return 1;
  }
}

async function dispatch(argv: readonly string[], output: Output): Promise<number> {
  const name = argv[0];
  if (name === undefined || name.startsWith("-")) {
    const args = parseArgs(argv, TOP_FLAGS);
    if (args.flags.version) {
      output.out(version());
      return 0;
    }
    if (args.positionals.length > 0) return dispatch(args.positionals, output);
    output.out(overview(COMMANDS, version()));
    // Plain `livehtml` is a request for help; it is not a success either.
    return args.flags.help ? 0 : 2;
  }
  if (name === "help") {
    const topic = COMMANDS.find((c) => c.name === argv[1]);
    output.out(topic ? commandHelp(topic) : overview(COMMANDS, version()));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const suggestion = closest(name, COMMANDS.map((c) => c.name));
    throw new UsageError(`unknown command "${name}"${suggestion ? `; did you mean \`livehtml ${suggestion}\`?` : ""}`);
  }
  const rest = argv.slice(1);
  if (rest.includes("--help") || rest.includes("-h")) {
    output.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    // Usage errors found deep inside a command (a missing file) still point at its help.
    if (error instanceof UsageError && error.command === undefined) throw new UsageError(error.message, command.name);
    throw error;
  }
}

function version(): string {
  // By the package's own name: this file runs from the sources, from dist/ and bundled into dist/cli.mjs.
  const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("livehtml/package.json"), "utf8")) as { version: string };
  return pkg.version;
}
