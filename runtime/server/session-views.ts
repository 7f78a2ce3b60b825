// How many views are joined from each signed session token, across every connection of the
// server. A page's tokens join one view; a few more cover a reconnect that overlaps the old
// socket. Past `limits.viewsPerSession`, a join is refused: page tokens copied out of one page
// must not mount views without end.

export class SessionViews {
  readonly #counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Takes a slot for a view joined with `token`; false when the token already has its limit. */
  take(token: string): boolean {
    const count = this.#counts.get(token) ?? 0;
    if (count >= this.limit) return false;
    this.#counts.set(token, count + 1);
    return true;
  }

  /** A view joined with `token` ended. */
  release(token: string): void {
    const count = this.#counts.get(token) ?? 0;
    if (count <= 1) this.#counts.delete(token);
    else this.#counts.set(token, count - 1);
  }

  count(token: string): number {
    return this.#counts.get(token) ?? 0;
  }
}
