// WASM entry for the Yuma epoch (mirrors lib/engine/ref/epoch-yuma.ts bit for bit).
//
// Input (u64 words in the buffer from `yumaInputPtr(words)`):
//   0 n, 1 spec, 2 block, 3 tempo, 4 activityCutoff, 5 lastMechanismStepBlock, 6 taoWeight, 7 stakeThreshold,
//   8 ownerUid (u64::MAX = none), 9 maxAllowedValidators, 10 kappa, 11 bondsPenalty, 12 bondsMovingAverage,
//   13 flags (bit0 yuma3, bit1 liquidAlpha, bit2 commitBlocks given), 14 alphaLow, 15 alphaHigh,
//   16 alphaSigmoidSteepness (i64), 17 emission, 18 nnz weights, 19 nnz bonds, then per UID arrays of n words:
//   lastUpdate, blockAtRegistration, alphaStake, rootStake, validatorPermit (0/1), commitBlock (u64::MAX = none),
//   weight row lengths, bond row lengths; then the weight entries and the bond entries, one word each:
//   (column << 16) | u16 value.
// Output (`yumaOutputPtr()`, `yumaOutputWords()`): per UID arrays of n words in this order: stake, activeStake,
//   consensus, incentive, dividends, validatorTrust, trust (spec < 365), normalisedCombinedEmission
//   (I32F32 bits), active, newPermit, serverEmission, validatorEmission, emission, rawStake, bond row
//   lengths; then the bond entries as (column << 16) | u16.

import { add, convert, fromU64, I32F32, I64F64, I96F32, mul, SAT, safeDiv as fxSafeDiv, toU64Sat, U96F32 } from "./fixed";
import {
  cloneM,
  EXP_OUT,
  expGeneric,
  expI32,
  colClip,
  colMaxUpscale,
  colNormalize,
  fixedProportionToU16,
  interpolate,
  isTopkNonzero,
  liquidAlpha,
  matEma,
  matEmaAlpha,
  matmul,
  matmulTranspose,
  mulC,
  normalizeInPlace,
  normalizeUsingSum,
  ONE,
  OVF,
  rowNormalize,
  rowSum,
  SRow,
  safeDiv,
  satAdd,
  satMul,
  satSub,
  sumV,
  u16ToFixed,
  weightedMedianCol,
} from "./epoch-math";
import { RHI, RLO } from "./wide";

let IN = new StaticArray<u64>(0);
let OUT = new StaticArray<u64>(0);

export function yumaInputPtr(words: i32): usize {
  if (IN.length < words) IN = new StaticArray<u64>(words);
  return changetype<usize>(IN);
}
export function yumaOutputPtr(): usize {
  return changetype<usize>(OUT);
}
export function yumaOutputWords(): i32 {
  return OUT.length;
}

function readRows(n: i32, lenAt: i32, entriesAt: i32): Array<SRow> {
  const out = new Array<SRow>(n);
  let p = entriesAt;
  for (let i = 0; i < n; i++) {
    const len = <i32>unchecked(IN[lenAt + i]);
    const r = new SRow(len);
    for (let k = 0; k < len; k++) {
      const w = unchecked(IN[p + k]);
      const c = <i32>(w >> 16);
      if (c < n) r.push(c, u16ToFixed(w & 0xffff));
    }
    p += len;
    unchecked((out[i] = r));
  }
  return out;
}

/** Runs the epoch on the input buffer; returns 0. */
export function yumaRun(): i32 {
  const n = <i32>unchecked(IN[0]);
  const spec = <i32>unchecked(IN[1]);
  const block = unchecked(IN[2]);
  const tempo = unchecked(IN[3]);
  const cutoff = unchecked(IN[4]);
  const lms = unchecked(IN[5]);
  const taoWeight = unchecked(IN[6]);
  const minStake = unchecked(IN[7]);
  const ownerRaw = unchecked(IN[8]);
  const maxVal = <i32>unchecked(IN[9]);
  const kappaU = unchecked(IN[10]);
  const bpU = unchecked(IN[11]);
  const bma = unchecked(IN[12]);
  const flags = unchecked(IN[13]);
  const yuma3 = (flags & 1) != 0;
  const liquid = (flags & 2) != 0;
  const hasCommit = (flags & 4) != 0;
  const alphaLowU = unchecked(IN[14]);
  const alphaHighU = unchecked(IN[15]);
  const steepRaw = <i64>unchecked(IN[16]);
  const emission = unchecked(IN[17]);
  const nnzW = <i32>unchecked(IN[18]);
  const H = 20;
  const LU = H;
  const REG = H + n;
  const AS = H + 2 * n;
  const RS = H + 3 * n;
  const PERM = H + 4 * n;
  const CB = H + 5 * n;
  const WLEN = H + 6 * n;
  const BLEN = H + 7 * n;
  const WENT = H + 8 * n;
  const BENT = WENT + nnzW;
  const hasOwner = ownerRaw != u64.MAX_VALUE && ownerRaw < <u64>n;
  const owner = <i32>ownerRaw;
  const ownerRules = spec >= 397 && hasOwner;

  // Active
  const inactive = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) {
    const u = unchecked(IN[LU + i]);
    const s = u + cutoff < u ? u64.MAX_VALUE : u + cutoff;
    unchecked((inactive[i] = s < block));
  }

  // Stake in I64F64: alpha + tw · root, threshold, normalise, narrow to I32F32
  fromU64(U96F32, taoWeight);
  const twHi = RHI;
  const twLo = RLO;
  fromU64(U96F32, u64.MAX_VALUE);
  fxSafeDiv(U96F32, twHi, twLo, RHI, RLO);
  convert(U96F32, I64F64, RHI, RLO);
  const tHi = RHI;
  const tLo = RLO;
  const sHi = new StaticArray<u64>(n);
  const sLo = new StaticArray<u64>(n);
  const raw = new StaticArray<u64>(n);
  for (let i = 0; i < n; i++) {
    fromU64(I64F64, unchecked(IN[RS + i]));
    mul(I64F64, RHI, RLO, tHi, tLo, SAT);
    const mhi = RHI;
    const mlo = RLO;
    fromU64(I64F64, unchecked(IN[AS + i]));
    add(I64F64, RHI, RLO, mhi, mlo, SAT);
    unchecked((sHi[i] = RHI));
    unchecked((sLo[i] = RLO));
    unchecked((raw[i] = toU64Sat(I64F64, RHI, RLO)));
  }
  let sumHi: u64 = 0;
  let sumLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    if (!(ownerRules && i == owner) && unchecked(raw[i]) < minStake) {
      unchecked((sHi[i] = 0));
      unchecked((sLo[i] = 0));
    }
    // wrapping sum (release-mode `Sum`)
    const lo = sumLo + unchecked(sLo[i]);
    sumHi = sumHi + unchecked(sHi[i]) + (lo < sumLo ? 1 : 0);
    sumLo = lo;
  }
  const stake = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++) {
    let hi = unchecked(sHi[i]);
    let lo = unchecked(sLo[i]);
    if (sumHi != 0 || sumLo != 0) {
      fxSafeDiv(I64F64, hi, lo, sumHi, sumLo);
      hi = RHI;
      lo = RLO;
    }
    convert(I64F64, I32F32, hi, lo);
    unchecked((stake[i] = <i64>RLO));
  }

  // Permits
  const forbids = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((forbids[i] = !(unchecked(IN[PERM + i]) != 0 || (ownerRules && i == owner))));
  const newPermits = isTopkNonzero(stake, maxVal);
  if (ownerRules) unchecked((newPermits[owner] = true));

  // Active stake
  const activeStake = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++)
    unchecked((activeStake[i] = unchecked(inactive[i]) || unchecked(forbids[i]) ? 0 : unchecked(stake[i])));
  normalizeInPlace(activeStake);

  // Weights: permit rows, diagonal (owner may keep self-weight), outdated, commit-reveal, row-normalise
  const wIn = readRows(n, WLEN, WENT);
  const weights = new Array<SRow>(n);
  for (let i = 0; i < n; i++) {
    const r = unchecked(wIn[i]);
    const o = new SRow(r.length);
    if (!unchecked(forbids[i])) {
      const upd = unchecked(IN[LU + i]);
      const cb = hasCommit ? unchecked(IN[CB + i]) : u64.MAX_VALUE;
      for (let k = 0; k < r.length; k++) {
        const j = unchecked(r.c[k]);
        if (i == j && !(hasOwner && i == owner)) continue;
        const reg = unchecked(IN[REG + j]);
        if (upd <= reg) continue;
        if (hasCommit && cb < reg) continue;
        o.push(j, unchecked(r.v[k]));
      }
    }
    unchecked((weights[i] = o));
  }
  rowNormalize(weights);

  // Consensus, clip, trust
  const kappa = safeDiv(u16ToFixed(kappaU), u16ToFixed(65535));
  const consensus = weightedMedianCol(activeStake, weights, n, kappa);
  const clipped = colClip(weights, consensus);
  const vtrust = rowSum(clipped);
  const ranks = matmul(clipped, activeStake, n);
  const trust = new StaticArray<i64>(n);
  if (spec < 365) {
    const pre = matmul(weights, activeStake, n);
    for (let i = 0; i < n; i++) unchecked((trust[i] = safeDiv(unchecked(ranks[i]), unchecked(pre[i]))));
  }
  normalizeInPlace(ranks);
  const incentive = ranks;

  // Bonds
  const bp = safeDiv(u16ToFixed(bpU), u16ToFixed(65535));
  const wfb = interpolate(weights, clipped, n, bp);
  const lastTempo: u64 = spec >= 423 && lms != 0 ? lms + 1 : block > tempo ? block - tempo : 0;
  fromU64(I64F64, bma);
  const bhi = RHI;
  const blo = RLO;
  fromU64(I64F64, 1_000_000);
  fxSafeDiv(I64F64, bhi, blo, RHI, RLO);
  convert(I64F64, I32F32, RHI, RLO);
  const emaAlpha = satSub(ONE, <i64>RLO);

  const bIn = readRows(n, BLEN, BENT);
  const bonds = new Array<SRow>(n);
  for (let i = 0; i < n; i++) {
    const r = unchecked(bIn[i]);
    const o = new SRow(r.length);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (lastTempo <= unchecked(IN[REG + j])) continue;
      o.push(j, yuma3 ? safeDiv(unchecked(r.v[k]), u16ToFixed(65535)) : unchecked(r.v[k]));
    }
    unchecked((bonds[i] = o));
  }

  let dividends: StaticArray<i64>;
  let ema: Array<SRow>;
  if (yuma3) {
    let anyC = false;
    for (let j = 0; j < n; j++) if (unchecked(consensus[j]) != 0) anyC = true;
    if (liquid && n > 0 && anyC) {
      const low = safeDiv(u16ToFixed(alphaLowU), u16ToFixed(65535));
      const high = safeDiv(u16ToFixed(alphaHighU), u16ToFixed(65535));
      const steep: i64 = steepRaw << 32;
      ema = matEmaAlpha(wfb, bonds, liquidAlpha(wfb, bonds, consensus, low, high, steep));
    } else {
      ema = matEma(wfb, bonds, emaAlpha);
    }
    const norm = cloneM(ema);
    colNormalize(norm, n);
    const per = new StaticArray<i64>(n);
    for (let i = 0; i < n; i++) {
      const r = unchecked(norm[i]);
      let s: i64 = 0;
      for (let k = 0; k < r.length; k++) {
        const j = unchecked(r.c[k]);
        const p = satMul(unchecked(r.v[k]), unchecked(incentive[j]));
        if (p != 0) s += p;
      }
      unchecked((per[i] = s));
    }
    dividends = new StaticArray<i64>(n);
    for (let i = 0; i < n; i++) {
      // `vec_mul`: checked_mul(..).unwrap_or_default(), so an overflow gives 0
      const r = mulC(unchecked(per[i]), unchecked(activeStake[i]));
      unchecked((dividends[i] = OVF ? 0 : r));
    }
    normalizeInPlace(dividends);
  } else {
    colNormalize(bonds, n);
    const delta = new Array<SRow>(n);
    for (let i = 0; i < n; i++) {
      const r = unchecked(wfb[i]);
      const o = new SRow(r.length);
      const sc = unchecked(activeStake[i]);
      for (let k = 0; k < r.length; k++) o.push(unchecked(r.c[k]), satMul(unchecked(r.v[k]), sc));
      unchecked((delta[i] = o));
    }
    colNormalize(delta, n);
    ema = matEma(delta, bonds, emaAlpha);
    colNormalize(ema, n);
    dividends = matmulTranspose(ema, incentive);
    normalizeInPlace(dividends);
    colMaxUpscale(ema, n);
  }

  // Emission
  const combined = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++) unchecked((combined[i] = satAdd(unchecked(incentive[i]), unchecked(dividends[i]))));
  const esum = sumV(combined);
  const nServer = new StaticArray<i64>(n);
  let nValidator = new StaticArray<i64>(n);
  let nCombined = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++) {
    unchecked((nServer[i] = unchecked(incentive[i])));
    unchecked((nValidator[i] = unchecked(dividends[i])));
    unchecked((nCombined[i] = unchecked(combined[i])));
  }
  normalizeUsingSum(nServer, esum);
  normalizeUsingSum(nValidator, esum);
  normalizeInPlace(nCombined);
  if (esum == 0) {
    const src = sumV(activeStake) == 0 ? stake : activeStake;
    for (let i = 0; i < n; i++) {
      unchecked((nValidator[i] = unchecked(src[i])));
      unchecked((nCombined[i] = unchecked(src[i])));
    }
  }
  fromU64(I96F32, emission);
  const eHi = RHI;
  const eLo = RLO;

  // Output
  let nnzOut = 0;
  for (let i = 0; i < n; i++) if (unchecked(newPermits[i])) nnzOut += unchecked(ema[i]).length;
  const words = 15 * n + nnzOut;
  if (OUT.length != words) OUT = new StaticArray<u64>(words);
  for (let i = 0; i < n; i++) {
    unchecked((OUT[i] = <u64>unchecked(stake[i])));
    unchecked((OUT[n + i] = <u64>unchecked(activeStake[i])));
    unchecked((OUT[2 * n + i] = <u64>unchecked(consensus[i])));
    unchecked((OUT[3 * n + i] = <u64>unchecked(incentive[i])));
    unchecked((OUT[4 * n + i] = <u64>unchecked(dividends[i])));
    unchecked((OUT[5 * n + i] = <u64>unchecked(vtrust[i])));
    unchecked((OUT[6 * n + i] = <u64>unchecked(trust[i])));
    unchecked((OUT[7 * n + i] = <u64>unchecked(nCombined[i])));
    unchecked((OUT[8 * n + i] = unchecked(inactive[i]) ? 0 : 1));
    unchecked((OUT[9 * n + i] = unchecked(newPermits[i]) ? 1 : 0));
    unchecked((OUT[10 * n + i] = toRao(unchecked(nServer[i]), eHi, eLo)));
    unchecked((OUT[11 * n + i] = toRao(unchecked(nValidator[i]), eHi, eLo)));
    unchecked((OUT[12 * n + i] = toRao(unchecked(nCombined[i]), eHi, eLo)));
    unchecked((OUT[13 * n + i] = unchecked(raw[i])));
  }
  let p = 15 * n;
  for (let i = 0; i < n; i++) {
    if (!unchecked(newPermits[i])) {
      unchecked((OUT[14 * n + i] = 0));
      continue;
    }
    const r = unchecked(ema[i]);
    unchecked((OUT[14 * n + i] = <u64>r.length));
    for (let k = 0; k < r.length; k++) {
      unchecked((OUT[p++] = (<u64>unchecked(r.c[k]) << 16) | fixedProportionToU16(unchecked(r.v[k]))));
    }
  }
  return 0;
}

function toRao(x: i64, eHi: u64, eLo: u64): u64 {
  convert(I32F32, I96F32, <u64>(x >> 63), <u64>x);
  mul(I96F32, RHI, RLO, eHi, eLo, SAT);
  return toU64Sat(I96F32, RHI, RLO);
}

/** Test hook: native exp (i64::MIN when it fails) next to the generic library exp. */
export function yumaExpCheck(x: i64): i64 {
  return expI32(x) ? EXP_OUT : i64.MIN_VALUE;
}
export function yumaExpGeneric(x: i64): i64 {
  return expGeneric(x);
}
