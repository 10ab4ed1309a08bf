// safe-bigmath 0.4.1 `pow_ratio_scaled`, mirroring lib/engine/ref/bigmath.ts (see there for the algorithm).

import { add, Big, cmp, div, floorDiv, gcd, iroot, mul, pow, shl, shr, sub } from "./big";
import { expSeries, ln1pSeries, SERIES_OVERFLOW } from "./series";

const GUARD_BITS: i32 = 24;
const MAX_EXACT: u64 = 1024;

function roundToPrecision(value: Big, guardBits: i32): Big {
  // truncating division by 2^guard, then round half away from zero
  const mag = shr(value.abs(), guardBits);
  const t = value.neg ? mag.negate() : mag;
  const r = sub(value, shl(t, guardBits));
  if (!r.isZero() && r.abs().bitLength() >= guardBits) {
    // |r|·2 ≥ 2^guard  ⇔  |r| ≥ 2^(guard−1)  ⇔  bitLength(|r|) ≥ guard
    return add(t, Big.fromI64(r.neg ? -1 : 1));
  }
  return t;
}

function absLt(a: Big, bits: i32): bool {
  return a.abs().bitLength() <= bits;
}

function ln1pFixed(x: Big, scaleBits: i32, guardBits: i32, maxIters: i32): Big {
  const fast = ln1pSeries(x, scaleBits, guardBits, maxIters);
  if (!SERIES_OVERFLOW) return fast;
  let term = x;
  let result = term;
  let prev = roundToPrecision(result, guardBits);
  for (let n = 2; n <= maxIters; n++) {
    term = shr(mul(term, x), scaleBits);
    if (term.isZero()) break;
    const next = floorDiv(term, Big.fromU64(<u64>n));
    if (next.isZero()) break;
    if (n % 2 == 0) result = sub(result, next);
    else result = add(result, next);
    const rounded = roundToPrecision(result, guardBits);
    // |next| < 2^guard  ⇔  bitLength(|next|) ≤ guard
    if (absLt(next, guardBits) || cmp(rounded, prev) == 0) break;
    prev = rounded;
  }
  return result;
}

function expFixed(x: Big, scaleBits: i32, guardBits: i32, maxIters: i32): Big {
  const fast = expSeries(x, scaleBits, guardBits, maxIters);
  if (!SERIES_OVERFLOW) return fast;
  let term = Big.pow2(scaleBits);
  let result = term;
  let prev = roundToPrecision(result, guardBits);
  for (let n = 1; n <= maxIters; n++) {
    // floor(term·x / (scale·n)) = floor(floor(term·x / scale) / n)
    term = floorDiv(shr(mul(term, x), scaleBits), Big.fromU64(<u64>n));
    if (term.isZero()) break;
    result = add(result, term);
    const rounded = roundToPrecision(result, guardBits);
    if (absLt(term, guardBits) || cmp(rounded, prev) == 0) break;
    prev = rounded;
  }
  return result;
}

function lnBig(value: Big, intPrec: i32, guardBits: i32, lnTwo: Big, maxIters: i32): Big {
  let shift = max(0, value.bitLength() - 1);
  let mantissa = shr(shl(value, intPrec), shift);
  const scale = Big.pow2(intPrec);
  if (cmp(mantissa, add(scale, Big.pow2(intPrec - 1))) >= 0) {
    mantissa = shr(mantissa, 1);
    shift += 1;
  }
  return add(ln1pFixed(sub(mantissa, scale), intPrec, guardBits, maxIters), mul(lnTwo, Big.fromU64(<u64>shift)));
}

export let POW_NONE: bool = false;
let LN2: Big = Big.zero();
let LN2_PREC: i32 = -1;
let LN2_ITERS: i32 = -1;

/** floor(scale·(num/den)^(eNum/eDen)); POW_NONE set where the crate returns None. */
export function powRatioScaled(num: Big, den: Big, eNum: Big, eDen: Big, precision: i32, scale: Big): Big {
  POW_NONE = false;
  if (den.isZero() || eDen.isZero()) {
    POW_NONE = true;
    return Big.zero();
  }
  if (num.isZero()) return Big.zero();
  if (eNum.isZero()) return scale;
  const g = gcd(eNum, eDen);
  if (g.bitLength() > 1) {
    eNum = div(eNum, g);
    eDen = div(eDen, g);
  }
  if (eNum.bitLength() <= 11 && eDen.bitLength() <= 11 && eNum.lowU64() <= MAX_EXACT && eDen.lowU64() <= MAX_EXACT) {
    const a = <u32>eNum.lowU64();
    const b = <u32>eDen.lowU64();
    const target = div(mul(pow(num, a), pow(scale, b)), pow(den, a));
    return iroot(target, b);
  }
  const scaleBits = scale.bitLength();
  const requested = max(max(precision, 32), scaleBits + 8);
  const intPrec = requested + GUARD_BITS;
  const maxIters = max(1, min(4096, intPrec + 128));
  const internalScale = Big.pow2(intPrec);
  // ln 2 depends only on the precision and the iteration cap: computed once per pair.
  if (intPrec != LN2_PREC || maxIters != LN2_ITERS) {
    LN2 = ln1pFixed(shr(internalScale, 1).negate(), intPrec, GUARD_BITS, maxIters).negate();
    LN2_PREC = intPrec;
    LN2_ITERS = maxIters;
  }
  const lnTwo = LN2;
  const lnBase = sub(lnBig(num, intPrec, GUARD_BITS, lnTwo, maxIters), lnBig(den, intPrec, GUARD_BITS, lnTwo, maxIters));
  const lnScaled = floorDiv(mul(lnBase, eNum), eDen);
  const e = expFixed(lnScaled, intPrec, GUARD_BITS, maxIters);
  return shr(mul(roundToPrecision(e, GUARD_BITS), scale), requested);
}
