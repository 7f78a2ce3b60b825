// Everything the HTTP handler, the WebSocket endpoint and `liveRender` share: options resolved
// once into one object (routes, signer, registry, pubsub, logger).
import { tmpdir } from "node:os";
import { CLIENT_PATH } from "./client-asset.ts";
import { ERROR_OVERLAY_SCRIPT, STATUS_STYLE } from "./layout-assets.ts";
import type { EngineFactory } from "./engine.ts";
import { resolveResume, ResumeStore, type ResumeOptions } from "./resume.ts";
import { SessionViews } from "./session-views.ts";
import { resolveLimits, type LimitOptions, type Limits } from "./limits.ts";
import { boundedLogger, consoleLogger, type Logger } from "./log.ts";
import { MemoryPubSub, type PubSub } from "./pubsub.ts";
import { randomToken } from "./random.ts";
import { checkRoutes } from "./live-session.ts";
import { ViewRegistry, type LiveRoute } from "./router.ts";
import { originCheck, type OriginCheck, type OriginOption } from "./origin.ts";
import { responseHeaders, type ResponseHeaderOptions } from "./response-headers.ts";
import { resolveSecrets, type SecretOption } from "./secret.ts";
import { ONE_DAY_MS, TokenSigner } from "./token.ts";
import type { AnyView, Flash } from "./view.ts";

/** What a root layout receives; it returns the whole HTML document. */
export interface LayoutInput {
  /** The live view container (already HTML). */
  readonly inner: string;
  readonly csrfToken: string;
  readonly title: string | undefined;
  readonly flash: Flash;
  /** The route being served (its path pattern, view and live session). */
  readonly route?: LiveRoute;
  /** The view's assigns after its HTTP render (e.g. the current user an onMount hook loaded). */
  readonly assigns?: Readonly<Record<string, unknown>>;
}
export type Layout = (page: LayoutInput) => string;

/** Salts keep one kind of token from being accepted as another. */
export const SALT = { session: "livehtml session", static: "livehtml static", csrf: "livehtml csrf", flash: "livehtml flash" } as const;

export interface SessionToken {
  /** Container id: the join topic must be `lv:<id>`. */
  id: string;
  view: string;
  /** Mounted by the router (`data-phx-main`); such views re-route on join. */
  main: boolean;
  session: Record<string, unknown>;
  /** Binds the page's CSRF token to this view. */
  csrf: string;
  /** The page's live session (null outside any): live navigation may not leave it. */
  liveSession?: string | null;
  /** A nested live view's parent container id: it joins only beside that parent. */
  parent?: string;
  /** A sticky live view: joined on its own, kept across live navigation. */
  sticky?: boolean;
  /** A sticky view's page URL (its join carries none). */
  url?: string;
}

export interface StaticToken {
  id: string;
  flash: Flash;
}

export interface LiveContext {
  readonly routes: readonly LiveRoute[];
  readonly layout: Layout;
  readonly signer: TokenSigner;
  readonly registry: ViewRegistry;
  readonly pubsub: PubSub;
  readonly logger: Logger;
  readonly createEngine: EngineFactory | undefined;
  readonly maxFrameBytes: number;
  readonly limits: Limits;
  readonly sessionMaxAgeMs: number;
  /** Whether a WebSocket upgrade's `Origin` may connect (`origin.ts`). */
  readonly originAllowed: OriginCheck;
  /** Security headers for a response to `request` (`response-headers.ts`). */
  readonly responseHeaders: (request: import("node:http").IncomingMessage) => Record<string, string>;
  /** Builds the session a page's views receive from the HTTP request (cookies, auth…). */
  readonly sessionFromRequest: (request: import("node:http").IncomingMessage) => Record<string, unknown>;
  /** The request's assigns (what the app already loaded for it), reused by `assignNew` in the HTTP render. */
  readonly requestAssigns: ((request: import("node:http").IncomingMessage) => Record<string, unknown>) | undefined;
  readonly liveVersion: string;
  /** The current URLs (paths) of the assets pages mark `phx-track-static`; null when not tracked. */
  readonly staticAssets: ReadonlySet<string> | null;
  /** Where uploads in progress are written (one temporary file per entry). */
  readonly uploadDir: string;
  /** Views waiting for their client to come back (`resume.ts`). */
  readonly resume: ResumeStore;
  /** Views joined per signed session token, across connections (`limits.viewsPerSession`). */
  readonly sessionViews: SessionViews;
  /** Whether `X-Forwarded-For` names the client (the server is behind a proxy it trusts). */
  readonly trustProxy: boolean;
}

export interface LiveContextOptions extends ResponseHeaderOptions {
  routes?: readonly LiveRoute[];
  layout?: Layout;
  /**
   * Signs session tokens (which bind the page's CSRF nonce). A list rotates keys: newest first, signs with the first and
   * verifies with any. Refused when missing or weak under NODE_ENV=production (`secret.ts`).
   */
  secret?: SecretOption;
  pubsub?: PubSub;
  logger?: Logger;
  createEngine?: EngineFactory;
  /** Largest WebSocket frame accepted; larger ones close the socket with 1009. Default 1 MiB (same as `limits.frameBytes`). */
  maxFrameBytes?: number;
  /** What one client may cost the server (`limits.ts` lists each limit and its default). */
  limits?: LimitOptions;
  /**
   * The current URLs of the assets pages mark with `phx-track-static` (e.g. digested bundle
   * paths). A view's `socket.staticChanged()` is true when the page was loaded with others.
   */
  staticAssets?: readonly string[];
  /** Where uploads in progress are written, one temporary file per entry. Default the system's temporary directory. */
  uploadDir?: string;
  /** Lifetime of the session, static and CSRF tokens a page carries. Default one day. */
  sessionMaxAgeMs?: number;
  /**
   * Origins allowed to open the live WebSocket (`["https://example.com"]`), or a function.
   * Default: the server's own origin only (behind a proxy that rewrites Host, list the public one).
   */
  allowedOrigins?: OriginOption;
  session?: (request: import("node:http").IncomingMessage) => Record<string, unknown>;
  /** Values already loaded for a request (e.g. the current user); `assignNew` reuses them in the HTTP render. */
  assigns?: (request: import("node:http").IncomingMessage) => Record<string, unknown>;
  /** Scripts the default layout loads. Default: the client bundle every server serves (CLIENT_PATH). */
  scripts?: readonly string[];
  /** Extra HTML for the default layout's <head> (a stylesheet link, icons…). */
  head?: string;
  /**
   * Resume instead of remount, for clients that ask (livehtml's own): how long a view outlives
   * its dropped socket, and what the waiting views may hold (`resume.ts`). `false` turns it off.
   */
  resume?: Partial<ResumeOptions> | false;
  /**
   * The server is behind a proxy that sets `X-Forwarded-For`: its last address is the client's
   * (for the per-address upgrade limit). Off by default: a client could write the header itself.
   */
  trustProxy?: boolean;
}

export function createContext(options: LiveContextOptions, liveVersion: string): LiveContext {
  const limits = resolveLimits(options.limits, options.maxFrameBytes);
  const logger = boundedLogger(options.logger ?? consoleLogger, limits.logLineLength);
  return {
    routes: checkedRoutes(options.routes ?? []),
    layout: options.layout ?? defaultLayout(options.scripts, options.head),
    signer: new TokenSigner(resolveSecrets(options.secret, logger)),
    registry: new ViewRegistry(),
    pubsub: options.pubsub ?? new MemoryPubSub(),
    logger,
    createEngine: options.createEngine,
    maxFrameBytes: limits.frameBytes,
    limits,
    sessionMaxAgeMs: options.sessionMaxAgeMs ?? ONE_DAY_MS,
    originAllowed: originCheck(options.allowedOrigins),
    responseHeaders: responseHeaders(options),
    sessionFromRequest: options.session ?? (() => ({})),
    requestAssigns: options.assigns,
    liveVersion,
    staticAssets: options.staticAssets ? new Set(options.staticAssets.map(assetPath)) : null,
    uploadDir: options.uploadDir ?? tmpdir(),
    resume: new ResumeStore(resolveResume(options.resume), logger),
    sessionViews: new SessionViews(limits.viewsPerSession),
    trustProxy: options.trustProxy ?? false,
  };
}

/** An asset URL as compared by `staticChanged`: its path and query, whatever host served it. */
export function assetPath(url: string): string {
  try {
    const parsed = new URL(url, "http://localhost");
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function checkedRoutes(routes: readonly LiveRoute[]): readonly LiveRoute[] {
  checkRoutes(routes);
  return routes;
}

export function newContainerId(): string {
  return `phx-${randomToken(9)}`;
}

export function newNonce(): string {
  return randomToken(12);
}

const ATTR_SPECIAL = /[&"<>]/;

function escapeAttr(value: string): string {
  // Tokens and ids (base64url) never need it: one scan instead of four replacements.
  if (!ATTR_SPECIAL.test(value)) return value;
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The root layout used without a `layout` option: loads `scripts` (default: the served client), then `head`. */
export function defaultLayout(scripts: readonly string[] = [CLIENT_PATH], head = ""): Layout {
  return ({ inner, csrfToken, title }) =>
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="csrf-token" content="${escapeAttr(csrfToken)}">\n<title>${escapeAttr(title ?? "")}</title>\n` +
    STATUS_STYLE +
    ERROR_OVERLAY_SCRIPT +
    scripts.map((src) => `<script defer type="module" src="${escapeAttr(src)}"></script>\n`).join("") +
    (head ? `${head}\n` : "") +
    `</head>\n<body>\n${inner}\n</body>\n</html>\n`;
}

export { escapeAttr };
