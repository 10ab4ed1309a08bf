import type { RetryOptions } from "./types";

export const DEFAULT_RETRY: RetryOptions = { retries: 4, backoffMs: 200, maxBackoffMs: 15_000 };

/** Exponential backoff with full jitter in [delay/2, delay], so many clients do not retry in lockstep. */
export function backoffDelay(
  attempt: number,
  opts: Pick<RetryOptions, "backoffMs" | "maxBackoffMs">,
): number {
  const ceiling = Math.min(opts.maxBackoffMs, opts.backoffMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Counting semaphore: bounds requests in flight without queueing work inside the transport. */
export class Semaphore {
  #free: number;
  readonly #waiters: (() => void)[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`semaphore size must be ≥ 1, got ${size}`);
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiters.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiters.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
