/**
 * Keeps `verify:live` polite to the API it checks: at most `maxInFlight` requests at once and at
 * most `perSecond` started in any second (starts are spaced 1/perSecond apart). The clock and the
 * sleep are injected, so the rule is tested without waiting.
 */
export interface LimiterOptions {
  maxInFlight: number;
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RequestLimiter {
  readonly #maxInFlight: number;
  readonly #spacing: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #inFlight = 0;
  #nextStart = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: LimiterOptions) {
    this.#maxInFlight = options.maxInFlight;
    this.#spacing = 1000 / options.perSecond;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `task` when the limits allow it. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its place straight to the next one waiting, so no newcomer slips in between.
    if (this.#inFlight >= this.#maxInFlight) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#inFlight++;
    try {
      const start = Math.max(this.#now(), this.#nextStart);
      this.#nextStart = start + this.#spacing;
      const wait = start - this.#now();
      if (wait > 0) await this.#sleep(wait);
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inFlight--;
    }
  }
}
