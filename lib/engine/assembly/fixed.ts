// substrate-fixed emulation in WASM, mirroring lib/engine/ref/fixed.ts bit for bit.
// A value is 128 two's-complement bits (hi, lo); 64-bit types are kept sign/zero-extended into hi.
// Operations return their result in RHI/RLO and report overflow / division by zero in FLAG.

import {
  div192by128,
  div192by64,
  divlu,
  mul64,
  Q2,
  incLimbs,
  limbLen,
  load128,
  mulLimbs,
  neg128,
  RHI,
  RLO,
  setRet,
  shlLimbs,
  shrLimbs,
  slt128,
  ult128,
  WA,
  WB,
  WP,
  WQ,
  WR,
} from "./wide";

export const I32F32: i32 = 0;
export const I64F64: i32 = 1;
export const U64F64: i32 = 2;
export const I96F32: i32 = 3;
export const U96F32: i32 = 4;
export const U110F18: i32 = 5;

export const WRAP: i32 = 0;
export const SAT: i32 = 1;
export const CHECKED: i32 = 2;

/** Set when the last operation overflowed (or divided by zero); cleared by every operation. */
export let FLAG: bool = false;

@inline export function fracBits(s: i32): i32 {
  return s == I32F32 || s == I96F32 || s == U96F32 ? 32 : s == U110F18 ? 18 : 64;
}
@inline export function isSigned(s: i32): bool {
  return s == I32F32 || s == I64F64 || s == I96F32;
}
@inline export function width(s: i32): i32 {
  return s == I32F32 ? 64 : 128;
}

/** Raw bits of 1.0: (hi, lo) into RHI/RLO. */
export function one(s: i32): void {
  const f = fracBits(s);
  if (f == 64) setRet(1, 0);
  else setRet(0, <u64>1 << f);
}
export function oneHi(s: i32): u64 {
  return fracBits(s) == 64 ? 1 : 0;
}
export function oneLo(s: i32): u64 {
  const f = fracBits(s);
  return f == 64 ? 0 : <u64>1 << f;
}

export function maxValue(s: i32): void {
  if (s == I32F32) setRet(0, <u64>i64.MAX_VALUE);
  else if (isSigned(s)) setRet(<u64>i64.MAX_VALUE, u64.MAX_VALUE);
  else setRet(u64.MAX_VALUE, u64.MAX_VALUE);
}
export function minValue(s: i32): void {
  if (s == I32F32) setRet(u64.MAX_VALUE, <u64>i64.MIN_VALUE);
  else if (isSigned(s)) setRet(<u64>i64.MIN_VALUE, 0);
  else setRet(0, 0);
}

@inline export function isNeg(s: i32, hi: u64): bool {
  return isSigned(s) && <i64>hi < 0;
}

/** Normalises 128 raw bits to the type's width (sign/zero extension of the low 64 for I32F32). */
@inline export function norm(s: i32, hi: u64, lo: u64): void {
  if (s == I32F32) setRet(<u64>(<i64>lo >> 63), lo);
  else setRet(hi, lo);
}

export function lt(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64): bool {
  return isSigned(s) ? slt128(ahi, alo, bhi, blo) : ult128(ahi, alo, bhi, blo);
}
@inline export function eq(ahi: u64, alo: u64, bhi: u64, blo: u64): bool {
  return ahi == bhi && alo == blo;
}

/**
 * Finishes an operation whose exact result is sign `neg` and magnitude `m[0..n)`: range check, then wrap,
 * saturate or flag according to `mode`.
 */
function finish(s: i32, neg: bool, m: StaticArray<u32>, n: i32, mode: i32): void {
  const len = limbLen(m, n);
  let bits = 0;
  if (len > 0) bits = len * 32 - <i32>clz<u32>(unchecked(m[len - 1]));
  const w = width(s);
  let fits: bool;
  if (bits == 0) fits = true;
  else if (!isSigned(s)) fits = !neg && bits <= w;
  else if (bits <= w - 1) fits = true;
  else if (neg && bits == w) {
    // exactly 2^(w-1)?
    let onlyTop = true;
    const top = w - 1;
    for (let i = 0; i < len; i++) {
      const limb = unchecked(m[i]);
      const expect: u32 = i == top >> 5 ? <u32>1 << (top & 31) : 0;
      if (limb != expect) onlyTop = false;
    }
    fits = onlyTop;
  } else fits = false;
  FLAG = !fits;
  if (!fits && mode == SAT) {
    if (neg) minValue(s);
    else maxValue(s);
    return;
  }
  let lo = (<u64>unchecked(m[1]) << 32) | <u64>unchecked(m[0]);
  let hi = n > 2 ? (<u64>unchecked(m[3]) << 32) | <u64>unchecked(m[2]) : 0;
  if (neg) {
    neg128(hi, lo);
    hi = RHI;
    lo = RLO;
  }
  norm(s, hi, lo);
}

function loadMag(arr: StaticArray<u32>, s: i32, hi: u64, lo: u64, extra: i32): bool {
  if (isNeg(s, hi)) {
    neg128(hi, lo);
    load128(arr, RHI, RLO, extra);
    return true;
  }
  load128(arr, hi, lo, extra);
  return false;
}

export function add(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  const lo = alo + blo;
  const carry: u64 = lo < alo ? 1 : 0;
  const hi = ahi + bhi + carry;
  if (s == I32F32) {
    // exact in 128 bits; fits iff hi is the sign extension of lo
    const ok = hi == <u64>(<i64>lo >> 63);
    FLAG = !ok;
    if (!ok && mode == SAT) {
      if (<i64>hi < 0) minValue(s);
      else maxValue(s);
      return;
    }
    norm(s, hi, lo);
    return;
  }
  if (isSigned(s)) {
    const ovf = (<i64>ahi < 0) == (<i64>bhi < 0) && (<i64>hi < 0) != (<i64>ahi < 0);
    FLAG = ovf;
    if (ovf && mode == SAT) {
      if (<i64>ahi < 0) minValue(s);
      else maxValue(s);
      return;
    }
    setRet(hi, lo);
    return;
  }
  // unsigned 128-bit add overflows iff the wrapped result is below an operand
  const wrapped = ult128(hi, lo, ahi, alo);
  FLAG = wrapped;
  if (wrapped && mode == SAT) {
    maxValue(s);
    return;
  }
  setRet(hi, lo);
}

export function sub(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  const lo = alo - blo;
  const borrow: u64 = alo < blo ? 1 : 0;
  const hi = ahi - bhi - borrow;
  if (s == I32F32) {
    const ok = hi == <u64>(<i64>lo >> 63);
    FLAG = !ok;
    if (!ok && mode == SAT) {
      if (<i64>hi < 0) minValue(s);
      else maxValue(s);
      return;
    }
    norm(s, hi, lo);
    return;
  }
  if (isSigned(s)) {
    const ovf = (<i64>ahi < 0) != (<i64>bhi < 0) && (<i64>hi < 0) != (<i64>ahi < 0);
    FLAG = ovf;
    if (ovf && mode == SAT) {
      if (<i64>ahi < 0) minValue(s);
      else maxValue(s);
      return;
    }
    setRet(hi, lo);
    return;
  }
  const under = ult128(ahi, alo, bhi, blo);
  FLAG = under;
  if (under && mode == SAT) {
    setRet(0, 0);
    return;
  }
  setRet(hi, lo);
}

/**
 * Result of an exact operation given as sign + 128-bit magnitude + "magnitude ≥ 2^128" flag: range check, then
 * wrap, saturate or flag according to `mode` (the word-level twin of `finish`).
 */
function finish128(s: i32, neg: bool, mhi: u64, mlo: u64, big: bool, mode: i32): void {
  let fits: bool;
  if (mhi == 0 && mlo == 0 && !big) fits = true;
  else if (big) fits = false;
  else if (!isSigned(s)) fits = !neg;
  else if (s == I32F32) fits = mhi == 0 && (mlo >> 63 == 0 || (neg && mlo == 0x8000000000000000));
  else fits = mhi >> 63 == 0 || (neg && mhi == 0x8000000000000000 && mlo == 0);
  FLAG = !fits;
  if (!fits && mode == SAT) {
    if (neg) minValue(s);
    else maxValue(s);
    return;
  }
  if (neg) {
    neg128(mhi, mlo);
    norm(s, RHI, RLO);
  } else norm(s, mhi, mlo);
}

/** U64F64 multiply without sign handling (the swap hot path); same results as the generic code. */
@inline function mulU64F64(ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  mul64(alo, blo);
  let w1 = RHI;
  let w2: u64 = 0;
  let w3: u64 = 0;
  if (bhi != 0) {
    mul64(alo, bhi);
    const t = w1 + RLO;
    w2 = RHI + (t < w1 ? 1 : 0);
    w1 = t;
  }
  if (ahi != 0) {
    mul64(ahi, blo);
    let t = w1 + RLO;
    let c: u64 = t < w1 ? 1 : 0;
    w1 = t;
    t = w2 + RHI + c;
    w3 = t < w2 || (c == 1 && t == w2) ? 1 : 0;
    w2 = t;
    if (bhi != 0) {
      mul64(ahi, bhi);
      t = w2 + RLO;
      c = t < w2 ? 1 : 0;
      w2 = t;
      w3 += RHI + c;
    }
  }
  const big = w3 != 0;
  FLAG = big;
  if (big && mode == SAT) setRet(u64.MAX_VALUE, u64.MAX_VALUE);
  else setRet(w2, w1);
}

/** a·b: exact product, floor shift by the fraction bits. */
export function mul(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  if (s == U64F64) {
    mulU64F64(ahi, alo, bhi, blo, mode);
    return;
  }
  let na = false;
  let nb = false;
  if (isNeg(s, ahi)) {
    neg128(ahi, alo);
    ahi = RHI;
    alo = RLO;
    na = true;
  }
  if (isNeg(s, bhi)) {
    neg128(bhi, blo);
    bhi = RHI;
    blo = RLO;
    nb = true;
  }
  const neg = na != nb;
  // 256-bit product w3:w2:w1:w0
  mul64(alo, blo);
  const w0 = RLO;
  let w1 = RHI;
  let w2: u64 = 0;
  let w3: u64 = 0;
  if (ahi != 0 || bhi != 0) {
    if (bhi != 0) {
      mul64(alo, bhi);
      const t = w1 + RLO;
      w2 = RHI + (t < w1 ? 1 : 0);
      w1 = t;
    }
    if (ahi != 0) {
      mul64(ahi, blo);
      let t = w1 + RLO;
      let c: u64 = t < w1 ? 1 : 0;
      w1 = t;
      t = w2 + RHI + c;
      w3 = t < w2 || (c == 1 && t == w2) ? 1 : 0;
      w2 = t;
      if (bhi != 0) {
        mul64(ahi, bhi);
        t = w2 + RLO;
        c = t < w2 ? 1 : 0;
        w2 = t;
        w3 += RHI + c;
      }
    }
  }
  const f = fracBits(s);
  let rlo: u64;
  let rhi: u64;
  let big: bool;
  let lost: bool;
  if (f == 64) {
    rlo = w1;
    rhi = w2;
    big = w3 != 0;
    lost = w0 != 0;
  } else {
    rlo = (w0 >> f) | (w1 << (64 - f));
    rhi = (w1 >> f) | (w2 << (64 - f));
    big = w2 >> f != 0 || w3 != 0;
    lost = w0 << (64 - f) != 0;
  }
  if (neg && lost) {
    // floor of a negative value: magnitude rounds up (mod 2^128 when it already overflowed)
    rlo += 1;
    if (rlo == 0) {
      rhi += 1;
      if (rhi == 0) big = true;
    }
  }
  finish128(s, neg && (rhi != 0 || rlo != 0 || big), rhi, rlo, big, mode);
}

/** U64F64 divide without sign handling (divisor non-zero). */
@inline function divU64F64(ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  if (blo == 0) {
    // integer divisor: (a << 64) / (bh << 64) = a / bh
    const h = ahi / bhi;
    const l = divlu(ahi % bhi, alo, bhi);
    FLAG = false;
    setRet(h, l);
    return;
  }
  if (bhi == 0) {
    div192by64(ahi, alo, 0, blo);
    const big = Q2 != 0;
    FLAG = big;
    if (big && mode == SAT) setRet(u64.MAX_VALUE, u64.MAX_VALUE);
    return;
  }
  div192by128(ahi, alo, 0, bhi, blo);
  FLAG = false;
}

/** a/b: (a << frac) / b truncated toward zero. Division by zero sets FLAG and returns 0. */
export function div(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64, mode: i32): void {
  if (bhi == 0 && blo == 0) {
    FLAG = true;
    setRet(0, 0);
    return;
  }
  if (s == U64F64) {
    divU64F64(ahi, alo, bhi, blo, mode);
    return;
  }
  let na = false;
  let nb = false;
  if (isNeg(s, ahi)) {
    neg128(ahi, alo);
    ahi = RHI;
    alo = RLO;
    na = true;
  }
  if (isNeg(s, bhi)) {
    neg128(bhi, blo);
    bhi = RHI;
    blo = RLO;
    nb = true;
  }
  const f = fracBits(s);
  let qhi: u64;
  let qlo: u64;
  let big: bool;
  if (bhi == 0) {
    // (a << f) as a 192-bit dividend over a 64-bit divisor
    const d2 = f == 64 ? ahi : ahi >> (64 - f);
    const d1 = f == 64 ? alo : (ahi << f) | (alo >> (64 - f));
    const d0 = f == 64 ? 0 : alo << f;
    div192by64(d2, d1, d0, blo);
    qhi = RHI;
    qlo = RLO;
    big = Q2 != 0;
  } else if (blo == 0 && f == 64) {
    // divisor is an integer in 64.64: (a << 64) / (bh << 64) = a / bh
    const h = ahi / bhi;
    const l = divlu(ahi % bhi, alo, bhi);
    qhi = h;
    qlo = l;
    big = false;
  } else {
    const d2 = f == 64 ? ahi : ahi >> (64 - f);
    const d1 = f == 64 ? alo : (ahi << f) | (alo >> (64 - f));
    const d0 = f == 64 ? 0 : alo << f;
    div192by128(d2, d1, d0, bhi, blo);
    qhi = RHI;
    qlo = RLO;
    big = false;
  }
  const neg = na != nb && (qhi != 0 || qlo != 0 || big);
  finish128(s, neg, qhi, qlo, big, mode);
}

/** safe-math `safe_div`: 0 on overflow or division by zero. */
export function safeDiv(s: i32, ahi: u64, alo: u64, bhi: u64, blo: u64): void {
  div(s, ahi, alo, bhi, blo, CHECKED);
  if (FLAG) setRet(0, 0);
}

/** `saturating_from_num(u64)`. */
export function fromU64(s: i32, n: u64): void {
  load128(WA, 0, n, 4);
  shlLimbs(WA, 8, fracBits(s));
  finish(s, false, WA, 8, SAT);
}

/** `saturating_from_num(i64)`. */
export function fromI64(s: i32, n: i64): void {
  const neg = n < 0;
  load128(WA, 0, neg ? <u64>-n : <u64>n, 4);
  shlLimbs(WA, 8, fracBits(s));
  finish(s, neg, WA, 8, SAT);
}

/** `saturating_to_num::<u64>()`: floor, clamped to [0, u64::MAX]. */
export function toU64Sat(s: i32, hi: u64, lo: u64): u64 {
  if (isNeg(s, hi)) return 0;
  const f = fracBits(s);
  if (f == 64) return hi;
  const ihi = hi >> f;
  if (ihi != 0) return u64.MAX_VALUE;
  return (lo >> f) | (hi << (64 - f));
}

/** Fixed → fixed (`saturating_from_num`): floor when narrowing, clamp. */
export function convert(from: i32, to: i32, hi: u64, lo: u64): void {
  const neg = loadMag(WA, from, hi, lo, 4);
  const d = fracBits(to) - fracBits(from);
  if (d >= 0) shlLimbs(WA, 8, d);
  else {
    const lost = shrLimbs(WA, 8, -d);
    if (neg && lost) incLimbs(WA, 8);
  }
  finish(to, neg && limbLen(WA, 8) > 0, WA, 8, SAT);
}

/** `floor()` as a fixed value. */
export function floorFixed(s: i32, hi: u64, lo: u64): void {
  const f = fracBits(s);
  if (f == 64) setRet(hi, 0);
  else setRet(hi, (lo >> f) << f);
}

// ---------------------------------------------------------------------------------------------------------
// transcendental (destination type = source type)

// I9F23 constants of the crate, widened by the caller's fraction bits.
const LOG2_E_I9F23: u64 = 12102203;
const E_I9F23: u64 = 22802600;

function fromI9F23(s: i32, bits: u64): void {
  const f = fracBits(s) - 23;
  if (f >= 64) setRet(bits << (f - 64), 0);
  else setRet(f == 0 ? 0 : bits >> (64 - f), bits << f);
}

/** Rounding half shift: (x >> 1) + (x & 1), on non-negative values. */
@inline function rs(hi: u64, lo: u64): void {
  const bit = lo & 1;
  const nlo = (lo >> 1) | (hi << 63);
  const nhi = hi >> 1;
  const lo2 = nlo + bit;
  setRet(nhi + (lo2 < nlo ? 1 : 0), lo2);
}

function log2Inner(s: i32, ohi: u64, olo: u64): void {
  one(s);
  const onehi = RHI;
  const onelo = RLO;
  const f = fracBits(s);
  // two = one << 1
  const twohi = (onehi << 1) | (onelo >> 63);
  const twolo = onelo << 1;
  let xhi = ohi;
  let xlo = olo;
  let result: u64 = 0;
  while (!slt128(xhi, xlo, twohi, twolo)) {
    result += 1;
    rs(xhi, xlo);
    xhi = RHI;
    xlo = RLO;
  }
  if (xhi == onehi && xlo == onelo) {
    // integer count as a value: result << f
    if (f == 64) setRet(result, 0);
    else setRet(result >> (64 - f), result << f);
    norm(s, RHI, RLO);
    return;
  }
  let rhi: u64 = 0;
  let rlo: u64 = result;
  for (let i = 0; i < f; i++) {
    mul(s, xhi, xlo, xhi, xlo, WRAP);
    xhi = RHI;
    xlo = RLO;
    rhi = (rhi << 1) | (rlo >> 63);
    rlo = rlo << 1;
    if (!slt128(xhi, xlo, twohi, twolo)) {
      rlo |= 1;
      rs(xhi, xlo);
      xhi = RHI;
      xlo = RLO;
    }
  }
  norm(s, rhi, rlo);
}

/** `transcendental::log2`; FLAG set where the crate returns Err. */
export function log2(s: i32, hi: u64, lo: u64): void {
  if (isNeg(s, hi) || (hi == 0 && lo == 0)) {
    FLAG = true;
    setRet(0, 0);
    return;
  }
  const ohi = oneHi(s);
  const olo = oneLo(s);
  if (slt128(hi, lo, ohi, olo)) {
    div(s, ohi, olo, hi, lo, CHECKED);
    if (FLAG) return;
    log2Inner(s, RHI, RLO);
    const thi = RHI;
    const tlo = RLO;
    neg128(thi, tlo);
    norm(s, RHI, RLO);
    FLAG = false;
    return;
  }
  log2Inner(s, hi, lo);
  FLAG = false;
}

export function ln(s: i32, hi: u64, lo: u64): void {
  log2(s, hi, lo);
  if (FLAG) return;
  const lhi = RHI;
  const llo = RLO;
  fromI9F23(s, LOG2_E_I9F23);
  div(s, lhi, llo, RHI, RLO, WRAP);
  FLAG = false;
}

export function exp(s: i32, hi: u64, lo: u64): void {
  const ohi = oneHi(s);
  const olo = oneLo(s);
  if (hi == 0 && lo == 0) {
    FLAG = false;
    setRet(ohi, olo);
    return;
  }
  if (hi == ohi && lo == olo) {
    FLAG = false;
    fromI9F23(s, E_I9F23);
    return;
  }
  const neg = isNeg(s, hi);
  let xhi = hi;
  let xlo = lo;
  if (neg) {
    sub(s, 0, 0, hi, lo, CHECKED);
    if (FLAG) return;
    xhi = RHI;
    xlo = RLO;
  }
  add(s, xhi, xlo, ohi, olo, CHECKED);
  if (FLAG) return;
  let reshi = RHI;
  let reslo = RLO;
  let thi = xhi;
  let tlo = xlo;
  const f = fracBits(s);
  for (let i = 2; i < f; i++) {
    mul(s, thi, tlo, xhi, xlo, CHECKED);
    if (FLAG) return;
    const phi = RHI;
    const plo = RLO;
    fromU64(s, <u64>i);
    div(s, phi, plo, RHI, RLO, CHECKED);
    if (FLAG) return;
    thi = RHI;
    tlo = RLO;
    add(s, reshi, reslo, thi, tlo, CHECKED);
    if (FLAG) return;
    reshi = RHI;
    reslo = RLO;
  }
  if (neg) {
    div(s, ohi, olo, reshi, reslo, CHECKED);
    return;
  }
  FLAG = false;
  setRet(reshi, reslo);
}

/** `transcendental::sqrt` (Newton, frac iterations; operands < 1 inverted). */
export function sqrt(s: i32, hi: u64, lo: u64): void {
  if (isNeg(s, hi)) {
    FLAG = true;
    setRet(0, 0);
    return;
  }
  const ohi = oneHi(s);
  const olo = oneLo(s);
  FLAG = false;
  if ((hi == 0 && lo == 0) || (hi == ohi && lo == olo)) {
    setRet(hi, lo);
    return;
  }
  let xhi = hi;
  let xlo = lo;
  let invert = false;
  if (lt(s, hi, lo, ohi, olo)) {
    invert = true;
    div(s, ohi, olo, hi, lo, CHECKED);
    if (FLAG) return;
    xhi = RHI;
    xlo = RLO;
  }
  fromU64(s, 2);
  const twohi = RHI;
  const twolo = RLO;
  div(s, xhi, xlo, twohi, twolo, WRAP);
  add(s, RHI, RLO, ohi, olo, WRAP);
  let lhi = RHI;
  let llo = RLO;
  const f = fracBits(s);
  for (let i = 0; i < f; i++) {
    div(s, xhi, xlo, lhi, llo, WRAP);
    add(s, lhi, llo, RHI, RLO, WRAP);
    div(s, RHI, RLO, twohi, twolo, WRAP);
    lhi = RHI;
    llo = RLO;
  }
  if (invert) {
    div(s, ohi, olo, lhi, llo, CHECKED);
    return;
  }
  FLAG = false;
  setRet(lhi, llo);
}

/** safe-math `checked_sqrt(epsilon)` (bisection). FLAG only for negative input. */
export function checkedSqrt(s: i32, hi: u64, lo: u64, ehi: u64, elo: u64): void {
  if (isNeg(s, hi)) {
    FLAG = true;
    setRet(0, 0);
    return;
  }
  const ohi = oneHi(s);
  const olo = oneLo(s);
  fromU64(s, 2);
  const twohi = RHI;
  const twolo = RLO;
  let highHi: u64;
  let highLo: u64;
  let lowHi: u64;
  let lowLo: u64;
  if (lt(s, ohi, olo, hi, lo)) {
    highHi = hi;
    highLo = lo;
    lowHi = 0;
    lowLo = 0;
  } else {
    highHi = ohi;
    highLo = olo;
    lowHi = hi;
    lowLo = lo;
  }
  add(s, highHi, highLo, lowHi, lowLo, SAT);
  safeDiv(s, RHI, RLO, twohi, twolo);
  let midHi = RHI;
  let midLo = RLO;
  safeDiv(s, hi, lo, midHi, midLo);
  let chkHi = RHI;
  let chkLo = RLO;
  let iter = 0;
  for (;;) {
    // abs_diff(check, middle) > epsilon
    if (lt(s, chkHi, chkLo, midHi, midLo)) sub(s, midHi, midLo, chkHi, chkLo, SAT);
    else sub(s, chkHi, chkLo, midHi, midLo, SAT);
    if (!lt(s, ehi, elo, RHI, RLO)) break;
    if (lt(s, chkHi, chkLo, midHi, midLo)) {
      highHi = midHi;
      highLo = midLo;
    } else {
      lowHi = midHi;
      lowLo = midLo;
    }
    add(s, highHi, highLo, lowHi, lowLo, SAT);
    safeDiv(s, RHI, RLO, twohi, twolo);
    midHi = RHI;
    midLo = RLO;
    safeDiv(s, hi, lo, midHi, midLo);
    chkHi = RHI;
    chkLo = RLO;
    iter++;
    if (iter > 128) break;
  }
  FLAG = false;
  setRet(midHi, midLo);
}
