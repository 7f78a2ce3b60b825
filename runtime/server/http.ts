// The HTTP side: GET a live route → the full page (layout + view container), with flash from
// the `__phoenix_flash__` cookie the official client sets on redirects.
import type { IncomingMessage, ServerResponse } from "node:http";
import { SALT, type LiveContext } from "./context.ts";
import { routeSession } from "./live-session.ts";
import { ChildCollector, withChildRenderer } from "./nested.ts";
import { deadRender, renderLayoutChildren, type DeadRender } from "./page.ts";
import { ParamsError, type Params } from "./params.ts";
import { requestURL } from "./request-url.ts";
import { isThenable } from "../shared/thenable.ts";
import { cookieAttributes } from "./response-headers.ts";
import { matchRoute, routeParams } from "./router.ts";
import { queryParams } from "./view-runtime.ts";
import { isEmptyObject } from "../shared/equal.ts";
import type { Flash } from "./view.ts";

export type NextFn = (error?: unknown) => void;

export function createHttpHandler(ctx: LiveContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse, next?: NextFn): Promise<void> {
    const url = requestURL(req);
    if (!url) return badRequest(res, ctx.responseHeaders(req), "invalid Host header or request target");
    const match = req.method === "GET" || req.method === "HEAD" ? matchRoute(ctx.routes, url.pathname) : null;
    if (!match) {
      if (next) return next();
      res.writeHead(404, { ...ctx.responseHeaders(req), "content-type": "text/plain; charset=utf-8" }).end(`Not found: ${url.pathname}\n`);
      return;
    }
    const security = ctx.responseHeaders(req);
    let params: Params;
    try {
      params = routeParams(match, queryParams(url, ctx.limits.params));
    } catch (error) {
      if (error instanceof ParamsError) return badRequest(res, security, error.message);
      throw error;
    }
    try {
      const flash = readFlashCookie(ctx, req);
      const session = routeSession(match.route, ctx.sessionFromRequest(req), req);
      const requestAssigns = ctx.requestAssigns?.(req);
      const rendered = deadRender(ctx, {
        view: match.route.view,
        params,
        session,
        ...(requestAssigns ? { assigns: requestAssigns } : {}),
        url,
        ...(match.route.container ? { container: match.route.container } : {}),
        ...(match.route.liveSession ? { liveSession: match.route.liveSession } : {}),
        main: true,
        flash,
      });
      const result = isThenable(rendered) ? await rendered : rendered;
      const headers: Record<string, string | string[]> = { ...security, "cache-control": "no-store" };
      if (!isEmptyObject(flash)) headers["set-cookie"] = `__phoenix_flash__=; Max-Age=0; ${cookieAttributes(url.protocol === "https:")}`;
      if (answeredWithoutPage(res, headers, result)) return;
      const layout = match.route.liveSession?.rootLayout ?? ctx.layout;
      // A root layout may place live views of its own (sticky ones beside the main view).
      const children = new ChildCollector();
      let html = withChildRenderer(children.renderer, () =>
        layout({ inner: result.container, csrfToken: result.csrfToken, title: result.title, flash: result.flash, route: match.route, assigns: result.assigns }),
      );
      if (children.children.length) {
        const page = await renderLayoutChildren(ctx, { html, session, url, csrfToken: result.csrfToken, assigns: requestAssigns ?? {} }, children);
        if (answeredWithoutPage(res, headers, page)) return;
        html = page.container;
      }
      res.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : html);
    } catch (error) {
      ctx.logger.error(`GET ${url.pathname} failed`, error);
      if (!res.headersSent) res.writeHead(500, { ...security, "content-type": "text/plain; charset=utf-8" });
      res.end("Internal server error\n");
    }
  };
}

/**
 * Answers a render that ended without a page (a redirect, or a view that failed) and says so;
 * false for a page, which the caller goes on to write. The view's and the layout's renders end
 * the same ways.
 */
function answeredWithoutPage(
  res: ServerResponse,
  headers: Record<string, string | string[]>,
  result: DeadRender,
): result is Exclude<DeadRender, { kind: "page" }> {
  if (result.kind === "redirect") {
    res.writeHead(302, { ...headers, location: result.navigation.to }).end();
    return true;
  }
  if (result.kind === "error") {
    res.writeHead(500, { ...headers, "content-type": "text/plain; charset=utf-8" }).end(`${result.message}\n`);
    return true;
  }
  return false;
}

function badRequest(res: ServerResponse, security: Record<string, string>, why: string): void {
  res.writeHead(400, { ...security, "content-type": "text/plain; charset=utf-8" }).end(`Bad request: ${why}\n`);
}

function readFlashCookie(ctx: LiveContext, req: IncomingMessage): Flash {
  const cookie = req.headers.cookie ?? "";
  const m = /(?:^|;\s*)__phoenix_flash__=([^;]*)/.exec(cookie);
  if (!m || !m[1]) return {};
  let token: string;
  try {
    token = decodeURIComponent(m[1]);
  } catch {
    return {}; // not valid percent-encoding: not a cookie we set
  }
  const verified = ctx.signer.verify<Flash>(SALT.flash, token);
  return verified.ok ? verified.data : {};
}
