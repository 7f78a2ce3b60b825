// `livehtml new <dir>`: writes a small working app into a new (or empty) directory.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs, UsageError, type FlagSpecs } from "../args.ts";
import { displayPath, paint, type Output } from "../output.ts";
import { scaffoldFiles, type ScaffoldVersions } from "../scaffold/files.ts";

export const NEW_FLAGS: FlagSpecs = {
  help: { type: "boolean", short: "h", description: "show this help" },
};

export async function runNew(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs(argv, NEW_FLAGS, "new");
  if (args.positionals.length !== 1) throw new UsageError(`expected one directory for the new app, got ${args.positionals.length}`, "new");
  const dir = resolve(args.positionals[0]!);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${displayPath(dir)} already exists and is not empty`, "new");
  const name = packageName(basename(dir));
  const files = scaffoldFiles(name, versions());
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  output.out(`${paint(output, "green", "✓")} created ${name} in ${displayPath(dir)} (${Object.keys(files).length} files)`);
  output.out("");
  output.out(`  cd ${displayPath(dir)}`);
  output.out("  npm install");
  output.out("  npm run dev      # http://localhost:4000");
  return 0;
}

/** npm package names are lower case, without spaces. */
function packageName(dirName: string): string {
  return dirName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "") || "livehtml-app";
}

/** The versions livehtml itself is built and tested with (its own package.json). */
function versions(): ScaffoldVersions {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve("livehtml/package.json"), "utf8")) as {
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const of = (name: string) => pkg.dependencies[name] ?? pkg.devDependencies[name] ?? "latest";
  return { livehtml: pkg.version, typescript: of("typescript"), vite: of("vite"), tsx: of("tsx"), typesNode: of("@types/node") };
}
