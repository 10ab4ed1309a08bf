// WASM coinbase for the price-share eras with the balancer pool (mirrors lib/engine/ref/coinbase.ts with
// balancerCoinbasePool, spec ≥ 421; flow-era shares are reference-only). Runs `blocks` consecutive coinbases
// on the state in the buffer, in place (no moving-price update between blocks).
//
// Buffer (`coinbaseInputPtr(words)`), u64 words. Header (16): 0 spec, 1 block, 2 totalIssuance, 3 totalStake,
// 4 rootTao, 5 taoWeight, 6 subnetOwnerCut, 7 maxEpochsPerBlock, 8 emission (u64::MAX = from issuance),
// 9 subnet count, 10 blocks to run; outputs 11 blockEmission, 12 rootSellFlag, 13 recycledTao, 14 issuedTao
// (of the last block). Then per subnet (ascending netuid) SW = 24 state words: 0 netuid, 1 mechanism,
// 2 taoReserve, 3 alphaIn, 4 alphaOut, 5 protocolAlpha, 6 quoteWeight, 7/8 movingPrice hi/lo (I96F32),
// 9/10 minerBurned hi/lo (U96F32), 11 flags (bit0 emissionEnabled, bit1 ownerCutEnabled, bit2 emitted),
// 12 pendingServer, 13 pendingValidator, 14 pendingRootAlpha, 15 pendingOwnerCut, 16 protocolFlow (i64),
// 17 tempo, 18 lastEpochBlock, 19 pendingEpochAt, 20 blocksSinceLastStep, 21 epochIndex, 22-23 unused;
// then per subnet RW = 32 result words of the last block (see R_* below).

import { Big, add as bigAdd, cmp as bigCmp, div as bigDiv, mul as bigMul, sub as bigSub } from "./big";
import { blockEmission, EMISSION_ERR, rootProportion } from "./emission";
import { add, CHECKED, convert, div, FLAG, fromU64, I96F32, mul, SAT, safeDiv, sub, toU64Sat, U64F64, U96F32 } from "./fixed";
import { balancerPrice, Q_PAID_IN, Q_PAID_OUT, SwapArgs, swapQuote, weightsValid } from "./swap";
import { RHI, RLO } from "./wide";

const H = 16;
const SW = 24;
const RW = 32;
const ACC: u64 = 1_000_000_000_000_000_000;
const HALF_W: u64 = 500_000_000_000_000_000;
const MAX_PRICE_RAO: u64 = 1_000_000_000_000_000;

// result word offsets
const R_SHARE_HI = 0;
const R_SHARE_LO = 1;
const R_TAOEM_HI = 2;
const R_TAOEM_LO = 3;
const R_ALPHA_EMISSION = 4;
const R_PRICE_HI = 5;
const R_PRICE_LO = 6;
const R_TAO_REQ = 7;
const R_ALPHA_REQ = 8;
const R_EXCESS = 9;
const R_TAO_IN_EM = 10;
const R_ALPHA_IN_EM = 11;
const R_ALPHA_OUT_EM = 12;
const R_EXCESS_PAID = 13;
const R_EXCESS_STRANDED = 14;
const R_BOUGHT = 15;
const R_OWNER_CUT = 16;
const R_SERVER = 17;
const R_VALIDATOR = 18;
const R_ROOT_ALPHA = 19;
const R_ROOT_RECYCLED = 20;
const R_RP_HI = 21;
const R_RP_LO = 22;
const R_DRAINED = 23;
const R_D_SERVER = 24;
const R_D_VALIDATOR = 25;
const R_D_ROOT = 26;
const R_D_OWNER = 27;
const R_EMITTED = 28;
const R_DEFERRED = 29;

let B = new StaticArray<u64>(0);

export function coinbaseInputPtr(words: i32): usize {
  if (B.length < words) B = new StaticArray<u64>(words);
  return changetype<usize>(B);
}

@inline function satAdd64(a: u64, b: u64): u64 {
  const s = a + b;
  return s < a ? u64.MAX_VALUE : s;
}
@inline function satSub64(a: u64, b: u64): u64 {
  return a > b ? a - b : 0;
}
@inline function ltU(ahi: u64, alo: u64, bhi: u64, blo: u64): bool {
  return ahi < bhi || (ahi == bhi && alo < blo);
}

const MAX128: Big = bigSub(Big.pow2(128), Big.fromU64(1));
@inline function sat128(v: Big): Big {
  return bigCmp(v, MAX128) > 0 ? MAX128 : v;
}
function mulPerquintillRound(p: u64, value: Big): Big {
  return sat128(bigDiv(bigAdd(bigMul(value, Big.fromU64(p)), Big.fromU64(ACC / 2)), Big.fromU64(ACC)));
}
/** New quote weight after an injection, or u64::MAX when it would leave [0.01, 0.99]. */
function weightAfterInjection(y: u64, x: u64, dy: u64, dx: u64, w2: u64): u64 {
  const q1 = mulPerquintillRound(ACC - w2, sat128(bigMul(Big.fromU64(y), sat128(bigAdd(Big.fromU64(x), Big.fromU64(dx))))));
  const q2 = mulPerquintillRound(w2, sat128(bigMul(Big.fromU64(x), sat128(bigAdd(Big.fromU64(y), Big.fromU64(dy))))));
  const sum = sat128(bigAdd(q1, q2));
  let w: u64;
  if (sum.isZero()) w = ACC / 2;
  else if (bigCmp(q2, sum) > 0) w = ACC;
  else w = bigDiv(bigMul(q2, Big.fromU64(ACC)), sum).lowU64();
  return weightsValid(w) ? w : u64.MAX_VALUE;
}

@inline function sb(s: i32, k: i32): u64 {
  return unchecked(B[H + s * SW + k]);
}
@inline function setS(s: i32, k: i32, v: u64): void {
  unchecked((B[H + s * SW + k] = v));
}

let ROFF = 0;
@inline function setR(s: i32, k: i32, v: u64): void {
  unchecked((B[ROFF + s * RW + k] = v));
}
@inline function rr(s: i32, k: i32): u64 {
  return unchecked(B[ROFF + s * RW + k]);
}

/** Spot price (U64F64) into RHI/RLO. */
function spotPrice(s: i32): void {
  if (sb(s, 1) == 0) {
    RHI = 1;
    RLO = 0;
    return;
  }
  const x = sb(s, 3);
  if (x == 0) {
    RHI = 0;
    RLO = 0;
    return;
  }
  const w = sb(s, 6);
  balancerPrice(x, sb(s, 2), w == 0 ? HALF_W : w);
}

function rootProp(s: i32): void {
  rootProportion(unchecked(B[4]), unchecked(B[5]), satAdd64(sb(s, 3), sb(s, 4)));
}

const ARGS = new SwapArgs();

function oneBlock(): void {
  const spec = <i32>unchecked(B[0]);
  const block = unchecked(B[1]);
  const n = <i32>unchecked(B[9]);
  ROFF = H + n * SW;
  let E = unchecked(B[8]);
  if (E == u64.MAX_VALUE) {
    E = blockEmission(unchecked(B[2]), 1_000_000_000);
    if (EMISSION_ERR) E = 0;
  }
  unchecked((B[11] = E));
  for (let s = 0; s < n; s++) for (let k = 0; k < RW; k++) setR(s, k, 0);

  // --- shares: p̄ (· root_prop for 421–424) · (1 − MinerBurned), renormalised; emission-disable
  const withRp = spec < 425;
  let totHi: u64 = 0;
  let totLo: u64 = 0;
  let anyDisabled = false;
  for (let s = 0; s < n; s++) {
    if ((sb(s, 11) & 4) == 0) continue;
    setR(s, R_EMITTED, 1);
    if (sb(s, 1) == 0) {
      RHI = 1;
      RLO = 0;
    } else convert(I96F32, U64F64, sb(s, 7), sb(s, 8));
    setR(s, R_SHARE_HI, RHI); // price for now
    setR(s, R_SHARE_LO, RLO);
    add(U64F64, totHi, totLo, RHI, RLO, SAT);
    totHi = RHI;
    totLo = RLO;
    if ((sb(s, 11) & 1) == 0) anyDisabled = true;
  }
  // root sell flag: Σ prices > 1
  const rootSell = totHi > 1 || (totHi == 1 && totLo > 0);
  unchecked((B[12] = rootSell ? 1 : 0));
  let wHi: u64 = 0;
  let wLo: u64 = 0;
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    div(U64F64, rr(s, R_SHARE_HI), rr(s, R_SHARE_LO), totHi, totLo, CHECKED);
    let shHi = FLAG ? 0 : RHI;
    let shLo = FLAG ? 0 : RLO;
    setR(s, R_SHARE_HI, shHi);
    setR(s, R_SHARE_LO, shLo);
    // weight
    convert(U96F32, U64F64, sb(s, 9), sb(s, 10));
    let bHi = RHI;
    let bLo = RLO;
    if (ltU(1, 0, bHi, bLo)) {
      bHi = 1;
      bLo = 0;
    }
    sub(U64F64, 1, 0, bHi, bLo, SAT);
    let fHi = RHI;
    let fLo = RLO;
    if (withRp) {
      rootProp(s);
      convert(U96F32, U64F64, RHI, RLO);
      mul(U64F64, RHI, RLO, fHi, fLo, SAT);
      fHi = RHI;
      fLo = RLO;
    }
    mul(U64F64, shHi, shLo, fHi, fLo, SAT);
    setR(s, R_TAOEM_HI, RHI); // weighted share, temporarily
    setR(s, R_TAOEM_LO, RLO);
    add(U64F64, wHi, wLo, RHI, RLO, SAT);
    wHi = RHI;
    wLo = RLO;
  }
  const useWeighted = wHi != 0 || wLo != 0;
  let enHi: u64 = 0;
  let enLo: u64 = 0;
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    if (useWeighted) {
      safeDiv(U64F64, rr(s, R_TAOEM_HI), rr(s, R_TAOEM_LO), wHi, wLo);
      setR(s, R_SHARE_HI, RHI);
      setR(s, R_SHARE_LO, RLO);
    }
    if ((sb(s, 11) & 1) != 0) {
      add(U64F64, enHi, enLo, rr(s, R_SHARE_HI), rr(s, R_SHARE_LO), SAT);
      enHi = RHI;
      enLo = RLO;
    }
  }
  fromU64(U96F32, E);
  convert(U96F32, U64F64, RHI, RLO);
  const e64Hi = RHI;
  const e64Lo = RLO;
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    if (anyDisabled) {
      if ((sb(s, 11) & 1) != 0 && (enHi != 0 || enLo != 0)) {
        safeDiv(U64F64, rr(s, R_SHARE_HI), rr(s, R_SHARE_LO), enHi, enLo);
        setR(s, R_SHARE_HI, RHI);
        setR(s, R_SHARE_LO, RLO);
      } else {
        setR(s, R_SHARE_HI, 0);
        setR(s, R_SHARE_LO, 0);
      }
    }
    mul(U64F64, e64Hi, e64Lo, rr(s, R_SHARE_HI), rr(s, R_SHARE_LO), SAT);
    convert(U64F64, U96F32, RHI, RLO);
    setR(s, R_TAOEM_HI, RHI);
    setR(s, R_TAOEM_LO, RLO);
  }

  // --- injection terms (all before any injection)
  fromU64(U96F32, E);
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    let ae = blockEmission(satAdd64(sb(s, 3), sb(s, 4)), 1_000_000_000);
    if (EMISSION_ERR) ae = 0;
    setR(s, R_ALPHA_EMISSION, ae);
    spotPrice(s);
    convert(U64F64, U96F32, RHI, RLO);
    const pHi = RHI;
    const pLo = RLO;
    setR(s, R_PRICE_HI, pHi);
    setR(s, R_PRICE_LO, pLo);
    const teHi = rr(s, R_TAOEM_HI);
    const teLo = rr(s, R_TAOEM_LO);
    let tiHi = teHi;
    let tiLo = teLo;
    div(U96F32, teHi, teLo, pHi, pLo, CHECKED);
    let aiHi = FLAG ? 0 : RHI;
    let aiLo = FLAG ? 0 : RLO;
    rootProp(s);
    const rpHi = RHI;
    const rpLo = RLO;
    fromU64(U96F32, ae);
    mul(U96F32, rpHi, rpLo, RHI, RLO, SAT);
    const capHi = RHI;
    const capLo = RLO;
    if (ltU(capHi, capLo, aiHi, aiLo)) {
      aiHi = capHi;
      aiLo = capLo;
      mul(U96F32, aiHi, aiLo, pHi, pLo, SAT);
      tiHi = RHI;
      tiLo = RLO;
    }
    sub(U96F32, teHi, teLo, tiHi, tiLo, SAT);
    setR(s, R_EXCESS, toU64Sat(U96F32, RHI, RLO));
    setR(s, R_TAO_REQ, toU64Sat(U96F32, tiHi, tiLo));
    setR(s, R_ALPHA_REQ, toU64Sat(U96F32, aiHi, aiLo));
  }

  // --- inject_and_maybe_swap
  let remaining = E;
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    const taoIn = rr(s, R_TAO_REQ);
    const alphaIn = rr(s, R_ALPHA_REQ);
    const excess = rr(s, R_EXCESS);
    const w0 = sb(s, 6) == 0 ? HALF_W : sb(s, 6);
    const w1 = weightAfterInjection(sb(s, 2), sb(s, 3), taoIn, alphaIn, w0);
    let accTao: u64 = 0;
    let accAlpha: u64 = 0;
    if (w1 != u64.MAX_VALUE) {
      accTao = taoIn;
      accAlpha = alphaIn;
      setS(s, 6, w1);
    } else setS(s, 6, w0);
    if (excess > 0 && remaining >= excess) {
      remaining -= excess;
      let ok = false;
      let paidIn: u64 = 0;
      let out: u64 = 0;
      if (sb(s, 1) == 0) {
        ok = true;
        paidIn = excess;
        out = excess;
        setS(s, 2, satAdd64(sb(s, 2), excess));
        setS(s, 4, satAdd64(sb(s, 4), excess));
        setS(s, 3, satSub64(sb(s, 3), excess));
      } else {
        const a = ARGS;
        a.spec = spec;
        a.stake = true;
        a.amount = excess;
        a.tao = sb(s, 2);
        a.alpha = sb(s, 3);
        a.mechanism = 1;
        a.feeRate = 33;
        a.limit = MAX_PRICE_RAO;
        a.drop = true;
        a.simulate = false;
        a.minimumReserve = 1_000_000;
        a.quoteWeight = sb(s, 6);
        a.hasSqrt = false;
        if (swapQuote(a) == 0) {
          ok = true;
          paidIn = Q_PAID_IN;
          out = Q_PAID_OUT;
          setS(s, 3, satSub64(sb(s, 3), out));
          setS(s, 4, satAdd64(sb(s, 4), out));
          setS(s, 2, satAdd64(sb(s, 2), paidIn));
        }
      }
      setR(s, R_EXCESS_STRANDED, excess - paidIn);
      if (ok) {
        setR(s, R_BOUGHT, out);
        setR(s, R_EXCESS_PAID, paidIn);
        if (spec >= 413) setS(s, 5, satAdd64(sb(s, 5), out));
        else setS(s, 4, satSub64(sb(s, 4), out));
        unchecked((B[3] = satAdd64(unchecked(B[3]), excess)));
        setS(s, 16, <u64>(<i64>sb(s, 16) + <i64>paidIn));
      }
    }
    setR(s, R_ALPHA_IN_EM, accAlpha);
    setS(s, 3, satAdd64(sb(s, 3), accAlpha));
    if (accTao > 0 && remaining >= accTao) {
      remaining -= accTao;
      setR(s, R_TAO_IN_EM, accTao);
      setS(s, 2, satAdd64(sb(s, 2), accTao));
      unchecked((B[3] = satAdd64(unchecked(B[3]), accTao)));
      setS(s, 16, <u64>(<i64>sb(s, 16) + <i64>accTao));
    }
  }
  const issued = E - remaining;
  unchecked((B[13] = remaining));
  unchecked((B[14] = issued));
  unchecked((B[2] = satAdd64(unchecked(B[2]), issued)));

  // --- alpha_out, owner cut, root alpha, split
  fromU64(U96F32, unchecked(B[6]));
  const chi = RHI;
  const clo = RLO;
  fromU64(U96F32, 65535);
  safeDiv(U96F32, chi, clo, RHI, RLO);
  const cutHi = RHI;
  const cutLo = RLO;
  const halfHi: u64 = 0;
  const halfLo: u64 = <u64>1 << 31;
  for (let s = 0; s < n; s++) {
    if (rr(s, R_EMITTED) == 0) continue;
    fromU64(U96F32, rr(s, R_ALPHA_EMISSION));
    let aoHi = RHI;
    let aoLo = RLO;
    const created = toU64Sat(U96F32, aoHi, aoLo);
    setR(s, R_ALPHA_OUT_EM, created);
    setS(s, 4, satAdd64(sb(s, 4), created));
    if ((sb(s, 11) & 2) != 0) {
      mul(U96F32, aoHi, aoLo, cutHi, cutLo, SAT);
      const ocHi = RHI;
      const ocLo = RLO;
      sub(U96F32, aoHi, aoLo, ocHi, ocLo, SAT);
      aoHi = RHI;
      aoLo = RLO;
      const oc = toU64Sat(U96F32, ocHi, ocLo);
      setR(s, R_OWNER_CUT, oc);
      setS(s, 15, satAdd64(sb(s, 15), oc));
    }
    rootProp(s);
    setR(s, R_RP_HI, RHI);
    setR(s, R_RP_LO, RLO);
    mul(U96F32, RHI, RLO, aoHi, aoLo, SAT);
    mul(U96F32, RHI, RLO, halfHi, halfLo, SAT);
    const raHi = RHI;
    const raLo = RLO;
    mul(U96F32, aoHi, aoLo, halfHi, halfLo, SAT);
    const svHi = RHI;
    const svLo = RLO;
    sub(U96F32, aoHi, aoLo, svHi, svLo, SAT);
    sub(U96F32, RHI, RLO, raHi, raLo, SAT);
    const server = toU64Sat(U96F32, svHi, svLo);
    const validator = toU64Sat(U96F32, RHI, RLO);
    const rootAlpha = toU64Sat(U96F32, raHi, raLo);
    setR(s, R_SERVER, server);
    setR(s, R_VALIDATOR, validator);
    setR(s, R_ROOT_ALPHA, rootAlpha);
    setS(s, 12, satAdd64(sb(s, 12), server));
    setS(s, 13, satAdd64(sb(s, 13), validator));
    if (rootSell) setS(s, 14, satAdd64(sb(s, 14), rootAlpha));
    else {
      setS(s, 4, satSub64(sb(s, 4), rootAlpha));
      setR(s, R_ROOT_RECYCLED, rootAlpha);
    }
  }

  // --- drain_pending schedule (all subnets, ascending)
  const cap = <i32>unchecked(B[7]);
  let run = 0;
  for (let s = 0; s < n; s++) {
    const tempo = sb(s, 17);
    const bsls = satAdd64(sb(s, 20), 1);
    setS(s, 20, bsls);
    let due = false;
    if (spec < 423) {
      if (tempo != 0) {
        const rem = (block + sb(s, 0) + 1) % (tempo + 1);
        due = tempo - rem == 0 || tempo < rem;
      }
      if (!due) continue;
      // legacy: no cap
    } else {
      if (tempo == 0) continue;
      const pend = sb(s, 19);
      const last = sb(s, 18);
      due = (pend > 0 && block >= pend) || bsls > 50_400 || (block > last ? block - last : 0) >= tempo;
      if (!due) continue;
      if (run >= cap) {
        setS(s, 19, block + 1);
        setR(s, R_DEFERRED, 1);
        continue;
      }
      run++;
      setS(s, 19, 0);
    }
    setS(s, 20, 0);
    setS(s, 18, block);
    setS(s, 21, sb(s, 21) + 1);
    setR(s, R_DRAINED, 1);
    setR(s, R_D_SERVER, sb(s, 12));
    setR(s, R_D_VALIDATOR, sb(s, 13));
    setR(s, R_D_ROOT, sb(s, 14));
    setR(s, R_D_OWNER, sb(s, 15));
    setS(s, 12, 0);
    setS(s, 13, 0);
    setS(s, 14, 0);
    setS(s, 15, 0);
  }
}

/** Runs `B[10]` blocks (block number advancing by one after each); returns 0. */
export function coinbaseRun(): i32 {
  const blocks = unchecked(B[10]);
  for (let b: u64 = 0; b < blocks; b++) {
    if (b > 0) unchecked((B[1] = unchecked(B[1]) + 1));
    oneBlock();
  }
  return 0;
}
