// TAO/alpha block emission from issuance (dtao-math §1) and a subnet's root proportion (§2.9).

import * as F from "./fixed";

const I = F.I96F32;
const U96 = F.U96F32;
export const TOTAL_SUPPLY = 21_000_000_000_000_000n;
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n;
const U64_MAX = (1n << 64n) - 1n;

/**
 * `get_block_emission_for_issuance`: in I96F32, k = ⌊log2(1/(1 − issuance/21e15))⌋ with substrate-fixed's log2,
 * emission = ⌊(1/2^k)·1e9⌋. The same curve gives a subnet's alpha emission from its alpha issuance.
 */
export function blockEmission(issuance: bigint, defaultEmission: bigint = DEFAULT_BLOCK_EMISSION): bigint {
  const ti = F.saturatingFromInt(I, issuance);
  if (ti >= F.saturatingFromInt(I, TOTAL_SUPPLY)) return 0n;
  const supply = F.saturatingMul(I, F.fromInt(I, 2n), F.fromF64(I, 10_500_000_000_000_000.0));
  const ratio = F.checkedDiv(I, ti, supply);
  if (ratio === null) throw new RangeError("Logarithm calculation failed");
  const rest = F.checkedSub(I, I.one, ratio);
  if (rest === null) throw new RangeError("Logarithm calculation failed");
  const x = F.checkedDiv(I, I.one, rest);
  if (x === null) throw new RangeError("Logarithm calculation failed");
  const residual = F.log2(I, x);
  if (residual === null) throw new RangeError("Logarithm calculation failed");
  const k = F.toU64Saturating(I, F.floor(I, residual));
  let multiplier = I.one;
  const two = F.fromInt(I, 2n);
  // Past 96 doublings the multiplier saturates; the loop result is then fixed, so stop early.
  for (let i = 0n; i < k && i < 200n; i++) multiplier = F.saturatingMul(I, multiplier, two);
  const pct = F.safeDiv(I, I.one, multiplier);
  return F.toU64Saturating(I, F.saturatingMul(I, pct, F.saturatingFromInt(I, defaultEmission)));
}

/** `get_tao_weight`: U96F32(TaoWeight) / U96F32(u64::MAX). */
export function taoWeightFraction(taoWeight: bigint): bigint {
  return F.safeDiv(U96, F.saturatingFromInt(U96, taoWeight), F.saturatingFromInt(U96, U64_MAX));
}

/**
 * `root_proportion`: tw = SubnetTAO[root] × tao_weight; tw / (tw + alpha issuance), U96F32, 0 on failure.
 * Returns the U96F32 bits.
 */
export function rootProportion(rootTao: bigint, taoWeight: bigint, alphaIssuance: bigint): bigint {
  const tw = F.saturatingMul(U96, F.saturatingFromInt(U96, rootTao), taoWeightFraction(taoWeight));
  return F.checkedDiv(U96, tw, F.saturatingAdd(U96, tw, F.saturatingFromInt(U96, alphaIssuance))) ?? 0n;
}
