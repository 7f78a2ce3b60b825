// Live navigation: `patch` (same view, new URL and params), live redirects (a new main view
// joined in place of the old one, on the same socket), the history entries they push, and
// back/forward with scroll restoration.
import { emit } from "./dom.ts";
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
  /** A main view for `href` in a copy of `el` (not yet in the page), registered. */
  createMain(el: HTMLElement, href: string, flash: string | null): View;
  /** Leaves `view` and the views nested in it. */
  destroyView(view: View): void;
}

/** How a navigation enters history; null when it comes from history (back/forward). */
export type Kind = "push" | "replace" | null;

export class Navigation {
  /** A live redirect whose view is joining: the old container stays until it has joined. */
  private redirecting: { view: View; oldEl: HTMLElement; kind: Kind; scroll: number } | null = null;
  /** The position of the current history entry (forward or back is told apart by it). */
  private at = 0;

  constructor(private readonly host: NavigationHost) {}

  /** The view a live redirect is joining, if any. */
  pendingView(): View | null {
    return this.redirecting?.view ?? null;
  }

  /** Gives the first page its history entry, or reads the position of the one it has. */
  start(): void {
    const state = history.state as HistoryState | null;
    // (The entry's scroll is written when the page leaves it.)
    if (state) this.at = state.position ?? 0;
    else if (this.host.main) this.pushHistory("replace", "patch", location.href);
  }

  /** The main view re-renders for `href` (a patch link, `JS.patch`, or back/forward to a patched entry). */
  patch(href: string, kind: Kind, scroll = 0): void {
    const main = this.host.main;
    if (!main) return;
    const url = new URL(href, location.href).href;
    void main.pushLivePatch(url).then((reply) => {
      if (reply.status !== "ok") return;
      const diff = reply.response.diff;
      if (diff) main.update(diff as never);
      main.href = url;
      this.pushHistory(kind, "patch", url, scroll);
      main.followNavigation({ ...reply.response, live_patch: undefined });
    });
  }

  /** A new main view for `href` joins in place of the old one; another origin loads as a page. */
  navigate(href: string, kind: Kind, flash: string | null = null, scroll = 0): void {
    const { href: url, origin } = new URL(href, location.href);
    const old = this.host.main;
    if (origin !== location.origin || !old) return void (location.href = url);
    emit("phx:page-loading-start", { kind: "redirect", to: url });
    // A redirect still joining is the main view: it ends, and the page's container stays.
    // Its nested views go with it; sticky ones stay (they are no view's children).
    const oldEl = this.redirecting?.oldEl ?? old.el;
    this.host.destroyView(old);
    const view = this.host.createMain(oldEl.cloneNode(false) as HTMLElement, url, flash);
    this.redirecting = { view, oldEl, kind, scroll };
    view.join();
  }

  /** The server's `push_patch`: the view has already re-rendered; only the URL moves. */
  livePatch(to: string, kind: Kind): void {
    const url = new URL(to, location.href).href;
    if (this.host.main) this.host.main.href = url;
    this.pushHistory(kind, "patch", url);
  }

  /** A view joined: if it is the pending redirect's, it takes the old container's place. */
  joined(view: View): void {
    const pending = this.redirecting;
    if (pending?.view !== view) return;
    this.redirecting = null;
    pending.oldEl.replaceWith(view.el);
    view.redirect = false;
    this.pushHistory(pending.kind, "redirect", view.href);
    requestAnimationFrame(() => scrollTo(0, pending.scroll));
    emit("phx:page-loading-stop", { kind: "redirect", to: view.href });
  }

  popState(state: HistoryState | null): void {
    const main = this.host.main;
    if (!state || !main) return;
    const type = state.position > this.at ? state.type : state.backType ?? state.type;
    this.at = state.position ?? 0;
    if (type === "patch" && state.id === main.id && main.isConnected()) this.patch(location.href, null, state.scroll);
    else this.navigate(location.href, null, null, state.scroll);
  }

  /** Enters `url` into history as `kind` says; one from history (back/forward) scrolls to `scroll`. */
  private pushHistory(kind: Kind, type: "patch" | "redirect", url: string, scroll = 0): void {
    if (!kind) return scrollTo(0, scroll);
    if (kind === "push") {
      history.replaceState({ ...history.state, scroll: scrollY, backType: type }, "", location.href);
      this.at += 1;
    }
    const state: HistoryState = { type, id: this.host.main!.id, scroll: 0, position: this.at };
    if (kind === "push") history.pushState(state, "", url);
    else history.replaceState(state, "", url);
  }
}
