// Command-line flags: `--name value`, `--name=value`, boolean `--name`, `--` ending the flags.
// An unknown flag is a usage error that names the closest known flag.
import { closest } from "../diagnostics/suggest.ts";

export interface FlagSpec {
  readonly type: "boolean" | "string";
  /** One-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  /** Allowed values of a string flag. */
  readonly choices?: readonly string[];
  readonly description: string;
  /** Shown after the flag in help, e.g. `<dir>`. */
  readonly placeholder?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at, if any. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export function parseArgs(argv: readonly string[], specs: FlagSpecs, command?: string): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const written = eq === -1 ? arg : arg.slice(0, eq);
    const name = flagName(written, specs, command);
    const spec = specs[name]!;
    if (spec.type === "boolean") {
      if (eq !== -1) throw new UsageError(`${written} takes no value`, command);
      flags[name] = true;
      continue;
    }
    let value: string | undefined = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (value === undefined || (value.startsWith("-") && value !== "-")) {
        throw new UsageError(`${written} needs a value${spec.placeholder ? ` ${spec.placeholder}` : ""}`, command);
      }
      i++;
    }
    value = value!;
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`invalid value "${value}" for ${written}: expected one of ${spec.choices.join(", ")}`, command);
    }
    flags[name] = value;
  }
  return { positionals, flags };
}

function flagName(written: string, specs: FlagSpecs, command: string | undefined): string {
  if (written.startsWith("--")) {
    const name = written.slice(2);
    if (Object.hasOwn(specs, name)) return name;
  } else if (written.length === 2) {
    const letter = written[1];
    const found = Object.entries(specs).find(([, s]) => s.short === letter);
    if (found) return found[0];
  }
  const known = Object.keys(specs).map((n) => `--${n}`);
  const suggestion = closest(written.startsWith("--") ? written : `--${written.replace(/^-+/, "")}`, known);
  const where = command ? ` for \`livehtml ${command}\`` : "";
  throw new UsageError(`unknown flag ${written}${where}${suggestion ? `; did you mean ${suggestion}?` : ""}`, command);
}

/** The value of a string flag, or undefined. */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags[name];
  return typeof v === "string" ? v : undefined;
}

export function booleanFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags[name] === true;
}
