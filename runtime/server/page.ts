// The HTTP (dead) render: mount the view disconnected, render it with the compiled HTML
// renderer (no diff engine: this render is thrown away once the client joins), and wrap it in the
// container the official client joins from (PROTOCOL.md §4.3): `id`, `data-phx-main`,
// `data-phx-session` (signed: which view, whose session), `data-phx-static` (signed: flash).
import { escapeAttr, newContainerId, newNonce, SALT, type LiveContext, type SessionToken, type StaticToken } from "./context.ts";
import { containerTags, type ContainerOptions } from "./container.ts";
import { csrfNonce, newCsrfToken } from "./csrf.ts";
import type { Navigation } from "./effects.ts";
import type { LiveSessionInfo } from "./live-session.ts";
import type { Params } from "./params.ts";
import type { ChildContainer } from "./child-views.ts";
import type { ChildCollector, ChildSpec } from "./nested.ts";
import { isThenable, type MaybePromise } from "../shared/thenable.ts";
import { CRASHED, ViewRuntime, type Crashed, type HtmlMount } from "./view-runtime.ts";
import { isEmptyObject } from "../shared/equal.ts";
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
  /** A nested live view: its id (default: a new one) and its parent's, or `sticky`. */
  id?: string;
  parentId?: string;
  sticky?: boolean;
}

/**
 * A promise only when the view's callbacks returned one, or the page has nested live views: a
 * view that mounts synchronously is rendered in the caller's turn (thenable.ts).
 */
export function deadRender(ctx: LiveContext, opts: DeadRenderOptions): MaybePromise<DeadRender> {
  const id = opts.id ?? newContainerId();
  // The page's CSRF token is its nonce, bound to the view by the session token (csrf.ts).
  // Known before the render: forms that post over HTTP carry the token the page will have.
  const nonce = opts.csrfNonce ?? newCsrfToken();
  const runtime = new ViewRuntime({
    view: opts.view,
    id,
    csrfToken: nonce,
    connected: false,
    pubsub: ctx.pubsub,
    logger: ctx.logger,
    frameBytes: ctx.limits.frameBytes,
    inheritedAssigns: opts.assigns,
    nested: opts.parentId !== undefined || opts.sticky === true,
    liveSession: opts.liveSession,
  });
  const mounted = runtime.mountHtml(opts.params, opts.session, opts.url, opts.flash ?? {});
  return isThenable(mounted) ? mounted.then((result) => pageAfterMount(ctx, opts, runtime, nonce, result)) : pageAfterMount(ctx, opts, runtime, nonce, mounted);
}

function pageAfterMount(ctx: LiveContext, opts: DeadRenderOptions, runtime: ViewRuntime, nonce: string, result: HtmlMount | { navigation: Navigation } | Crashed): MaybePromise<DeadRender> {
  if (result === CRASHED) return { kind: "error", message: `view ${runtime.name} failed to render (see the log)` };
  if ("navigation" in result) {
    runtime.terminate("redirect");
    return { kind: "redirect", navigation: result.navigation };
  }
  runtime.terminate("dead render done");
  const assigns = runtime.state.assigns;
  if (result.children.children.length === 0) return viewPage(ctx, opts, runtime.id, nonce, assigns, result.html);
  return renderChildren(ctx, opts, runtime.id, nonce, assigns, result.children, result.html).then((nested) =>
    nested.kind === "page" ? viewPage(ctx, opts, runtime.id, nonce, assigns, nested.container) : nested,
  );
}

/** The view's HTML in its signed container. */
function viewPage(ctx: LiveContext, opts: DeadRenderOptions, id: string, nonce: string, assigns: Readonly<Record<string, unknown>>, html: string): DeadRender {
  const flash = assigns.flash as Flash;
  const { open, close } = containerTokens(ctx, {
    id,
    view: opts.view,
    main: opts.main,
    session: opts.session,
    flash,
    csrfNonce: nonce,
    container: opts.container,
    liveSession: opts.liveSession?.name ?? null,
    parentId: opts.parentId,
    sticky: opts.sticky,
    url: opts.url,
  });
  return { kind: "page", container: `${open}${html}${close}`, title: assigns.pageTitle as string | undefined, csrfToken: nonce, flash, assigns };
}

/**
 * The HTTP renders of the nested live views a page met (`liveRender`), in page order, spliced
 * into its HTML. A child that redirects during this render redirects the page (as in LiveView);
 * one that fails fails the page.
 */
async function renderChildren(
  ctx: LiveContext,
  parent: Pick<DeadRenderOptions, "session" | "url">,
  parentId: string,
  nonce: string,
  assigns: Readonly<Record<string, unknown>>,
  collected: ChildCollector,
  html: string,
): Promise<DeadRender> {
  let stop: DeadRender | null = null;
  const out = await collected.expand(html, async (child) => {
    if (stop) return "";
    const result = await deadRender(ctx, childRenderOptions(parent, child, child.sticky ? undefined : parentId, nonce, assigns));
    if (result.kind !== "page") {
      stop = result;
      return "";
    }
    return result.container;
  });
  return stop ?? { kind: "page", container: out, title: undefined, csrfToken: "", flash: {}, assigns };
}

function childRenderOptions(parent: Pick<DeadRenderOptions, "session" | "url">, child: ChildSpec, parentId: string | undefined, nonce: string, assigns: Readonly<Record<string, unknown>>): DeadRenderOptions {
  return {
    view: child.view,
    params: {},
    // Phoenix merges the request's session under the child's own; ours is the parent's session.
    session: { ...parent.session, ...child.session },
    url: parent.url,
    main: false,
    assigns,
    csrfNonce: nonce,
    id: child.id,
    sticky: child.sticky,
    ...(parentId !== undefined ? { parentId } : {}),
    ...(child.container ? { container: child.container } : {}),
  };
}

/**
 * The nested live views of a root layout (sticky ones, typically): rendered over HTTP and
 * spliced into the page the layout made. They share the page's CSRF token.
 */
export async function renderLayoutChildren(
  ctx: LiveContext,
  page: { html: string; session: Record<string, unknown>; url: URL; csrfToken: string; assigns: Readonly<Record<string, unknown>> },
  collected: ChildCollector,
): Promise<DeadRender> {
  const nonce = csrfNonce(ctx.signer, page.csrfToken) ?? newCsrfToken();
  return renderChildren(ctx, { session: page.session, url: page.url }, "", nonce, page.assigns, collected, page.html);
}

/**
 * The container of a nested live view in its parent's connected render: empty (the child
 * renders itself once joined), with a session token for the join and no static token.
 */
export function childContainer(ctx: LiveContext, csrfNonce: string, parentSession: () => Record<string, unknown>, url: () => URL | null): ChildContainer {
  return (child, parentId) => {
    const { open, close } = containerTokens(ctx, {
      id: child.id,
      view: child.view,
      main: false,
      session: { ...parentSession(), ...child.session },
      flash: {},
      csrfNonce,
      container: child.container,
      parentId: child.sticky ? undefined : parentId,
      sticky: child.sticky,
      url: url() ?? undefined,
      withStatic: false,
    });
    return open + close;
  };
}

/**
 * What a page costs besides its view's HTML, the same for every page: the container's start
 * tag with the signed session token (and static token, with a flash). The page's CSRF token is
 * its nonce, which the session token binds (csrf.ts).
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
    /** A nested live view's parent (its container carries `data-phx-parent-id`). */
    parentId?: string | undefined;
    /** A sticky live view (`data-phx-sticky`); its token keeps the page URL, which its join lacks. */
    sticky?: boolean | undefined;
    url?: URL | undefined;
    /** False in a parent's connected render: the static token is the HTTP render's. Without a flash there is none either. */
    withStatic?: boolean;
  },
): { open: string; close: string } {
  const { id, main } = opts;
  const nonce = opts.csrfNonce ?? newNonce();
  const session: SessionToken = { id, view: ctx.registry.keyOf(opts.view), main, session: opts.session, csrf: nonce, liveSession: opts.liveSession ?? null };
  if (opts.parentId) session.parent = opts.parentId;
  if (opts.sticky) {
    session.sticky = true;
    if (opts.url) session.url = opts.url.href;
  }
  const sessionToken = ctx.signer.sign(SALT.session, session, ctx.sessionMaxAgeMs);
  // The static token carries the flash only: a page without one has nothing to sign, and its
  // join (static "", or null from the official client) starts with no flash, as a signed empty
  // one would. So most pages sign one token, the session token (which binds the CSRF nonce).
  const staticToken = opts.withStatic === false || isEmptyObject(opts.flash) ? "" : ctx.signer.sign(SALT.static, { id, flash: opts.flash } satisfies StaticToken, ctx.sessionMaxAgeMs);
  // A signed token is base64url text around a dot: nothing in it needs escaping in an attribute.
  const idValue = escapeAttr(id);
  let attrs = main ? `id="${idValue}" data-phx-main` : `id="${idValue}"`;
  attrs += ` data-phx-session="${sessionToken}" data-phx-static="${staticToken}"`;
  if (main) attrs += ` data-phx-root-id="${idValue}"`;
  if (opts.parentId) attrs += ` data-phx-parent-id="${escapeAttr(opts.parentId)}"`;
  if (opts.sticky) attrs += " data-phx-sticky";
  // The CSRF token (the nonce) is made once per page, by the caller that renders the page.
  return containerTags(opts.container, attrs);
}
