// The HTTP (dead) render: mount the view disconnected, render it fully, and wrap it in the
// container the official client joins from (PROTOCOL.md §4.3): `id`, `data-phx-main`,
// `data-phx-session` (signed: which view, whose session), `data-phx-static` (signed: flash).
import { extract, mergeDiff } from "../shared/merge.ts";
import type { WireMessageDiff } from "../shared/wire.ts";
import { escapeAttr, newContainerId, newNonce, SALT, type LiveContext, type SessionToken, type StaticToken } from "./context.ts";
import type { Navigation } from "./effects.ts";
import type { Params } from "./params.ts";
import { CRASHED, ViewRuntime } from "./view-runtime.ts";
import type { AnyView, Flash } from "./view.ts";
import { toHTML } from "../shared/to-html.ts";

export type DeadRender =
  | { kind: "page"; container: string; title: string | undefined; csrfToken: string; flash: Flash }
  | { kind: "redirect"; navigation: Navigation }
  | { kind: "error"; message: string };

export interface DeadRenderOptions {
  view: AnyView;
  params: Params;
  session: Record<string, unknown>;
  url: URL;
  main: boolean;
  flash?: Flash;
  /** The request's (or embedding page's) assigns, reused by `assignNew`. */
  assigns?: Readonly<Record<string, unknown>>;
  /** Reuse the page's CSRF nonce when embedding several views in one page. */
  csrfNonce?: string;
}

export async function deadRender(ctx: LiveContext, opts: DeadRenderOptions): Promise<DeadRender> {
  const id = newContainerId();
  const runtime = new ViewRuntime({
    view: opts.view,
    id,
    connected: false,
    pubsub: ctx.pubsub,
    logger: ctx.logger,
    createEngine: ctx.createEngine,
    ...(opts.assigns ? { inheritedAssigns: opts.assigns } : {}),
  });
  const result = await runtime.mount(opts.params, opts.session, opts.url, opts.flash ?? {});
  if (result === CRASHED) return { kind: "error", message: `view ${runtime.name} failed to render (see the log)` };
  if ("navigation" in result) {
    runtime.terminate("redirect");
    return { kind: "redirect", navigation: result.navigation };
  }
  let inner: string;
  try {
    inner = toHTML(mergeDiff(null, extract(result.rendered as WireMessageDiff).diff));
  } catch (error) {
    ctx.logger.error(`view ${runtime.name}: could not build its HTML`, error);
    runtime.terminate("error");
    return { kind: "error", message: `view ${runtime.name} failed to render (see the log)` };
  }
  const title = runtime.state.assigns.pageTitle as string | undefined;
  const flash = runtime.state.assigns.flash as Flash;
  runtime.terminate("dead render done");

  const nonce = opts.csrfNonce ?? newNonce();
  const session: SessionToken = { id, view: ctx.registry.keyOf(opts.view), main: opts.main, session: opts.session, csrf: nonce };
  const staticData: StaticToken = { id, flash };
  const sessionToken = ctx.signer.sign(SALT.session, session, ctx.sessionMaxAgeMs);
  const staticToken = ctx.signer.sign(SALT.static, staticData, ctx.sessionMaxAgeMs);
  const attrs = [
    `id="${id}"`,
    opts.main ? "data-phx-main" : "",
    `data-phx-session="${escapeAttr(sessionToken)}"`,
    `data-phx-static="${escapeAttr(staticToken)}"`,
    opts.main ? `data-phx-root-id="${id}"` : "",
  ].filter(Boolean);
  const container = `<div ${attrs.join(" ")}>${inner}</div>`;
  return { kind: "page", container, title, csrfToken: ctx.signer.sign(SALT.csrf, nonce, ctx.sessionMaxAgeMs), flash };
}
