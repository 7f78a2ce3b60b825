// The HTTP (dead) render: mount the view disconnected, render it with the compiled HTML
// renderer (no diff engine: this render is thrown away once the client joins), and wrap it in the
// container the official client joins from (PROTOCOL.md §4.3): `id`, `data-phx-main`,
// `data-phx-session` (signed: which view, whose session), `data-phx-static` (signed: flash).
import { escapeAttr, newContainerId, newNonce, SALT, type LiveContext, type SessionToken, type StaticToken } from "./context.ts";
import { containerTags, type ContainerOptions } from "./container.ts";
import type { Navigation } from "./effects.ts";
import type { LiveSessionInfo } from "./live-session.ts";
import type { Params } from "./params.ts";
import { CRASHED, ViewRuntime } from "./view-runtime.ts";
import type { AnyView, Flash } from "./view.ts";

export type DeadRender =
  | { kind: "page"; container: string; title: string | undefined; csrfToken: string; flash: Flash; assigns: Readonly<Record<string, unknown>> }
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
  /** The element the view goes in (the route's `container` option). */
  container?: ContainerOptions;
  /** The route's live session: hooks, layout, and the group live navigation stays in. */
  liveSession?: LiveSessionInfo;
  /** Reuse the page's CSRF nonce when embedding several views in one page. */
  csrfNonce?: string;
}

export async function deadRender(ctx: LiveContext, opts: DeadRenderOptions): Promise<DeadRender> {
  const id = newContainerId();
  // Signed before the render: forms that post over HTTP carry the token the page will have.
  const csrfNonce = opts.csrfNonce ?? newNonce();
  const csrfToken = ctx.signer.sign(SALT.csrf, csrfNonce, ctx.sessionMaxAgeMs);
  const runtime = new ViewRuntime({
    view: opts.view,
    id,
    csrfToken,
    connected: false,
    pubsub: ctx.pubsub,
    logger: ctx.logger,
    ...(opts.assigns ? { inheritedAssigns: opts.assigns } : {}),
    ...(opts.liveSession ? { liveSession: opts.liveSession } : {}),
  });
  const result = await runtime.mountHtml(opts.params, opts.session, opts.url, opts.flash ?? {});
  if (result === CRASHED) return { kind: "error", message: `view ${runtime.name} failed to render (see the log)` };
  if ("navigation" in result) {
    runtime.terminate("redirect");
    return { kind: "redirect", navigation: result.navigation };
  }
  const title = runtime.state.assigns.pageTitle as string | undefined;
  const flash = runtime.state.assigns.flash as Flash;
  runtime.terminate("dead render done");

  const { open, close } = containerTokens(ctx, {
    id,
    view: opts.view,
    main: opts.main,
    session: opts.session,
    flash,
    csrfNonce,
    container: opts.container,
    liveSession: opts.liveSession?.name ?? null,
  });
  return { kind: "page", container: `${open}${result.html}${close}`, title, csrfToken, flash, assigns: runtime.state.assigns };
}

/**
 * What a page costs besides its view's HTML, the same for every page: the container's start
 * tag with the signed session and static tokens, and the signed CSRF token.
 */
export function containerTokens(
  ctx: LiveContext,
  opts: {
    id: string;
    view: AnyView;
    main: boolean;
    session: Record<string, unknown>;
    flash: Flash;
    csrfNonce?: string | undefined;
    container?: ContainerOptions | undefined;
    liveSession?: string | null;
  },
): { open: string; close: string; csrfToken: string } {
  const { id, main } = opts;
  const nonce = opts.csrfNonce ?? newNonce();
  const session: SessionToken = { id, view: ctx.registry.keyOf(opts.view), main, session: opts.session, csrf: nonce, liveSession: opts.liveSession ?? null };
  const staticData: StaticToken = { id, flash: opts.flash };
  const sessionToken = ctx.signer.sign(SALT.session, session, ctx.sessionMaxAgeMs);
  const staticToken = ctx.signer.sign(SALT.static, staticData, ctx.sessionMaxAgeMs);
  const attrs = [
    `id="${id}"`,
    main ? "data-phx-main" : "",
    `data-phx-session="${escapeAttr(sessionToken)}"`,
    `data-phx-static="${escapeAttr(staticToken)}"`,
    main ? `data-phx-root-id="${id}"` : "",
  ].filter(Boolean);
  return { ...containerTags(opts.container, attrs), csrfToken: ctx.signer.sign(SALT.csrf, nonce, ctx.sessionMaxAgeMs) };
}
