// BigInt reference of the weighted (balancer) pool of pallet-subtensor-swap (spec ≥ 423, and 380):
// spot price, the two swap directions, limit-price amounts and the weight update on injection (dtao-math §3.2).
// x = alpha reserve (base), y = TAO reserve (quote), w2 = quote weight (Perquintill parts), w1 = 1 − w2.

import { powRatioScaled } from "./bigmath";
import * as F from "./fixed";
import { mulPerquintillRound, PERQUINTILL_ACCURACY, perquintillFromRational } from "./perquintill";

const U = F.U64F64;
const U64_MAX = (1n << 64n) - 1n;
const SCALE = PERQUINTILL_ACCURACY;
export const MIN_WEIGHT = PERQUINTILL_ACCURACY / 100n;
export const HALF_WEIGHT = PERQUINTILL_ACCURACY / 2n;

function u64f64(n: bigint): bigint {
  return F.saturatingFromInt(U, n);
}

export function weightsValid(quoteWeight: bigint): boolean {
  return quoteWeight >= MIN_WEIGHT && PERQUINTILL_ACCURACY - quoteWeight >= MIN_WEIGHT;
}

/** p = (w1/w2)·(y/x) in U64F64 (each quotient truncated, product floored; 0 when a quotient fails). */
export function balancerPrice(x: bigint, y: bigint, w2: bigint): bigint {
  const w1 = PERQUINTILL_ACCURACY - w2;
  return F.saturatingMul(U, F.safeDiv(U, u64f64(w1), u64f64(w2)), F.safeDiv(U, u64f64(y), u64f64(x)));
}

/** `exp_scaled`: (r/(r+dr))^(wA/wB) as U64F64 (capped at 1 for dr ≥ 0), 0 when r + dr = 0. */
export function expScaled(r: bigint, dr: bigint, baseQuote: boolean, w2: bigint): bigint {
  let sum = r + dr;
  if (sum > U64_MAX) sum = U64_MAX;
  if (sum < 0n) sum = 0n;
  if (sum === 0n) return 0n;
  const w1 = PERQUINTILL_ACCURACY - w2;
  const res = baseQuote
    ? powRatioScaled(r, sum, w1, w2, 256, SCALE)
    : powRatioScaled(r, sum, w2, w1, 256, SCALE);
  if (res === null || res < 0n || res > U64_MAX) return 0n;
  const v = F.safeDiv(U, u64f64(res), u64f64(SCALE));
  return dr >= 0n && v > U.one ? U.one : v;
}

/** Alpha out for `dy` TAO in: floor(x·(1 − (y/(y+dy))^(w2/w1))). */
export function alphaOutForTao(x: bigint, y: bigint, dy: bigint, w2: bigint): bigint {
  const e = expScaled(y, dy, false, w2);
  return F.toU64Saturating(U, F.saturatingMul(U, u64f64(x), F.saturatingSub(U, U.one, e)));
}

/** TAO out for `dx` alpha in: floor(y·(1 − (x/(x+dx))^(w1/w2))). */
export function taoOutForAlpha(x: bigint, y: bigint, dx: bigint, w2: bigint): bigint {
  const e = expScaled(x, dx, true, w2);
  return F.toU64Saturating(U, F.saturatingMul(U, u64f64(y), F.saturatingSub(U, U.one, e)));
}

function deltaToPrice(num: bigint, den: bigint, weight: bigint, reserve: bigint): bigint {
  const r = powRatioScaled(num, den, weight, PERQUINTILL_ACCURACY, 1024, SCALE);
  if (r === null) return 0n;
  const e = r > U64_MAX ? u64f64(U64_MAX) : r < 0n ? 0n : u64f64(r);
  const factor = F.saturatingSub(U, F.safeDiv(U, e, u64f64(SCALE)), U.one);
  return F.toU64Saturating(U, F.saturatingMul(U, u64f64(reserve), factor));
}

/** TAO that moves the price from `current` up to `target` (U64F64 bits): y·((p'/p)^w1 − 1). */
export function quoteDeltaIn(current: bigint, target: bigint, y: bigint, w2: bigint): bigint {
  return deltaToPrice(target, current, PERQUINTILL_ACCURACY - w2, y);
}

/** Alpha that moves the price from `current` down to `target`: x·((p/p')^w2 − 1). */
export function baseDeltaIn(current: bigint, target: bigint, x: bigint, w2: bigint): bigint {
  return deltaToPrice(current, target, w2, x);
}

/**
 * New quote weight after injecting (dy, dx) so the price stays put, or null when the weight would leave
 * [0.01, 0.99] (the chain then injects nothing).
 */
export function weightAfterInjection(
  y: bigint,
  x: bigint,
  dy: bigint,
  dx: bigint,
  w2: bigint,
): bigint | null {
  const max = (1n << 128n) - 1n;
  const sat = (v: bigint) => (v > max ? max : v);
  const q1 = mulPerquintillRound(PERQUINTILL_ACCURACY - w2, sat(y * sat(x + dx)));
  const q2 = mulPerquintillRound(w2, sat(x * sat(y + dy)));
  const sum = sat(q1 + q2);
  const w = sum !== 0n ? perquintillFromRational(q2, sum) : perquintillFromRational(1n, 2n);
  return weightsValid(w) ? w : null;
}
