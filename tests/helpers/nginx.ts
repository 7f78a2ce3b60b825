// A real nginx for tests: one process (`daemon off`, `master_process off`) with its config, pid
// file and temp folders in a temp dir, listening on a free loopback port; the test writes the
// `http { … }` body.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.ts";
import { startProcess, type Started } from "./process.ts";

const BINARY = process.env.NGINX ?? "/usr/sbin/nginx";

export class Nginx {
  private constructor(
    readonly port: number,
    readonly dir: string,
    readonly process: Started,
  ) {}

  /** `http(port)` returns the directives inside `http { }`, its `server` listening on `127.0.0.1:${port}`. */
  static async start(http: (port: number) => string): Promise<Nginx> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "livehtml-nginx-"));
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`).join("\n");
    writeFileSync(
      join(dir, "nginx.conf"),
      `daemon off;\nmaster_process off;\nworker_processes 1;\npid ${join(dir, "nginx.pid")};\nerror_log stderr warn;\n` +
        `events { worker_connections 256; }\nhttp {\n  access_log off;\n${temp}\n${http(port)}\n}\n`,
    );
    // nginx prints nothing when it is ready: `-t` checks the config first (its errors are
    // clearer than a timeout), then the port is polled.
    const check = spawnSync(BINARY, ["-t", "-q", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
    if (check.error) throw new Error(`cannot run ${BINARY} (install Debian's nginx): ${check.error.message}`);
    if (check.status !== 0) throw new Error(`nginx rejected its config:\n${check.stderr}`);
    const started = await startProcess(BINARY, ["-p", dir, "-c", join(dir, "nginx.conf")], { ready: "spawned", what: "nginx" });
    await untilListening(port, started);
    return new Nginx(port, dir, started);
  }

  async stop(): Promise<void> {
    await this.process.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function untilListening(port: number, started: Started): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (started.child.exitCode !== null) throw new Error(`nginx exited with ${started.child.exitCode}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`nginx is not listening on ${port} after 30 s:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
