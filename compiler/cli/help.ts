// Help texts: the overview and one page per command, built from the commands' flag tables.
import type { FlagSpecs } from "./args.ts";

export interface CommandInfo {
  name: string;
  usage: string;
  summary: string;
  flags: FlagSpecs;
  examples: string[];
}

export function overview(commands: readonly CommandInfo[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `livehtml ${version}: compile and check .live.html templates`,
    "",
    "Usage: livehtml <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (also `livehtml <command> --help`)",
    "  -v, --version  print the version",
    "",
    "Exit codes: 0 success, 1 errors in templates or types, 2 wrong usage.",
  ].join("\n");
}

export function commandHelp(command: CommandInfo): string {
  const rows = Object.entries(command.flags).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ""}`;
    return [left, spec.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `Usage: livehtml ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    ...rows.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`),
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${e}`),
  ].join("\n");
}
