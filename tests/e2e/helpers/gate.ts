// Work a fixture starts waits here until the test releases it, so a test sees the page while the
// work runs, then decides when it ends.
export class Gate {
  readonly #waiting: Array<() => void> = [];

  /** How many waits are pending (the work that has started). */
  get waiting(): number {
    return this.#waiting.length;
  }

  wait(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Ends every pending wait. */
  release(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
