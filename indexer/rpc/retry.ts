import { backoffDelay, sleep } from "./backoff";
import { isRpcFailure, RpcClosedError } from "./errors";
import type { RetryOptions } from "./types";

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the retry budget is spent.
 * `isClosed` stops the loop early once the owner closed the client.
 */
export async function withRetry<T>(
  method: string,
  opts: RetryOptions,
  attempt: () => Promise<T>,
  isClosed: () => boolean,
): Promise<T> {
  for (let n = 0; ; n++) {
    if (isClosed()) throw new RpcClosedError(method);
    try {
      return await attempt();
    } catch (error) {
      if (!isRpcFailure(error) || !error.retryable || n >= opts.retries) throw error;
      await sleep(backoffDelay(n, opts));
    }
  }
}
