// Pool swaps for the three eras, mirroring lib/engine/ref/balancer.ts and lib/engine/ref/swap.ts.
// U64F64 values are (hi = integer part, lo = fraction); results of helpers come back in RHI/RLO.

import { Big, iroot } from "./big";
import { POW_NONE, powRatioScaled } from "./bigmath";
import {
  CHECKED,
  checkedSqrt,
  convert,
  div,
  FLAG,
  fromU64,
  lt,
  mul,
  SAT,
  safeDiv,
  sub,
  add,
  toU64Sat,
  U110F18,
  U64F64,
  U96F32,
} from "./fixed";
import { mul64, RHI, RLO, setRet, udiv128 } from "./wide";

const ACC: u64 = 1_000_000_000_000_000_000;
const HALF: u64 = 500_000_000_000_000_000;
const MIN_WEIGHT: u64 = 10_000_000_000_000_000;
const U = U64F64;

export const ERR_PRICE_LIMIT: i32 = 1;
export const ERR_RESERVES_TOO_LOW: i32 = 2;
export const ERR_INPUT_TOO_LARGE: i32 = 3;
export const ERR_INSUFFICIENT_LIQUIDITY: i32 = 4;
export const ERR_AMOUNT_TOO_LOW: i32 = 5;
export const ERR_EDGE: i32 = 6;
export const ERR_WEIGHTS: i32 = 7;
export const ERR_CP_LIMIT: i32 = 8;
export const ERR_SPEC: i32 = 9;
export const ERR_ZERO_MAX_STAKE: i32 = 10;

@inline function satAdd64(a: u64, b: u64): u64 {
  const s = a + b;
  return s < a ? u64.MAX_VALUE : s;
}
@inline function satSub64(a: u64, b: u64): u64 {
  return a > b ? a - b : 0;
}
@inline function satMul64(a: u64, b: u64): u64 {
  mul64(a, b);
  return RHI != 0 ? u64.MAX_VALUE : RLO;
}

// ---------------------------------------------------------------------------------------------------------
// Balancer

export function weightsValid(w2: u64): bool {
  return w2 >= MIN_WEIGHT && w2 <= ACC && ACC - w2 >= MIN_WEIGHT;
}

// w1/w2 for the last weight seen: pools are quoted many times with the same weight.
let RATIO_W2: u64 = 0;
let RATIO_HI: u64 = 0;
let RATIO_LO: u64 = 0;

/** p = (w1/w2)·(y/x) into RHI/RLO. */
export function balancerPrice(x: u64, y: u64, w2: u64): void {
  if (w2 != RATIO_W2 || RATIO_W2 == 0) {
    safeDiv(U, ACC - w2, 0, w2, 0);
    RATIO_W2 = w2;
    RATIO_HI = RHI;
    RATIO_LO = RLO;
  }
  const ahi = RATIO_HI;
  const alo = RATIO_LO;
  safeDiv(U, y, 0, x, 0);
  mul(U, ahi, alo, RHI, RLO, SAT);
}

/** (r/(r+dr))^(wA/wB) as U64F64 into RHI/RLO (dr ≥ 0, capped at 1). */
export function expScaled(r: u64, dr: u64, baseQuote: bool, w2: u64): void {
  const sum = satAdd64(r, dr);
  if (sum == 0) {
    setRet(0, 0);
    return;
  }
  const w1 = ACC - w2;
  let res: u64;
  if (w1 == w2) {
    // exponent 1/1: floor(r·1e18 / sum) exactly (r ≤ sum, so it fits u64)
    mul64(r, ACC);
    udiv128(RHI, RLO, 0, sum);
    res = RLO;
  } else {
    const p = baseQuote
      ? powRatioScaled(Big.fromU64(r), Big.fromU64(sum), Big.fromU64(w1), Big.fromU64(w2), 256, Big.fromU64(ACC))
      : powRatioScaled(Big.fromU64(r), Big.fromU64(sum), Big.fromU64(w2), Big.fromU64(w1), 256, Big.fromU64(ACC));
    if (POW_NONE || p.neg || p.bitLength() > 64) {
      setRet(0, 0);
      return;
    }
    res = p.lowU64();
  }
  safeDiv(U, res, 0, ACC, 0);
  if (RHI >= 1) setRet(1, 0);
}

export function alphaOutForTao(x: u64, y: u64, dy: u64, w2: u64): u64 {
  expScaled(y, dy, false, w2);
  sub(U, 1, 0, RHI, RLO, SAT);
  mul(U, x, 0, RHI, RLO, SAT);
  return toU64Sat(U, RHI, RLO);
}

export function taoOutForAlpha(x: u64, y: u64, dx: u64, w2: u64): u64 {
  expScaled(x, dx, true, w2);
  sub(U, 1, 0, RHI, RLO, SAT);
  mul(U, y, 0, RHI, RLO, SAT);
  return toU64Sat(U, RHI, RLO);
}

function deltaToPrice(nhi: u64, nlo: u64, dhi: u64, dlo: u64, weight: u64, reserve: u64): u64 {
  const r = powRatioScaled(
    Big.fromU128(nhi, nlo),
    Big.fromU128(dhi, dlo),
    Big.fromU64(weight),
    Big.fromU64(ACC),
    1024,
    Big.fromU64(ACC),
  );
  if (POW_NONE) return 0;
  let e: u64;
  if (r.neg) e = 0;
  else if (r.bitLength() > 64) e = u64.MAX_VALUE;
  else e = r.lowU64();
  safeDiv(U, e, 0, ACC, 0);
  sub(U, RHI, RLO, 1, 0, SAT);
  mul(U, reserve, 0, RHI, RLO, SAT);
  return toU64Sat(U, RHI, RLO);
}

export function quoteDeltaIn(chi: u64, clo: u64, thi: u64, tlo: u64, y: u64, w2: u64): u64 {
  return deltaToPrice(thi, tlo, chi, clo, ACC - w2, y);
}

export function baseDeltaIn(chi: u64, clo: u64, thi: u64, tlo: u64, x: u64, w2: u64): u64 {
  return deltaToPrice(chi, clo, thi, tlo, w2, x);
}

// ---------------------------------------------------------------------------------------------------------
// Shared swap bookkeeping (results of the last swap)

export let Q_ERA: i32 = 0; // 0 constant product, 1 v3, 2 balancer
export let Q_PAID_IN: u64 = 0;
export let Q_PAID_OUT: u64 = 0;
export let Q_FEE: u64 = 0;
export let Q_FEE_AUTHOR: u64 = 0;
export let Q_TAKEN: u64 = 0;
export let Q_RECEIVES: u64 = 0;
export let Q_TAO_AFTER: u64 = 0;
export let Q_ALPHA_AFTER: u64 = 0;
export let Q_PB_HI: u64 = 0;
export let Q_PB_LO: u64 = 0;
export let Q_PA_HI: u64 = 0;
export let Q_PA_LO: u64 = 0;
export let Q_SQ_HI: u64 = 0;
export let Q_SQ_LO: u64 = 0;
export let Q_LIQ: u64 = 0;

let RATE_KEY: u64 = u64.MAX_VALUE;
let RATE_HI: u64 = 0;
let RATE_LO: u64 = 0;

export function feeAmount(amount: u64, feeRate: u64, drop: bool): u64 {
  if (drop) return 0;
  if (feeRate != RATE_KEY) {
    safeDiv(U, feeRate, 0, 65535, 0);
    RATE_KEY = feeRate;
    RATE_HI = RHI;
    RATE_LO = RLO;
  }
  mul(U, amount, 0, RATE_HI, RATE_LO, SAT);
  return toU64Sat(U, RHI, RLO);
}

function feeOnLimited(delta: u64, feeRate: u64, drop: bool): u64 {
  const rate: u64 = drop ? 0 : feeRate;
  sub(U, 65535, 0, rate, 0, SAT);
  safeDiv(U, rate, 0, RHI, RLO);
  mul(U, delta, 0, RHI, RLO, SAT);
  return toU64Sat(U, RHI, RLO);
}

let LIMIT_KEY: u64 = u64.MAX_VALUE;
let LIMIT_HI: u64 = 0;
let LIMIT_LO: u64 = 0;

/** limit rao/alpha → U64F64 price into RHI/RLO (the last conversion is cached: limits repeat). */
export function limitToFixed(limitRao: u64): void {
  if (limitRao != LIMIT_KEY || LIMIT_KEY == u64.MAX_VALUE) {
    safeDiv(U, limitRao, 0, 1_000_000_000, 0);
    LIMIT_KEY = limitRao;
    LIMIT_HI = RHI;
    LIMIT_LO = RLO;
  }
  setRet(LIMIT_HI, LIMIT_LO);
}

export class SwapArgs {
  spec: i32 = 0;
  stake: bool = true;
  amount: u64 = 0;
  tao: u64 = 0;
  alpha: u64 = 0;
  mechanism: i32 = 1;
  feeRate: u64 = 33;
  limit: u64 = 0;
  drop: bool = false;
  simulate: bool = false;
  minimumReserve: u64 = 1_000_000;
  quoteWeight: u64 = HALF;
  hasSqrt: bool = false;
  sqrtHi: u64 = 0;
  sqrtLo: u64 = 0;
  liquidity: u64 = 0;
  stakingFee: u64 = 50_000;
}

function stableSwap(a: SwapArgs, era: i32): i32 {
  if (!a.stake && !a.simulate && a.amount > a.tao) return ERR_INSUFFICIENT_LIQUIDITY;
  Q_ERA = era;
  Q_PAID_IN = a.amount;
  Q_PAID_OUT = a.amount;
  Q_FEE = 0;
  Q_FEE_AUTHOR = 0;
  Q_TAKEN = a.amount;
  Q_RECEIVES = a.amount;
  Q_TAO_AFTER = a.stake ? satAdd64(a.tao, a.amount) : satSub64(a.tao, a.amount);
  Q_ALPHA_AFTER = a.alpha;
  Q_PB_HI = 1;
  Q_PB_LO = 0;
  Q_PA_HI = 1;
  Q_PA_LO = 0;
  return 0;
}

export function poolEra(spec: i32): i32 {
  if (spec < 283) return 0;
  if (spec == 380 || spec >= 423) return 2;
  return 1;
}

export function swapQuote(a: SwapArgs): i32 {
  if (a.spec < 233 || a.spec > 425) return ERR_SPEC;
  const era = poolEra(a.spec);
  Q_SQ_HI = 0;
  Q_SQ_LO = 0;
  Q_LIQ = 0;
  if (a.mechanism == 0) return stableSwap(a, era);
  if (era == 2) return balancerSwap(a);
  if (era == 1) return v3Swap(a);
  return cpSwap(a);
}

function balancerSwap(a: SwapArgs): i32 {
  const stake = a.stake;
  const x = a.alpha;
  const y = a.tao;
  const w2 = a.quoteWeight;
  if (!weightsValid(w2)) return ERR_WEIGHTS;
  limitToFixed(a.limit);
  const lhi = RHI;
  const llo = RLO;
  const amount = a.amount;
  const fee0 = feeAmount(amount, a.feeRate, a.drop);
  const inReserve = stake ? y : x;
  if (amount - fee0 > satMul64(inReserve, 1000)) return ERR_INPUT_TOO_LARGE;
  const outReserve = stake ? x : y;
  if (outReserve < a.minimumReserve) return ERR_RESERVES_TOO_LOW;
  let chi: u64 = 0;
  let clo: u64 = 0;
  if (x != 0) {
    balancerPrice(x, y, w2);
    chi = RHI;
    clo = RLO;
  }
  if (stake ? !lt(U, chi, clo, lhi, llo) : !lt(U, lhi, llo, chi, clo)) return ERR_PRICE_LIMIT;
  const requested = amount - fee0;
  let deltaIn: u64;
  let fee = fee0;
  // A full fill reuses the target's output and price (same inputs, same results as recomputing them).
  let out: u64 = 0;
  let full = false;
  let tgHi: u64 = 0;
  let tgLo: u64 = 0;
  if (stake) {
    const dx = alphaOutForTao(x, y, requested, w2);
    balancerPrice(satSub64(x, dx), satAdd64(y, requested), w2);
    if (!lt(U, lhi, llo, RHI, RLO)) {
      deltaIn = requested;
      full = true;
      out = dx;
      tgHi = RHI;
      tgLo = RLO;
    } else {
      deltaIn = quoteDeltaIn(chi, clo, lhi, llo, y, w2);
      fee = feeOnLimited(deltaIn, a.feeRate, a.drop);
    }
  } else {
    const dy = taoOutForAlpha(x, y, requested, w2);
    balancerPrice(satAdd64(x, requested), satSub64(y, dy), w2);
    if (!lt(U, RHI, RLO, lhi, llo)) {
      deltaIn = requested;
      full = true;
      out = dy;
      tgHi = RHI;
      tgLo = RLO;
    } else {
      deltaIn = baseDeltaIn(chi, clo, lhi, llo, x, w2);
      fee = feeOnLimited(deltaIn, a.feeRate, a.drop);
    }
  }
  if (!full) out = stake ? alphaOutForTao(x, y, deltaIn, w2) : taoOutForAlpha(x, y, deltaIn, w2);
  if (deltaIn != 0 && out == 0) return ERR_RESERVES_TOO_LOW;
  if (!a.simulate && outReserve < out) return ERR_INSUFFICIENT_LIQUIDITY;
  const taoAfter = stake ? satAdd64(y, deltaIn) : y - out;
  const alphaAfter = stake ? x - out : satAdd64(x, deltaIn);
  Q_ERA = 2;
  Q_PAID_IN = deltaIn;
  Q_PAID_OUT = out;
  Q_FEE = fee;
  Q_FEE_AUTHOR = deltaIn != 0 ? fee : 0;
  Q_TAKEN = deltaIn + fee;
  Q_RECEIVES = out;
  Q_TAO_AFTER = taoAfter;
  Q_ALPHA_AFTER = alphaAfter;
  Q_PB_HI = chi;
  Q_PB_LO = clo;
  if (alphaAfter == 0) {
    Q_PA_HI = 0;
    Q_PA_LO = 0;
  } else if (full) {
    Q_PA_HI = tgHi;
    Q_PA_LO = tgLo;
  } else {
    balancerPrice(alphaAfter, taoAfter, w2);
    Q_PA_HI = RHI;
    Q_PA_LO = RLO;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------
// Uniswap-v3 era (protocol full-range position)

const EPS12_LO: u64 = 18446744;
const EPS10_LO: u64 = 1844674407;
const EDGE_LOW_LO: u64 = 4296246695;
const EDGE_HIGH_HI: u64 = 4294886577;
const MAX_PRICE_RAO: u64 = 1_000_000_000_000_000;
const MIN_PRICE_RAO: u64 = 1_000;

/** U96F32(√P²) widened back to U64F64, into RHI/RLO. */
export function v3Price(shi: u64, slo: u64): void {
  mul(U, shi, slo, shi, slo, SAT);
  convert(U, U96F32, RHI, RLO);
  convert(U96F32, U, RHI, RLO);
}

export function isqrtU128(hi: u64, lo: u64): u64 {
  const r = iroot(Big.fromU128(hi, lo), 2);
  return r.lowU64();
}

function v3Swap(a: SwapArgs): i32 {
  const stake = a.stake;
  const drop = a.drop;
  limitToFixed(a.limit);
  checkedSqrt(U, RHI, RLO, 0, EPS10_LO);
  const lsHi = RHI;
  const lsLo = RLO;
  const outReserve = stake ? a.alpha : a.tao;
  if (outReserve < a.minimumReserve) return ERR_RESERVES_TOO_LOW;
  let sHi: u64;
  let sLo: u64;
  let liq: u64;
  if (a.hasSqrt) {
    sHi = a.sqrtHi;
    sLo = a.sqrtLo;
    liq = a.liquidity;
  } else {
    safeDiv(U, a.tao, 0, a.alpha, 0);
    checkedSqrt(U, RHI, RLO, 0, EPS12_LO);
    sHi = RHI;
    sLo = RLO;
    mul64(a.tao, a.alpha);
    liq = isqrtU128(RHI, RLO);
  }
  if (stake ? !lt(U, sHi, sLo, lsHi, lsLo) : !lt(U, lsHi, lsLo, sHi, sLo)) return ERR_PRICE_LIMIT;
  const amount = a.amount;
  let fee = feeAmount(amount, a.feeRate, drop);
  const possible = amount - fee;
  let tHi: u64;
  let tLo: u64;
  if (stake) {
    if (liq == 0) {
      fromU64(U, MAX_PRICE_RAO);
    } else {
      safeDiv(U, possible, 0, liq, 0);
      add(U, RHI, RLO, sHi, sLo, SAT);
    }
  } else {
    if (liq == 0) {
      fromU64(U, MIN_PRICE_RAO);
    } else {
      safeDiv(U, 1, 0, sHi, sLo);
      const ihi = RHI;
      const ilo = RLO;
      safeDiv(U, possible, 0, liq, 0);
      add(U, RHI, RLO, ihi, ilo, SAT);
      safeDiv(U, 1, 0, RHI, RLO);
    }
  }
  tHi = RHI;
  tLo = RLO;
  const eHi: u64 = stake ? EDGE_HIGH_HI : 0;
  const eLo: u64 = stake ? 0 : EDGE_LOW_LO;
  // closer(a, b): stake a ≤ b, unstake a ≥ b
  const tCloserL = stake ? !lt(U, lsHi, lsLo, tHi, tLo) : !lt(U, tHi, tLo, lsHi, lsLo);
  const tCloserE = stake ? !lt(U, eHi, eLo, tHi, tLo) : !lt(U, tHi, tLo, eHi, eLo);
  const lCloserT = stake ? !lt(U, tHi, tLo, lsHi, lsLo) : !lt(U, lsHi, lsLo, tHi, tLo);
  const lCloserE = stake ? !lt(U, eHi, eLo, lsHi, lsLo) : !lt(U, lsHi, lsLo, eHi, eLo);
  let deltaIn: u64;
  let fHi: u64;
  let fLo: u64;
  if (tCloserL && tCloserE) {
    deltaIn = possible;
    fHi = tHi;
    fLo = tLo;
  } else if (lCloserT && lCloserE) {
    fHi = lsHi;
    fLo = lsLo;
    if (stake) {
      sub(U, lsHi, lsLo, sHi, sLo, SAT);
      mul(U, liq, 0, RHI, RLO, SAT);
    } else {
      safeDiv(U, 1, 0, sHi, sLo);
      const ihi = RHI;
      const ilo = RLO;
      safeDiv(U, 1, 0, lsHi, lsLo);
      sub(U, RHI, RLO, ihi, ilo, SAT);
      mul(U, liq, 0, RHI, RLO, SAT);
    }
    deltaIn = toU64Sat(U, RHI, RLO);
    fee = feeOnLimited(deltaIn, a.feeRate, drop);
  } else return ERR_EDGE;
  let out: u64 = 0;
  if (deltaIn != 0) {
    if (stake) {
      mul(U, liq, 0, sHi, sLo, SAT);
      add(U, RHI, RLO, deltaIn, 0, SAT);
      mul(U, RHI, RLO, sHi, sLo, SAT);
      safeDiv(U, liq, 0, RHI, RLO);
      mul(U, RHI, RLO, deltaIn, 0, SAT);
    } else {
      safeDiv(U, liq, 0, sHi, sLo);
      add(U, RHI, RLO, deltaIn, 0, SAT);
      safeDiv(U, liq, 0, RHI, RLO);
      mul(U, RHI, RLO, sHi, sLo, SAT);
      mul(U, deltaIn, 0, RHI, RLO, SAT);
    }
    out = toU64Sat(U, RHI, RLO);
    if (out == 0) return ERR_RESERVES_TOO_LOW;
  }
  if (!a.simulate && outReserve < out) return ERR_INSUFFICIENT_LIQUIDITY;
  Q_ERA = 1;
  Q_PAID_IN = deltaIn;
  Q_PAID_OUT = out;
  Q_FEE = fee;
  Q_FEE_AUTHOR = deltaIn != 0 && (a.spec >= 385 || a.spec == 380) ? fee : 0;
  Q_TAKEN = deltaIn + fee;
  Q_RECEIVES = out;
  Q_TAO_AFTER = stake ? satAdd64(a.tao, deltaIn) : a.tao - out;
  Q_ALPHA_AFTER = stake ? a.alpha - out : satAdd64(a.alpha, deltaIn);
  v3Price(sHi, sLo);
  Q_PB_HI = RHI;
  Q_PB_LO = RLO;
  v3Price(fHi, fLo);
  Q_PA_HI = RHI;
  Q_PA_LO = RLO;
  Q_SQ_HI = fHi;
  Q_SQ_LO = fLo;
  Q_LIQ = liq;
  return 0;
}

// ---------------------------------------------------------------------------------------------------------
// Constant product (launch era)

const C = U110F18;
const CP_MIN_LO: u64 = <u64>10_000_000 << 18;

export function cpPrice(tao: u64, alpha: u64): void {
  if (alpha == 0) {
    setRet(0, 0);
    return;
  }
  fromU64(U96F32, tao);
  const thi = RHI;
  const tlo = RLO;
  fromU64(U96F32, alpha);
  safeDiv(U96F32, thi, tlo, RHI, RLO);
  convert(U96F32, U, RHI, RLO);
}

export let CP_NONE: bool = false;

export function cpAlphaOut(x: u64, y: u64, tao: u64): u64 {
  fromU64(C, x);
  const xh = RHI;
  const xl = RLO;
  fromU64(C, y);
  const yh = RHI;
  const yl = RLO;
  mul(C, xh, xl, yh, yl, SAT);
  const kh = RHI;
  const kl = RLO;
  fromU64(C, tao);
  add(C, yh, yl, RHI, RLO, SAT);
  safeDiv(C, kh, kl, RHI, RLO);
  if (lt(C, RHI, RLO, 0, CP_MIN_LO)) {
    CP_NONE = true;
    return 0;
  }
  CP_NONE = false;
  sub(C, xh, xl, RHI, RLO, SAT);
  return toU64Sat(C, RHI, RLO);
}

export function cpTaoOut(x: u64, y: u64, alpha: u64): u64 {
  fromU64(C, x);
  const xh = RHI;
  const xl = RLO;
  fromU64(C, y);
  const yh = RHI;
  const yl = RLO;
  mul(C, xh, xl, yh, yl, SAT);
  const kh = RHI;
  const kl = RLO;
  fromU64(C, alpha);
  add(C, xh, xl, RHI, RLO, SAT);
  div(C, kh, kl, RHI, RLO, CHECKED);
  if (FLAG) setRet(0, 0);
  if (lt(C, RHI, RLO, 0, CP_MIN_LO)) {
    CP_NONE = true;
    return 0;
  }
  CP_NONE = false;
  sub(C, yh, yl, RHI, RLO, SAT);
  return toU64Sat(C, RHI, RLO);
}

function cpSwap(a: SwapArgs): i32 {
  const x = a.alpha;
  const y = a.tao;
  const fee: u64 = a.drop ? 0 : a.stakingFee;
  cpPrice(y, x);
  Q_PB_HI = RHI;
  Q_PB_LO = RLO;
  Q_ERA = 0;
  Q_FEE_AUTHOR = 0;
  Q_TAKEN = a.amount;
  if (a.stake) {
    if (a.amount < fee) return ERR_AMOUNT_TOO_LOW;
    const staked = a.amount - fee;
    const out = cpAlphaOut(x, y, staked);
    if (CP_NONE) return ERR_INSUFFICIENT_LIQUIDITY;
    Q_PAID_IN = staked;
    Q_PAID_OUT = out;
    Q_FEE = fee;
    Q_RECEIVES = out;
    Q_TAO_AFTER = satAdd64(satAdd64(y, staked), fee);
    Q_ALPHA_AFTER = x - out;
  } else {
    const out = cpTaoOut(x, y, a.amount);
    if (CP_NONE) return ERR_INSUFFICIENT_LIQUIDITY;
    const kept = fee < out ? fee : out;
    Q_PAID_IN = a.amount;
    Q_PAID_OUT = out;
    Q_FEE = kept;
    Q_RECEIVES = satSub64(out, fee);
    Q_TAO_AFTER = satAdd64(satSub64(y, out), kept);
    Q_ALPHA_AFTER = satAdd64(x, a.amount);
  }
  cpPrice(Q_TAO_AFTER, Q_ALPHA_AFTER);
  Q_PA_HI = RHI;
  Q_PA_LO = RLO;
  return 0;
}

/** get_max_amount_add/remove (dynamic subnets): paid-in + fee of a simulated 1000×reserve (v3: u64::MAX) swap. */
export function maxAmount(a: SwapArgs): i32 {
  const v3 = poolEra(a.spec) == 1;
  a.amount = v3 ? u64.MAX_VALUE : satMul64(a.stake ? a.tao : a.alpha, 1000);
  a.simulate = true;
  const rc = swapQuote(a);
  if (rc != 0) return rc;
  Q_TAKEN = Q_PAID_IN + Q_FEE;
  if (v3 && Q_TAKEN == 0) return ERR_ZERO_MAX_STAKE;
  return 0;
}
