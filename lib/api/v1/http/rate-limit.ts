// Per-client token bucket, in memory (one process; behind several processes each gets its own budget).
// Generous by default: the point is to stop one client starving the others, not to sell API keys. The limit
// comes from API_RATE_LIMIT_PER_MIN (lib/config.ts; 0 turns it off) unless configureRateLimit() set one.
import { config } from "../../../config";

export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Bucket size (burst); default: perMinute / 6 (10 s worth), at least 1. */
  burst?: number;
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBucketLimiter {
  readonly perMinute: number;
  readonly burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #ratePerMs: number;

  constructor(opts: RateLimitOptions) {
    this.perMinute = opts.perMinute;
    this.burst = Math.max(1, Math.floor(opts.burst ?? opts.perMinute / 6));
    this.#ratePerMs = opts.perMinute / 60_000;
  }

  take(client: string, now = Date.now()): RateDecision {
    const b = this.#buckets.get(client) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.#ratePerMs);
    b.at = now;
    this.#buckets.set(client, b);
    if (this.#buckets.size > 50_000) this.#sweep(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.#ratePerMs / 1000)) };
  }

  /** Forgets clients whose bucket has refilled: they are indistinguishable from new ones. */
  #sweep(now: number): void {
    for (const [k, b] of this.#buckets) {
      if (b.tokens + (now - b.at) * this.#ratePerMs >= this.burst) this.#buckets.delete(k);
    }
  }
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 600, burst: 100 };

/** The limit API_RATE_LIMIT_PER_MIN asks for: null when 0 (off); burst 10 s worth. */
export function rateLimitFromConfig(perMinute: number): RateLimitOptions | null {
  return perMinute === 0 ? null : { perMinute };
}

// undefined: not configured yet, read from lib/config on first use.
let limiter: TokenBucketLimiter | null | undefined;

/** Replaces the process-wide limiter; null disables limiting (benchmarks, trusted deployments). */
export function configureRateLimit(opts: RateLimitOptions | null): void {
  limiter = opts ? new TokenBucketLimiter(opts) : null;
}

/** Forgets the configured limiter: the next request reads API_RATE_LIMIT_PER_MIN again (tests). */
export function resetRateLimit(): void {
  limiter = undefined;
}

export function rateLimiter(): TokenBucketLimiter | null {
  if (limiter === undefined) configureRateLimit(rateLimitFromConfig(config().API_RATE_LIMIT_PER_MIN));
  return limiter ?? null;
}

/**
 * The client a request counts against: the first X-Forwarded-For hop (set by the reverse proxy Taoview is
 * meant to run behind), else X-Real-IP. Without a proxy these headers are client-controlled, so a deployment
 * exposed directly should put a proxy in front to make the limit meaningful.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "direct";
}
