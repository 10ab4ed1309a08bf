// Subnet lock cost (dtao-math §2.11) and the neuron registration burn (spec ≥ 397: per-block half-life decay,
// multiplicative bump on each registration).

import { blockEmission } from "./emission";
import * as F from "./fixed";

const U64_MAX = (1n << 64n) - 1n;
const ONE_Q32 = 1n << 32n;

export interface LockCostInput {
  lastLock: bigint;
  minLock: bigint;
  lastLockBlock: bigint;
  currentBlock: bigint;
  /** NetworkLockReductionInterval (before the halving adjustment). */
  lockReductionInterval: bigint;
  /** SubtensorModule::TotalIssuance, which sets the halving factor of the interval. */
  totalIssuance: bigint;
}

function satSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}
function satU64(v: bigint): bigint {
  return v > U64_MAX ? U64_MAX : v;
}

/** `get_lock_reduction_interval`: ⌊interval × emission/1e9⌋ in I64F64. */
export function lockReductionInterval(interval: bigint, totalIssuance: bigint): bigint {
  const I = F.I64F64;
  const emission = F.saturatingFromInt(I, blockEmission(totalIssuance));
  const halving = F.checkedDiv(I, emission, F.saturatingFromInt(I, 1_000_000_000n)) ?? 0n;
  return F.toU64Saturating(I, F.saturatingMul(I, F.saturatingFromInt(I, interval), halving));
}

/** `get_network_lock_cost`: max(min, m·L − ⌊L/I⌋·(now − L_block)), m = 1 if never registered else 2. */
export function lockCost(input: LockCostInput): bigint {
  const interval = lockReductionInterval(input.lockReductionInterval, input.totalIssuance);
  const mult = input.lastLockBlock === 0n ? 1n : 2n;
  const perBlock = interval === 0n ? 0n : input.lastLock / interval;
  const reduction = satU64(perBlock * satSub(input.currentBlock, input.lastLockBlock));
  const cost = satSub(satU64(input.lastLock * mult), reduction);
  return F.max(cost, input.minLock);
}

export function mulByQ32(value: bigint, factor: bigint): bigint {
  return satU64((value * factor) >> 32n);
}

export function powQ32(base: bigint, exp: number): bigint {
  let result = ONE_Q32;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if (power & 1) result = mulByQ32(result, factor);
    power >>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

/** Largest Q32 factor f with f^halfLife ≤ 0.5 (binary search, as the chain does). */
export function decayFactorQ32(halfLife: number): bigint {
  if (halfLife === 0) return ONE_Q32;
  const half = 1n << 31n;
  let lo = 0n;
  let hi = ONE_Q32;
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n);
    if (powQ32(mid, halfLife) > half) hi = mid;
    else lo = mid;
  }
  return lo;
}

function clamp(v: bigint, min: bigint, max: bigint): bigint {
  if (v < min) return min;
  if (v > max) return max;
  return v;
}

export interface NeuronBurnInput {
  burn: bigint;
  minBurn: bigint;
  maxBurn: bigint;
  /** BurnHalfLife (u16); 0 disables decay. */
  halfLife: number;
  /** Blocks of decay to apply (each clamps, like the chain's per-block hook). */
  blocks: number;
  /** Registrations: applied after the decay, each `⌊burn × max(mult, 1)⌋` then clamped. */
  registrations: number;
  /** BurnIncreaseMult (U64F64 bits). */
  increaseMult: bigint;
}

export function neuronBurn(input: NeuronBurnInput): bigint {
  let burn = input.burn;
  if (input.halfLife > 0 && input.blocks > 0) {
    const f = decayFactorQ32(input.halfLife);
    for (let i = 0; i < input.blocks; i++) {
      const next = clamp(mulByQ32(burn, f), input.minBurn, input.maxBurn);
      if (next === burn) break; // a fixed point: further blocks change nothing
      burn = next;
    }
  } else if (input.blocks > 0) burn = clamp(burn, input.minBurn, input.maxBurn);
  const U = F.U64F64;
  const mult = F.max(input.increaseMult, U.one);
  for (let i = 0; i < input.registrations; i++) {
    burn = clamp(
      F.toU64Saturating(U, F.saturatingMul(U, F.saturatingFromInt(U, burn), mult)),
      input.minBurn,
      input.maxBurn,
    );
  }
  return burn;
}
