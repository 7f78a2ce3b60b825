// A real redis-server for tests: on a free loopback port, nothing written to disk, stopped by the
// test that started it. `restart()` keeps the port, so clients can reconnect to it.
import { freePort } from "./free-port.ts";
import { startProcess, type Started } from "./process.ts";

const BINARY = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export class RedisServer {
  #process: Started | null = null;

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
    const started = this.#process;
    this.#process = null;
    await started?.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.#spawn();
  }

  async #spawn(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"];
    this.#process = await startProcess(BINARY, args, { ready: /Ready to accept connections/, what: "redis-server (Debian's redis-server package)", timeoutMs: 30_000 });
  }
}
