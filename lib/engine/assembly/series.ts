// Allocation-free Taylor series for safe-bigmath's approximate path (ln1p and exp), on fixed-capacity
// two's-complement integers of CAP u32 limbs. Each step equals the allocating Big version in bigmath.ts
// (same floors, same stopping rules); when an intermediate would not fit, the caller falls back to it.

import { Big } from "./big";

const CAP: i32 = 96;

const T_TERM = new StaticArray<u32>(CAP);
const T_X = new StaticArray<u32>(CAP);
const T_RES = new StaticArray<u32>(CAP);
const T_NEXT = new StaticArray<u32>(CAP);
const T_PREV = new StaticArray<u32>(CAP);
const T_RND = new StaticArray<u32>(CAP);
const MA = new StaticArray<u32>(CAP);
const MB = new StaticArray<u32>(CAP);
const PROD = new StaticArray<u32>(2 * CAP);

/** Limbs in use for the current series (two's complement width). */
let L: i32 = 0;
/** Set when a value needed more than L limbs: the caller must use the allocating path. */
export let SERIES_OVERFLOW: bool = false;

@inline function neg(a: StaticArray<u32>): bool {
  return (unchecked(a[L - 1]) >> 31) != 0;
}

function copy(dst: StaticArray<u32>, src: StaticArray<u32>): void {
  for (let i = 0; i < L; i++) unchecked((dst[i] = src[i]));
}

function isZero(a: StaticArray<u32>): bool {
  for (let i = 0; i < L; i++) if (unchecked(a[i]) != 0) return false;
  return true;
}

function equal(a: StaticArray<u32>, b: StaticArray<u32>): bool {
  for (let i = 0; i < L; i++) if (unchecked(a[i]) != unchecked(b[i])) return false;
  return true;
}

/** dst = −src (two's complement). */
function negate(dst: StaticArray<u32>, src: StaticArray<u32>): void {
  let carry: u64 = 1;
  for (let i = 0; i < L; i++) {
    const v = <u64>~unchecked(src[i]) + carry;
    unchecked((dst[i] = <u32>v));
    carry = v >> 32;
  }
}

/** dst = |src|; returns whether src was negative. */
function magnitude(dst: StaticArray<u32>, src: StaticArray<u32>): bool {
  if (neg(src)) {
    negate(dst, src);
    return true;
  }
  copy(dst, src);
  return false;
}

/** dst = a + b (or a − b when `subtract`). */
function addSub(dst: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>, subtract: bool): void {
  let carry: u64 = subtract ? 1 : 0;
  for (let i = 0; i < L; i++) {
    const bv = subtract ? ~unchecked(b[i]) : unchecked(b[i]);
    const v = <u64>unchecked(a[i]) + <u64>bv + carry;
    unchecked((dst[i] = <u32>v));
    carry = v >> 32;
  }
}

/** The top limb is a pure sign extension, so |a| < 2^(32(L−1)−1) and the next sum cannot overflow. */
function narrow(a: StaticArray<u32>): bool {
  const top = unchecked(a[L - 1]);
  const sign = unchecked(a[L - 2]) >> 31;
  return sign == 0 ? top == 0 : top == 0xffffffff;
}

function magLen(a: StaticArray<u32>, n: i32): i32 {
  let k = n;
  while (k > 0 && unchecked(a[k - 1]) == 0) k--;
  return k;
}

/** dst = floor(a·b / 2^shift). Sets SERIES_OVERFLOW if the result needs more than L−1 magnitude limbs. */
function mulShr(dst: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>, shift: i32): void {
  const na = magnitude(MA, a);
  const nb = magnitude(MB, b);
  const la = magLen(MA, L);
  const lb = magLen(MB, L);
  const n = la + lb;
  for (let i = 0; i < n; i++) unchecked((PROD[i] = 0));
  for (let i = 0; i < la; i++) {
    const ai = <u64>unchecked(MA[i]);
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j = 0; j < lb; j++) {
      const t = ai * <u64>unchecked(MB[j]) + <u64>unchecked(PROD[i + j]) + carry;
      unchecked((PROD[i + j] = <u32>t));
      carry = t >> 32;
    }
    unchecked((PROD[i + lb] = <u32>carry));
  }
  // shift right by `shift`, noting lost bits
  const limbs = shift >> 5;
  const bits = shift & 31;
  let lost = false;
  for (let i = 0; i < limbs && i < n; i++) if (unchecked(PROD[i]) != 0) lost = true;
  if (bits != 0 && limbs < n && (unchecked(PROD[limbs]) & ((<u32>1 << bits) - 1)) != 0) lost = true;
  const rn = n - limbs;
  if (rn > L - 1) {
    // might not fit: check the limbs above L−1 after the shift
    for (let i = L - 1; i < rn; i++) {
      let v = i + limbs < n ? unchecked(PROD[i + limbs]) >> bits : 0;
      if (bits != 0 && i + limbs + 1 < n) v |= unchecked(PROD[i + limbs + 1]) << (32 - bits);
      if (v != 0) {
        SERIES_OVERFLOW = true;
        return;
      }
    }
  }
  for (let i = 0; i < L; i++) {
    let v: u32 = 0;
    if (i < rn) {
      v = unchecked(PROD[i + limbs]) >> bits;
      if (bits != 0 && i + limbs + 1 < n) v |= unchecked(PROD[i + limbs + 1]) << (32 - bits);
    }
    unchecked((dst[i] = v));
  }
  if ((unchecked(dst[L - 1]) >> 31) != 0) {
    SERIES_OVERFLOW = true;
    return;
  }
  const negative = na != nb && !isZero(dst);
  if (negative) {
    if (lost) incr(dst);
    negate(dst, dst);
  }
}

function incr(a: StaticArray<u32>): void {
  for (let i = 0; i < L; i++) {
    const v = unchecked(a[i]) + 1;
    unchecked((a[i] = v));
    if (v != 0) return;
  }
}

/** dst = floor(a / n) for a small positive n. */
function floorDivSmall(dst: StaticArray<u32>, a: StaticArray<u32>, n: u32): void {
  const negative = magnitude(MA, a);
  const d = <u64>n;
  let rem: u64 = 0;
  const top = magLen(MA, L);
  for (let i = L - 1; i >= top; i--) unchecked((dst[i] = 0));
  for (let i = top - 1; i >= 0; i--) {
    const cur = (rem << 32) | <u64>unchecked(MA[i]);
    const q = cur / d;
    unchecked((dst[i] = <u32>q));
    rem = cur - q * d;
  }
  if (negative) {
    if (rem != 0) incr(dst);
    if (!isZero(dst)) negate(dst, dst);
  }
}

/** dst = trunc(a / 2^g) rounded half away from zero (the crate's `round_to_precision`). */
function roundGuard(dst: StaticArray<u32>, a: StaticArray<u32>, g: i32): void {
  const negative = magnitude(MA, a);
  // magnitude >> g (g < 32)
  const half = (unchecked(MA[0]) >> (g - 1)) & 1;
  for (let i = 0; i < L; i++) {
    let v = unchecked(MA[i]) >> g;
    if (i + 1 < L) v |= unchecked(MA[i + 1]) << (32 - g);
    unchecked((dst[i] = v));
  }
  if (half != 0) incr(dst);
  if (negative && !isZero(dst)) negate(dst, dst);
}

/** |a| < 2^g (g < 32). */
function absBelowPow2(a: StaticArray<u32>, g: i32): bool {
  magnitude(MA, a);
  for (let i = 1; i < L; i++) if (unchecked(MA[i]) != 0) return false;
  return unchecked(MA[0]) >> g == 0;
}

function load(dst: StaticArray<u32>, b: Big): bool {
  const m = b.mag;
  if (m.length > L - 1) return false;
  for (let i = 0; i < L; i++) unchecked((dst[i] = i < m.length ? m[i] : 0));
  if ((unchecked(dst[L - 1]) >> 31) != 0) return false;
  if (b.neg) negate(dst, dst);
  return true;
}

function toBig(src: StaticArray<u32>): Big {
  const negative = magnitude(MB, src);
  const n = magLen(MB, L);
  const m = new StaticArray<u32>(n);
  for (let i = 0; i < n; i++) unchecked((m[i] = MB[i]));
  return new Big(m, negative && n > 0);
}

function setWidth(scaleBits: i32): void {
  // products of two values below 2^(scale+32) fit; anything larger falls back to the allocating path
  L = min(CAP, ((2 * scaleBits + 96) >> 5) + 2);
}

/** ln(1 + x/2^scaleBits)·2^scaleBits by the crate's series; null-equivalent (SERIES_OVERFLOW) on capacity. */
export function ln1pSeries(x: Big, scaleBits: i32, guardBits: i32, maxIters: i32): Big {
  SERIES_OVERFLOW = false;
  setWidth(scaleBits);
  if (!load(T_X, x)) {
    SERIES_OVERFLOW = true;
    return x;
  }
  copy(T_TERM, T_X);
  copy(T_RES, T_X);
  roundGuard(T_PREV, T_RES, guardBits);
  for (let n = 2; n <= maxIters; n++) {
    mulShr(T_TERM, T_TERM, T_X, scaleBits);
    if (SERIES_OVERFLOW) return x;
    if (isZero(T_TERM)) break;
    floorDivSmall(T_NEXT, T_TERM, <u32>n);
    if (isZero(T_NEXT)) break;
    addSub(T_RES, T_RES, T_NEXT, n % 2 == 0);
    if (!narrow(T_RES)) {
      SERIES_OVERFLOW = true;
      return x;
    }
    roundGuard(T_RND, T_RES, guardBits);
    if (absBelowPow2(T_NEXT, guardBits) || equal(T_RND, T_PREV)) break;
    copy(T_PREV, T_RND);
  }
  return toBig(T_RES);
}

/** exp(x/2^scaleBits)·2^scaleBits by the crate's series; SERIES_OVERFLOW on capacity. */
export function expSeries(x: Big, scaleBits: i32, guardBits: i32, maxIters: i32): Big {
  SERIES_OVERFLOW = false;
  setWidth(scaleBits);
  if (!load(T_X, x)) {
    SERIES_OVERFLOW = true;
    return x;
  }
  // term = result = 2^scaleBits
  for (let i = 0; i < L; i++) unchecked((T_TERM[i] = 0));
  unchecked((T_TERM[scaleBits >> 5] = <u32>1 << (scaleBits & 31)));
  copy(T_RES, T_TERM);
  roundGuard(T_PREV, T_RES, guardBits);
  for (let n = 1; n <= maxIters; n++) {
    mulShr(T_TERM, T_TERM, T_X, scaleBits);
    if (SERIES_OVERFLOW) return x;
    floorDivSmall(T_TERM, T_TERM, <u32>n);
    if (isZero(T_TERM)) break;
    addSub(T_RES, T_RES, T_TERM, false);
    if (!narrow(T_RES)) {
      SERIES_OVERFLOW = true;
      return x;
    }
    roundGuard(T_RND, T_RES, guardBits);
    if (absBelowPow2(T_TERM, guardBits) || equal(T_RND, T_PREV)) break;
    copy(T_PREV, T_RND);
  }
  return toBig(T_RES);
}
