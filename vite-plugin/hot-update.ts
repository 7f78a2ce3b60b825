// `livehtml:hot-update` (dev server): what an edit does to connected views.
//
// - A `.live.html` edit is compiled first. Errors go to Vite's overlay (the HMR `error` payload)
//   and to the terminal; the views keep their last good template. Otherwise the template module
//   is evaluated again in the server environment (it re-registers under its id, see
//   hot-wrap.ts) and every connected view using it re-renders in place, state kept: the client
//   receives a diff over its live socket.
// - An edit of a module that defines views evaluates it again and remounts its views.
// - Neither reloads the page. Vite would: it full-reloads the client for any changed `*.html`
//   file that no client module imports, which a server-side template is. The client
//   environment's step of such an update is therefore skipped (see `skipClientReload`).
import type { DevEnvironment, EnvironmentModuleNode, HotUpdateOptions, Plugin, ViteDevServer } from "vite";
import { isRunnableDevEnvironment } from "vite";
import { compile } from "../compiler/compile.ts";
import { enableHot, hasTemplate, remountViews, replaceTemplate } from "../runtime/server/hot.ts";
import { errorPayload, errorsOf, toViteError, unknownErrorPayload } from "./errors.ts";
import { templateModuleId, type HotModules } from "./hot-wrap.ts";
import { isTemplateFile } from "./id.ts";

type Hmr = (environment: DevEnvironment) => Promise<void>;

export function hotUpdatePlugin(modules: HotModules): Plugin {
  /**
   * One entry per file change, pushed by the client environment's hotUpdate (always the first
   * to run for a change) and taken by `hotUpdateEnvironments` (always the last): `true` skips
   * the client step. Vite gives that last step no file name, hence the queue.
   */
  let clientSkips: boolean[] = [];

  return {
    name: "livehtml:hot-update",
    apply: "serve",
    configureServer(server) {
      enableHot();
      clientSkips = [];
      skipClientReload(server, () => clientSkips.shift() ?? false);
    },
    async hotUpdate(options) {
      const environment = this.environment;
      if (environment.name === "client") {
        clientSkips.push(isTemplateFile(options.file) && options.modules.length === 0);
        return;
      }
      if (!isRunnableDevEnvironment(environment)) return;
      if (isTemplateFile(options.file)) return swapTemplate(environment, options);
      if (modules.viewModules.has(options.file)) return remountModule(environment, options);
    },
  };
}

/** Compiles the new template; on success evaluates it again and re-renders its views. */
async function swapTemplate(environment: DevEnvironment & { runner: { import(url: string): Promise<unknown> } }, options: HotUpdateOptions): Promise<EnvironmentModuleNode[] | void> {
  const { file, server } = options;
  const id = templateModuleId(file);
  const compiled = compile(await options.read(), { filename: file, sourcemap: false });
  if (errorsOf(compiled.diagnostics).length > 0) {
    const error = toViteError(file, compiled.diagnostics);
    server.config.logger.error(error.message + "\n" + error.frame, { timestamp: true, error });
    server.ws.send(errorPayload(error));
    return [];
  }
  if (!hasTemplate(id)) return; // never evaluated on the server: nothing to swap
  if (!(await reimport(environment, options))) return [];
  const count = await replaceTemplate(id);
  server.config.logger.info(`livehtml: ${shortName(server, file)} re-rendered in ${count} view${count === 1 ? "" : "s"}`, { timestamp: true });
  // An empty update clears an overlay left by an earlier broken version of the template.
  server.ws.send({ type: "update", updates: [] });
  return [];
}

/** Evaluates an edited module again in the server environment; false (reported) when it fails. */
async function reimport(environment: { runner: { import(url: string): Promise<unknown> } }, options: HotUpdateOptions): Promise<boolean> {
  const { file, server } = options;
  try {
    await environment.runner.import(file);
    return true;
  } catch (error) {
    server.config.logger.error(`livehtml: ${file} failed to load after an edit: ${String(error)}`, { timestamp: true });
    server.ws.send(unknownErrorPayload(error, file));
    return false;
  }
}

/** Evaluates a view module again (its definitions take the new callbacks) and remounts its views. */
async function remountModule(environment: DevEnvironment & { runner: { import(url: string): Promise<unknown> } }, options: HotUpdateOptions): Promise<EnvironmentModuleNode[] | void> {
  const { file, server } = options;
  if (!(await reimport(environment, options))) return [];
  const count = await remountViews(file);
  server.config.logger.info(`livehtml: ${shortName(server, file)} changed, ${count} view${count === 1 ? "" : "s"} remounted`, { timestamp: true });
  return [];
}

/**
 * Wraps `server.hotUpdateEnvironments` (Vite's last step of an update, which runs each
 * environment's propagation) so that the client's step can be skipped for one update.
 * A `hotUpdateEnvironments` set by the user keeps running, with the narrowed step.
 */
function skipClientReload(server: ViteDevServer, shouldSkip: () => boolean): void {
  const options = server.config.server as { hotUpdateEnvironments?: (server: ViteDevServer, hmr: Hmr) => Promise<void> };
  const original = options.hotUpdateEnvironments;
  options.hotUpdateEnvironments = async (srv, hmr) => {
    const skip = shouldSkip();
    const step: Hmr = skip ? (env) => (env.name === "client" ? Promise.resolve() : hmr(env)) : hmr;
    if (original) return original(srv, step);
    await Promise.all(Object.values(srv.environments).map((env) => step(env)));
  };
}

function shortName(server: ViteDevServer, file: string): string {
  return file.startsWith(server.config.root + "/") ? file.slice(server.config.root.length + 1) : file;
}
