// Events per second per connection: a token bucket. It holds up to `burst` tokens, refills at
// `rate` per second, and each event takes one; an event finding it empty is refused. A class
// with two numbers, refilled lazily on `take`, so an idle connection costs no timer.

export class TokenBucket {
  #tokens: number;
  #refilledAt: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.#tokens = burst;
    this.#refilledAt = now;
  }

  /** Takes one token; false when there is none (the event is over the limit). */
  take(now = performance.now()): boolean {
    const elapsed = now - this.#refilledAt;
    if (elapsed > 0) {
      this.#tokens = Math.min(this.burst, this.#tokens + (elapsed * this.rate) / 1000);
      this.#refilledAt = now;
    }
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Whether the bucket would be full at `now` (an idle one: forgetting it changes nothing). */
  isFull(now = performance.now()): boolean {
    return this.#tokens + ((now - this.#refilledAt) * this.rate) / 1000 >= this.burst;
  }
}
