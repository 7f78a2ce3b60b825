// Headers on every response livehtml writes (live pages, redirects, its own errors), and the
// attributes of the cookies it sets. Safe by default; `createServer({ headers,
// contentSecurityPolicy })` changes them.
import type { IncomingMessage } from "node:http";

export const DEFAULT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  // For old browsers; new ones follow the CSP's frame-ancestors.
  "x-frame-options": "SAMEORIGIN",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** Only framing is restricted by default: a page's own scripts and styles are the application's to allow. */
export const DEFAULT_CONTENT_SECURITY_POLICY = "frame-ancestors 'self'";

export interface ResponseHeaderOptions {
  /** Extra or replaced headers (lower-case names); `null` removes a default one. */
  headers?: Readonly<Record<string, string | null>>;
  /**
   * The `Content-Security-Policy` of live pages: a string, or a function of the request (return
   * undefined for none). Default `frame-ancestors 'self'`.
   */
  contentSecurityPolicy?: string | ((request: IncomingMessage) => string | undefined);
}

/** Builds the function that gives a request's response headers, resolved once per server. */
export function responseHeaders(options: ResponseHeaderOptions): (request: IncomingMessage) => Record<string, string> {
  const fixed: Record<string, string> = { ...DEFAULT_SECURITY_HEADERS };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete fixed[name.toLowerCase()];
    else fixed[name.toLowerCase()] = value;
  }
  const csp = options.contentSecurityPolicy ?? DEFAULT_CONTENT_SECURITY_POLICY;
  if (typeof csp === "string") {
    if (csp !== "") fixed["content-security-policy"] = csp;
    return () => fixed;
  }
  return (request) => {
    const policy = csp(request);
    return policy ? { ...fixed, "content-security-policy": policy } : fixed;
  };
}

/** `Set-Cookie` attributes: never readable by scripts, not sent on cross-site subrequests, Secure over https. */
export function cookieAttributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
