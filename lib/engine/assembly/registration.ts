// Lock cost and neuron burn, mirroring lib/engine/ref/registration.ts.

import { blockEmission } from "./emission";
import { CHECKED, div, FLAG, fromU64, I64F64, mul, SAT, toU64Sat, U64F64, lt } from "./fixed";
import { mul64, RHI, RLO } from "./wide";

@inline function satSub(a: u64, b: u64): u64 {
  return a > b ? a - b : 0;
}
function satMul(a: u64, b: u64): u64 {
  mul64(a, b);
  return RHI != 0 ? u64.MAX_VALUE : RLO;
}

export function lockReductionInterval(interval: u64, issuance: u64): u64 {
  const I = I64F64;
  const e = blockEmission(issuance, 1_000_000_000);
  fromU64(I, e);
  const eh = RHI;
  const el = RLO;
  fromU64(I, 1_000_000_000);
  div(I, eh, el, RHI, RLO, CHECKED);
  let hh = RHI;
  let hl = RLO;
  if (FLAG) {
    hh = 0;
    hl = 0;
  }
  fromU64(I, interval);
  mul(I, RHI, RLO, hh, hl, SAT);
  return toU64Sat(I, RHI, RLO);
}

export function lockCost(lastLock: u64, minLock: u64, lastLockBlock: u64, currentBlock: u64, interval: u64, issuance: u64): u64 {
  const iv = lockReductionInterval(interval, issuance);
  const mult: u64 = lastLockBlock == 0 ? 1 : 2;
  const perBlock: u64 = iv == 0 ? 0 : lastLock / iv;
  const reduction = satMul(perBlock, satSub(currentBlock, lastLockBlock));
  const cost = satSub(satMul(lastLock, mult), reduction);
  return cost < minLock ? minLock : cost;
}

export function mulByQ32(value: u64, factor: u64): u64 {
  mul64(value, factor);
  // (hi:lo) >> 32, clamped to u64
  if (RHI >> 32 != 0) return u64.MAX_VALUE;
  return (RHI << 32) | (RLO >> 32);
}

export function powQ32(base: u64, exp: u32): u64 {
  let result: u64 = <u64>1 << 32;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if (power & 1) result = mulByQ32(result, factor);
    power >>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

export function decayFactorQ32(halfLife: u32): u64 {
  if (halfLife == 0) return <u64>1 << 32;
  const half: u64 = <u64>1 << 31;
  let lo: u64 = 0;
  let hi: u64 = <u64>1 << 32;
  while (lo + 1 < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (powQ32(mid, halfLife) > half) hi = mid;
    else lo = mid;
  }
  return lo;
}

@inline function clamp(v: u64, lo: u64, hi: u64): u64 {
  return v < lo ? lo : v > hi ? hi : v;
}

export function neuronBurn(
  burn0: u64,
  minBurn: u64,
  maxBurn: u64,
  halfLife: u32,
  blocks: u64,
  registrations: u64,
  mhi: u64,
  mlo: u64,
): u64 {
  let burn = burn0;
  if (halfLife > 0 && blocks > 0) {
    const f = decayFactorQ32(halfLife);
    for (let i: u64 = 0; i < blocks; i++) {
      const next = clamp(mulByQ32(burn, f), minBurn, maxBurn);
      if (next == burn) break;
      burn = next;
    }
  } else if (blocks > 0) burn = clamp(burn, minBurn, maxBurn);
  let mh = mhi;
  let ml = mlo;
  if (lt(U64F64, mh, ml, 1, 0)) {
    mh = 1;
    ml = 0;
  }
  for (let i: u64 = 0; i < registrations; i++) {
    fromU64(U64F64, burn);
    mul(U64F64, RHI, RLO, mh, ml, SAT);
    burn = clamp(toU64Sat(U64F64, RHI, RLO), minBurn, maxBurn);
  }
  return burn;
}
