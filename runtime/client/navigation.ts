// Live navigation: `patch` (same view, new URL and params), live redirects (a new main view
// joined in place of the old one, on the same socket), the history entries they push, and
// back/forward with scroll restoration. Loaded on demand by the live socket: a page without
// live links or server-side navigation never fetches it. It imports nothing at run time (only
// types), so the bundler keeps it apart from the main bundle.
import type { View } from "./view.ts";

/** What `history.state` holds for a live page. */
export interface HistoryState {
  type: "patch" | "redirect";
  backType?: "patch" | "redirect";
  id: string;
  scroll: number;
  position: number;
}

/** What navigation needs from the live socket. */
export interface NavigationHost {
  main: View | null;
  /** The position of the current history entry (forward or back is told apart by it). */
  position: number;
  /** A main view for `href` in a copy of `el` (not yet in the page), registered. */
  createMain(el: HTMLElement, href: string, flash: string | null): View;
  /** Leaves `view` and the views nested in it. */
  destroyView(view: View): void;
}

type Kind = "push" | "replace";

const loading = (name: string, href: string) => window.dispatchEvent(new CustomEvent(name, { detail: { kind: "redirect", to: href } }));

export class Navigation {
  /** A live redirect whose view is joining: the old container stays until it has joined. */
  private pending: { view: View; oldEl: HTMLElement; kind: Kind | null; scroll: number | null } | null = null;

  constructor(private readonly host: NavigationHost) {}

  /** The view a live redirect is joining, if any. */
  pendingView(): View | null {
    return this.pending?.view ?? null;
  }

  patch(href: string, replace: boolean): void {
    const main = this.host.main;
    if (!main) return;
    const url = new URL(href, location.href).href;
    void main.pushLivePatch(url).then((reply) => {
      if (reply.status !== "ok") return;
      const diff = reply.response.diff;
      if (diff) main.update(diff as never);
      main.href = url;
      this.pushHistory(replace ? "replace" : "push", "patch", url);
      main.followNavigation({ ...reply.response, live_patch: undefined });
    });
  }

  navigate(href: string, replace: boolean): void {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin || !this.host.main) location.href = url.href;
    else this.replaceMain(url.href, null, replace ? "replace" : "push", 0);
  }

  /** The server's `push_navigate` / `live_redirect`. */
  liveRedirect(to: string, kind: string, flash: string | null): void {
    this.replaceMain(new URL(to, location.href).href, flash, kind === "replace" ? "replace" : "push", 0);
  }

  /** The server's `push_patch`: the view has already re-rendered; only the URL moves. */
  livePatch(to: string, kind: string): void {
    const url = new URL(to, location.href).href;
    if (this.host.main) this.host.main.href = url;
    this.pushHistory(kind === "replace" ? "replace" : "push", "patch", url);
  }

  /** A view joined: if it is the pending redirect's, it takes the old container's place. */
  joined(view: View): void {
    const pending = this.pending;
    if (!pending || pending.view !== view) return;
    this.pending = null;
    pending.oldEl.replaceWith(view.el);
    view.redirect = false;
    if (pending.kind) this.pushHistory(pending.kind, "redirect", view.href);
    const scroll = pending.scroll ?? 0;
    requestAnimationFrame(() => scrollTo(0, scroll));
    loading("phx:page-loading-stop", view.href);
  }

  popState(state: HistoryState | null): void {
    const main = this.host.main;
    if (!state || !main) return;
    const forward = state.position > this.host.position;
    const navType = forward ? state.type : state.backType ?? state.type;
    this.host.position = state.position ?? 0;
    const href = location.href;
    if (navType === "patch" && state.id === main.id && main.isConnected()) {
      void main.pushLivePatch(href).then((reply) => {
        const diff = reply.response?.diff;
        if (diff) main.update(diff as never);
        main.href = href;
        scrollTo(0, state.scroll ?? 0);
      });
    } else {
      this.replaceMain(href, null, null, state.scroll ?? 0);
    }
  }

  private replaceMain(href: string, flash: string | null, kind: Kind | null, scroll: number | null): void {
    const old = this.host.main;
    if (!old) return;
    loading("phx:page-loading-start", href);
    if (this.pending) this.host.destroyView(this.pending.view);
    const oldEl = this.pending?.oldEl ?? old.el;
    // Its nested views go with it; sticky ones stay (they are no view's children).
    this.host.destroyView(old);
    const view = this.host.createMain(oldEl.cloneNode(false) as HTMLElement, href, flash);
    this.pending = { view, oldEl, kind, scroll };
    view.join();
  }

  private pushHistory(kind: Kind, type: "patch" | "redirect", url: string): void {
    const current = (history.state ?? {}) as Partial<HistoryState>;
    if (kind === "push") {
      history.replaceState({ ...current, scroll: scrollY, backType: type }, "", location.href);
      this.host.position += 1;
    }
    const state: HistoryState = { type, id: this.host.main!.id, scroll: 0, position: this.host.position };
    if (kind === "push") history.pushState(state, "", url);
    else history.replaceState(state, "", url);
  }
}
