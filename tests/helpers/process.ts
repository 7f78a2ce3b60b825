// Child processes for tests (redis-server, nginx, server processes): started, awaited until they
// say they are ready, and stopped; killed with the test process if a test forgets or crashes, so
// none outlives its test file.
import { spawn, type ChildProcess } from "node:child_process";

export interface Started {
  readonly child: ChildProcess;
  /** The `ready` match (its groups carry what the process printed, e.g. its port); empty for `"spawned"`. */
  readonly match: RegExpMatchArray | [];
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function startProcess(
  command: string,
  args: readonly string[],
  options: { ready: RegExp | "spawned"; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; what?: string },
): Promise<Started> {
  const what = options.what ?? command;
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => (running.delete(child), resolve())));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(forced);
    }
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${what}: ${message}\n${output}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${options.timeoutMs ?? 10_000} ms`), options.timeoutMs ?? 10_000);
    const onExit = (code: number | null) => fail(`exited with ${code} before it was ready`);
    child.once("error", (error) => fail(`cannot run ${command}: ${error.message}`));
    child.once("exit", onExit);
    const ready = (match: RegExpMatchArray | []) => {
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve({ child, match, output: () => output, stop });
    };
    const { ready: until } = options;
    const onData = (data: Buffer) => {
      output += data;
      const match = until === "spawned" ? null : until.exec(output);
      if (match) ready(match);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    if (until === "spawned") child.once("spawn", () => ready([]));
  });
}
