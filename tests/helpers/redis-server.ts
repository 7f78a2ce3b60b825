// A real redis-server for tests: on a free loopback port, nothing written to disk, stopped by the
// test that started it. `restart()` keeps the port, so clients can reconnect to it.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port.ts";

const BINARY = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export class RedisServer {
  #process: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.#spawn();
    return server;
  }

  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(forced);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.#spawn();
  }

  #spawn(): Promise<void> {
    const child = spawn(
      BINARY,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#process = child;
    let output = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(error);
      };
      child.once("error", (error) => fail(new Error(`cannot run ${BINARY} (install Debian's redis-server): ${error.message}`)));
      child.once("exit", (code) => fail(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
      const onData = (data: Buffer) => {
        output += data;
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          child.removeAllListeners("exit");
          child.stdout!.off("data", onData);
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (data: Buffer) => (output += data));
    });
  }
}
