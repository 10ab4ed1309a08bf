// BigInt reference of safe-bigmath 0.4.1 `SafeInt::pow_ratio_scaled` (rev 013c4998, the one subtensor pins),
// which the balancer pool uses for `(num/den)^(e_num/e_den) × scale`. The exact path is a floor n-th root,
// so any exact algorithm reproduces it; the approximate path is restated step by step (series lengths, floors
// and the guard-bit rounding all decide the last unit).

const MAX_EXACT_EXPONENT = 1024n;
const DEFAULT_MAX_ITERS = 4096;
const GUARD_BITS = 24n;
const GUARD = 1n << GUARD_BITS;
const GUARD_MASK = GUARD - 1n;
const HALF_GUARD = GUARD >> 1n;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Round-half-away-from-zero of value / guard (the crate's `round_to_precision`); guard = 2^GUARD_BITS. */
function roundToPrecision(value: bigint, guard: bigint): bigint {
  if (guard === GUARD) {
    // Same result with shifts: truncation toward zero is a shift of |value|, the remainder its low bits.
    const neg = value < 0n;
    const mag = neg ? -value : value;
    let t = mag >> GUARD_BITS;
    if ((mag & GUARD_MASK) >= HALF_GUARD) t += 1n;
    return neg ? -t : t;
  }
  let t = value / guard;
  const r = value - t * guard;
  if (r !== 0n && (r < 0n ? -r : r) * 2n >= guard) t += r < 0n ? -1n : 1n;
  return t;
}

/** floor((num/den)^(1/q)) for q ≥ 1: largest r with r^q·den ≤ num. */
export function nthRootRatioFloor(num: bigint, den: bigint, q: number): bigint {
  if (q === 0) return 0n;
  if (q === 1) return num / den;
  const qq = BigInt(q);
  // Float-free estimate from bit lengths, then Newton on the integer q-th root of floor(num/den), which equals
  // the root of the ratio (floor(floor(x)^(1/q)) = floor(x^(1/q)) for integer roots).
  const target = num / den;
  if (target === 0n) return 0n;
  let x = 1n << BigInt(Math.ceil(bitLength(target) / q) + 1);
  for (;;) {
    const y = ((qq - 1n) * x + target / x ** (qq - 1n)) / qq;
    if (y >= x) break;
    x = y;
  }
  while (x ** qq > target) x -= 1n;
  while ((x + 1n) ** qq <= target) x += 1n;
  return x;
}

/** log2 of a power of two, or -1n (the series' scales are powers of two: floor division is then a shift). */
function log2Exact(scale: bigint): bigint {
  return scale > 0n && (scale & (scale - 1n)) === 0n ? BigInt(bitLength(scale) - 1) : -1n;
}

function ln1pFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  const shift = log2Exact(scale);
  let term = x;
  let result = term;
  let prev = roundToPrecision(result, guard);
  for (let n = 2; n <= maxIters; n++) {
    // BigInt >> is an arithmetic shift: floor division by 2^shift, negative values included.
    term = shift >= 0n ? (term * x) >> shift : floorDiv(term * x, scale);
    if (term === 0n) break;
    const next = floorDiv(term, BigInt(n));
    if (next === 0n) break;
    if (n % 2 === 0) result -= next;
    else result += next;
    const rounded = roundToPrecision(result, guard);
    if ((next < 0n ? -next : next) < guard || rounded === prev) break;
    prev = rounded;
  }
  return result;
}

function expFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  const shift = log2Exact(scale);
  let term = scale;
  let result = term;
  let prev = roundToPrecision(result, guard);
  for (let n = 1; n <= maxIters; n++) {
    // floor(a / (2^s·n)) = floor(floor(a / 2^s) / n)
    term = shift >= 0n ? floorDiv((term * x) >> shift, BigInt(n)) : floorDiv(term * x, scale * BigInt(n));
    if (term === 0n) break;
    result += term;
    const rounded = roundToPrecision(result, guard);
    if ((term < 0n ? -term : term) < guard || rounded === prev) break;
    prev = rounded;
  }
  return result;
}

function lnBig(
  value: bigint,
  intPrec: bigint,
  scale: bigint,
  guard: bigint,
  lnTwo: bigint,
  maxIters: number,
): bigint {
  let shift = BigInt(Math.max(0, bitLength(value) - 1));
  let mantissa = (value << intPrec) >> shift;
  if (mantissa >= scale + (scale >> 1n)) {
    mantissa >>= 1n;
    shift += 1n;
  }
  return ln1pFixed(mantissa - scale, scale, guard, maxIters) + lnTwo * shift;
}

const LN2 = new Map<string, bigint>();

/**
 * floor(scale × (baseNum/baseDen)^(expNum/expDen)), or null where the crate returns None (zero denominators).
 * All inputs are non-negative.
 */
export function powRatioScaled(
  baseNum: bigint,
  baseDen: bigint,
  expNum: bigint,
  expDen: bigint,
  precision: number,
  scale: bigint,
): bigint | null {
  if (baseDen === 0n || expDen === 0n) return null;
  if (baseNum === 0n) return 0n;
  if (scale < 0n || baseNum < 0n || baseDen < 0n) return null;
  if (expNum === 0n) return scale;
  const g = gcd(expNum, expDen);
  if (g > 1n) {
    expNum /= g;
    expDen /= g;
  }
  if (expNum <= MAX_EXACT_EXPONENT && expDen <= MAX_EXACT_EXPONENT) {
    const a = Number(expNum);
    const b = Number(expDen);
    return nthRootRatioFloor(baseNum ** BigInt(a) * scale ** BigInt(b), baseDen ** BigInt(a), b);
  }
  const scaleBits = bitLength(scale);
  const requested = BigInt(Math.max(precision, 32, scaleBits + 8));
  const internalPrec = requested + GUARD_BITS;
  const maxIters = Math.max(1, Math.min(DEFAULT_MAX_ITERS, Number(internalPrec) + 128));
  const targetScale = 1n << requested;
  const guard = 1n << GUARD_BITS;
  const internalScale = targetScale << GUARD_BITS;
  // ln 2 depends only on the precision and the iteration cap: computed once per pair.
  const lnKey = `${internalPrec}/${maxIters}`;
  let lnTwo = LN2.get(lnKey);
  if (lnTwo === undefined) {
    lnTwo = -ln1pFixed(-(internalScale >> 1n), internalScale, guard, maxIters);
    LN2.set(lnKey, lnTwo);
  }
  const lnBase =
    lnBig(baseNum, internalPrec, internalScale, guard, lnTwo, maxIters) -
    lnBig(baseDen, internalPrec, internalScale, guard, lnTwo, maxIters);
  const lnScaled = floorDiv(lnBase * expNum, expDen);
  const e = expFixed(lnScaled, internalScale, guard, maxIters);
  return (roundToPrecision(e, guard) * scale) >> requested;
}
