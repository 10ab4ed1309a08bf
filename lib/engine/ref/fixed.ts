// BigInt reference of encointer/substrate-fixed v0.6 as subtensor uses it. A value is its raw two's-complement
// bits as a bigint (signed types as signed bigints), so results can be compared bit for bit with the chain and
// with the WASM engine. Semantics restated from the crate (not copied):
// * `*`: exact double-width product, arithmetic shift right by the fraction bits (floor, i.e. toward −∞);
// * `/`: (lhs << frac) / rhs with truncation toward zero;
// * plain `+ - * /` wrap like a release-mode runtime; saturating_* clamp; checked_* give null;
// * fixed → narrower fixed and fixed → integer drop low bits (floor);
// * f64 → fixed (`from_num(literal)`) rounds to nearest, ties to even.

export interface FixedSpec {
  readonly name: string;
  readonly signed: boolean;
  readonly intBits: number;
  readonly fracBits: number;
  /** Total storage bits (64 or 128). */
  readonly bits: number;
  /** `BigInt(fracBits)`, pre-computed for shifts. */
  readonly frac: bigint;
  readonly min: bigint;
  readonly max: bigint;
  /** Raw bits of 1.0. */
  readonly one: bigint;
}

function spec(name: string, signed: boolean, intBits: number, fracBits: number): FixedSpec {
  const bits = intBits + fracBits;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  return Object.freeze({
    name,
    signed,
    intBits,
    fracBits,
    bits,
    frac: BigInt(fracBits),
    min,
    max,
    one: 1n << BigInt(fracBits),
  });
}

export const I32F32: FixedSpec = spec("I32F32", true, 32, 32);
export const I64F64: FixedSpec = spec("I64F64", true, 64, 64);
export const U64F64: FixedSpec = spec("U64F64", false, 64, 64);
export const I96F32: FixedSpec = spec("I96F32", true, 96, 32);
export const U96F32: FixedSpec = spec("U96F32", false, 96, 32);
export const U110F18: FixedSpec = spec("U110F18", false, 110, 18);

export const FIXED_SPECS: Readonly<Record<string, FixedSpec>> = Object.freeze({
  I32F32,
  I64F64,
  U64F64,
  I96F32,
  U96F32,
  U110F18,
});

export class FixedError extends RangeError {}

function inRange(s: FixedSpec, v: bigint): boolean {
  return v >= s.min && v <= s.max;
}

/** Reduces an arbitrary integer to the type's width (what a release-mode Rust operator does on overflow). */
export function wrap(s: FixedSpec, v: bigint): bigint {
  return s.signed ? BigInt.asIntN(s.bits, v) : BigInt.asUintN(s.bits, v);
}

function clamp(s: FixedSpec, v: bigint): bigint {
  return v > s.max ? s.max : v < s.min ? s.min : v;
}

function assertBits(s: FixedSpec, bits: bigint, what = "value"): bigint {
  if (!inRange(s, bits)) throw new FixedError(`${what} ${bits} is not a valid ${s.name} bit pattern`);
  return bits;
}

/** Floor division for bigints (BigInt `/` truncates). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

// ---------------------------------------------------------------------------------------------------------
// Conversions

/** `from_num(n)` for an integer: exact, throws if it does not fit (the chain's `from_num` panics). */
export function fromInt(s: FixedSpec, n: bigint): bigint {
  const v = n << s.frac;
  if (!inRange(s, v)) throw new FixedError(`${n} does not fit in ${s.name}`);
  return v;
}

/** `saturating_from_num(n)` for an integer. */
export function saturatingFromInt(s: FixedSpec, n: bigint): bigint {
  return clamp(s, n << s.frac);
}

/** `to_num::<iN>()` without the saturation: floor of the value. */
export function toIntFloor(s: FixedSpec, bits: bigint): bigint {
  return bits >> s.frac;
}

/** `saturating_to_num::<u64>()` (the chain's `tou64!`): floor, clamped to [0, 2^64−1]. */
export function toU64Saturating(s: FixedSpec, bits: bigint): bigint {
  const n = bits >> s.frac;
  return n < 0n ? 0n : n > 0xffff_ffff_ffff_ffffn ? 0xffff_ffff_ffff_ffffn : n;
}

/** `saturating_to_num::<u128>()`. */
export function toU128Saturating(s: FixedSpec, bits: bigint): bigint {
  const n = bits >> s.frac;
  const max = (1n << 128n) - 1n;
  return n < 0n ? 0n : n > max ? max : n;
}

/** `saturating_from_num(other_fixed)`: shift to the new fraction width (floor when narrowing), clamp. */
export function convert(from: FixedSpec, to: FixedSpec, bits: bigint): bigint {
  const shift = to.fracBits - from.fracBits;
  const v = shift >= 0 ? bits << BigInt(shift) : bits >> BigInt(-shift);
  return clamp(to, v);
}

/** Like `convert` but throws on overflow (the chain's `from_num`/`From` for fixed types). */
export function convertExact(from: FixedSpec, to: FixedSpec, bits: bigint): bigint {
  const shift = to.fracBits - from.fracBits;
  const v = shift >= 0 ? bits << BigInt(shift) : bits >> BigInt(-shift);
  if (!inRange(to, v)) throw new FixedError(`${toDecimal(from, bits)} does not fit in ${to.name}`);
  return v;
}

const F64_VIEW = new DataView(new ArrayBuffer(8));

/** Exact value of a finite f64 as `mantissa × 2^exp2` (mantissa a signed bigint). */
function f64Parts(x: number): { mant: bigint; exp2: number } {
  if (!Number.isFinite(x)) throw new FixedError(`non-finite number ${x}`);
  F64_VIEW.setFloat64(0, x);
  const hi = F64_VIEW.getUint32(0);
  const lo = F64_VIEW.getUint32(4);
  const neg = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mant |= 1n << 52n;
    exp2 = biased - 1075;
  }
  return { mant: neg ? -mant : mant, exp2 };
}

/** Rounds `num / 2^shift` (shift ≥ 0) to nearest, ties to even. */
function roundShiftEven(num: bigint, shift: bigint): bigint {
  if (shift <= 0n) return num << -shift;
  const q = num >> shift; // floor
  const rem = num - (q << shift); // 0 ≤ rem < 2^shift
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Rounds `num / den` (den > 0) to nearest, ties to even. */
function roundDivEven(num: bigint, den: bigint): bigint {
  const q = floorDiv(num, den);
  const rem2 = (num - q * den) * 2n;
  if (rem2 > den || (rem2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** `from_num(x: f64)`: nearest representable value, ties to even; throws when it does not fit. */
export function fromF64(s: FixedSpec, x: number): bigint {
  const { mant, exp2 } = f64Parts(x);
  const v = roundShiftEven(mant, BigInt(-(exp2 + s.fracBits)));
  if (!inRange(s, v)) throw new FixedError(`${x} does not fit in ${s.name}`);
  return v;
}

/** `saturating_from_num(x: f64)`. */
export function saturatingFromF64(s: FixedSpec, x: number): bigint {
  const { mant, exp2 } = f64Parts(x);
  return clamp(s, roundShiftEven(mant, BigInt(-(exp2 + s.fracBits))));
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Exact rational value of a decimal literal as num / den (den a power of ten). */
function parseDecimal(text: string): { num: bigint; den: bigint } | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? "";
  const exp10 = (m[4] ? Number.parseInt(m[4], 10) : 0) - frac.length;
  if (!Number.isSafeInteger(exp10) || Math.abs(exp10) > 4000) return null;
  let num = BigInt(m[2]! + frac);
  if (m[1]) num = -num;
  let den = 1n;
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den = 10n ** BigInt(-exp10);
  return { num, den };
}

/**
 * Converts decimal text the way the chain turns its literals into fixed-point values.
 *
 * The chain writes constants as f64 literals (`from_num(0.000003)`): the compiler rounds the decimal to the
 * nearest f64, and `from_num` rounds that to the nearest fixed value (ties to even). Doing the same here keeps
 * literal-derived values bit-exact. One deliberate extension: text that is *exactly* representable in the type
 * (every output of `toDecimal`, e.g. a stored `SubnetMovingPrice`) is taken exactly, even when it has more
 * significant bits than an f64, so exact outputs round-trip. For such values both routes agree whenever the
 * value also fits an f64. Throws `FixedError` on malformed text or a value out of range.
 */
export function fromDecimal(s: FixedSpec, text: string): bigint {
  const parsed = parseDecimal(text);
  if (!parsed) throw new FixedError(`not a decimal number: ${JSON.stringify(text)}`);
  const { num, den } = parsed;
  const scaled = num << s.frac;
  if (scaled % den === 0n) {
    const v = scaled / den;
    if (!inRange(s, v)) throw new FixedError(`${text} is out of range for ${s.name}`);
    return v;
  }
  return fromF64(s, Number(text.trim()));
}

/** `from_str`: the decimal rounded directly to the nearest representable value (ties to even), no f64. */
export function fromDecimalNearest(s: FixedSpec, text: string): bigint {
  const parsed = parseDecimal(text);
  if (!parsed) throw new FixedError(`not a decimal number: ${JSON.stringify(text)}`);
  const v = roundDivEven(parsed.num << s.frac, parsed.den);
  if (!inRange(s, v)) throw new FixedError(`${text} is out of range for ${s.name}`);
  return v;
}

/** Exact decimal text of the stored value (every fixed value has a finite decimal expansion). */
export function toDecimal(s: FixedSpec, bits: bigint): string {
  const neg = bits < 0n;
  const mag = neg ? -bits : bits;
  const int = mag >> s.frac;
  const fracBits = mag & (s.one - 1n);
  if (fracBits === 0n) return `${neg ? "-" : ""}${int}`;
  const digits = ((fracBits * 10n ** s.frac) >> s.frac)
    .toString()
    .padStart(s.fracBits, "0")
    .replace(/0+$/, "");
  return `${neg ? "-" : ""}${int}.${digits}`;
}

/** `num / den` as the chain writes `from_num(num).safe_div(from_num(den))`: (num << frac) / den truncated, saturating; 0 if den = 0. */
export function fromRatio(s: FixedSpec, num: bigint, den: bigint): bigint {
  if (den === 0n) return 0n;
  return clamp(s, (num << s.frac) / den);
}

// ---------------------------------------------------------------------------------------------------------
// Arithmetic

export function add(s: FixedSpec, a: bigint, b: bigint): bigint {
  return wrap(s, a + b);
}
export function sub(s: FixedSpec, a: bigint, b: bigint): bigint {
  return wrap(s, a - b);
}
/** Wrapping multiply: floor(a·b / 2^frac) reduced to the width. */
export function mul(s: FixedSpec, a: bigint, b: bigint): bigint {
  return wrap(s, (a * b) >> s.frac);
}
/** Wrapping divide: trunc((a << frac) / b); throws on division by zero (the runtime panics). */
export function div(s: FixedSpec, a: bigint, b: bigint): bigint {
  if (b === 0n) throw new FixedError(`${s.name} division by zero`);
  return wrap(s, (a << s.frac) / b);
}

export function saturatingAdd(s: FixedSpec, a: bigint, b: bigint): bigint {
  return clamp(s, a + b);
}
export function saturatingSub(s: FixedSpec, a: bigint, b: bigint): bigint {
  return clamp(s, a - b);
}
export function saturatingMul(s: FixedSpec, a: bigint, b: bigint): bigint {
  return clamp(s, (a * b) >> s.frac);
}
/** Saturating divide; throws on division by zero like the crate (use `safeDiv` for the chain's 0 default). */
export function saturatingDiv(s: FixedSpec, a: bigint, b: bigint): bigint {
  if (b === 0n) throw new FixedError(`${s.name} division by zero`);
  return clamp(s, (a << s.frac) / b);
}

export function checkedAdd(s: FixedSpec, a: bigint, b: bigint): bigint | null {
  const v = a + b;
  return inRange(s, v) ? v : null;
}
export function checkedSub(s: FixedSpec, a: bigint, b: bigint): bigint | null {
  const v = a - b;
  return inRange(s, v) ? v : null;
}
export function checkedMul(s: FixedSpec, a: bigint, b: bigint): bigint | null {
  const v = (a * b) >> s.frac;
  return inRange(s, v) ? v : null;
}
export function checkedDiv(s: FixedSpec, a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const v = (a << s.frac) / b;
  return inRange(s, v) ? v : null;
}
export function checkedNeg(s: FixedSpec, a: bigint): bigint | null {
  const v = -a;
  return inRange(s, v) ? v : null;
}

/** safe-math `safe_div`: `checked_div(..).unwrap_or_default()` (0 on overflow or division by zero). */
export function safeDiv(s: FixedSpec, a: bigint, b: bigint): bigint {
  return checkedDiv(s, a, b) ?? 0n;
}
/** safe-math `safe_div_or`. */
export function safeDivOr(s: FixedSpec, a: bigint, b: bigint, def: bigint): bigint {
  return checkedDiv(s, a, b) ?? def;
}

/** Multiply by an integer (`fixed * int` in the crate): exact product, wrapping. */
export function mulInt(s: FixedSpec, a: bigint, n: bigint): bigint {
  return wrap(s, a * n);
}

/** `floor()` as a fixed value. */
export function floor(s: FixedSpec, bits: bigint): bigint {
  return (bits >> s.frac) << s.frac;
}

export function abs(s: FixedSpec, bits: bigint): bigint {
  return wrap(s, bits < 0n ? -bits : bits);
}

export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

// ---------------------------------------------------------------------------------------------------------
// substrate-fixed `transcendental` (all with the destination type equal to the source type, as the chain uses
// them). Errors (`Err(())` in Rust) are `null`.

/** I9F23 constants of the crate: the 128-bit constants truncated to 23 fraction bits. */
const LOG2_E_I9F23 = 0xb8aa_3b29_5c17_f0bb_be87_fed0_691d_3e88n >> 104n;
const E_I9F23 = 0xadf8_5458_a2bb_4a9a_afdc_5620_273d_3cf1n >> 103n;

function fromI9F23(s: FixedSpec, bits: bigint): bigint {
  return bits << BigInt(s.fracBits - 23);
}

/** The crate's rounding half-shift: (x >> 1) + (x & lsb). */
function rs(x: bigint): bigint {
  return (x >> 1n) + (x & 1n);
}

function log2Inner(s: FixedSpec, operand: bigint): bigint {
  const two = 2n << s.frac;
  let x = operand;
  let result = 0n;
  while (x >= two) {
    result += 1n;
    x = rs(x);
  }
  // The crate returns `from_num(result)` here, i.e. the integer count as a value.
  if (x === s.one) return result << s.frac;
  for (let i = 0; i < s.fracBits; i++) {
    x = wrap(s, (x * x) >> s.frac);
    result <<= 1n;
    if (x >= two) {
      result |= 1n;
      x = rs(x);
    }
  }
  return wrap(s, result);
}

/** `transcendental::log2` (signed types); null for operand ≤ 0 or when 1/operand overflows. */
export function log2(s: FixedSpec, operand: bigint): bigint | null {
  if (!s.signed) throw new FixedError(`log2 needs a signed type, got ${s.name}`);
  if (operand <= 0n) return null;
  if (operand < s.one) {
    const inv = checkedDiv(s, s.one, operand);
    if (inv === null) return null;
    return wrap(s, -log2Inner(s, inv));
  }
  return log2Inner(s, operand);
}

/** `transcendental::ln` = log2(x) / LOG2_E (the I9F23 constant). */
export function ln(s: FixedSpec, operand: bigint): bigint | null {
  const l = log2(s, operand);
  if (l === null) return null;
  return div(s, l, fromI9F23(s, LOG2_E_I9F23));
}

/** `transcendental::exp`: Taylor series with `frac − 2` terms; exp(1) returns the crate's I9F23 `E`. */
export function exp(s: FixedSpec, operand: bigint): bigint | null {
  if (!s.signed) throw new FixedError(`exp needs a signed type, got ${s.name}`);
  if (operand === 0n) return s.one;
  if (operand === s.one) return fromI9F23(s, E_I9F23);
  const neg = operand < 0n;
  let x = operand;
  if (neg) {
    const n = checkedNeg(s, x);
    if (n === null) return null;
    x = n;
  }
  let result = checkedAdd(s, x, s.one);
  if (result === null) return null;
  let term = x;
  for (let i = 2; i < s.fracBits; i++) {
    const t1 = checkedMul(s, term, x);
    if (t1 === null) return null;
    const t2 = checkedDiv(s, t1, BigInt(i) << s.frac);
    if (t2 === null) return null;
    term = t2;
    const r = checkedAdd(s, result, term);
    if (r === null) return null;
    result = r;
  }
  if (neg) return checkedDiv(s, s.one, result);
  return result;
}

/** `transcendental::pow(operand, exponent)` = exp(ln(operand) · exponent). */
export function pow(s: FixedSpec, operand: bigint, exponent: bigint): bigint | null {
  if (operand === 0n) return 0n;
  if (exponent === 0n) return s.one;
  if (exponent === s.one) return operand;
  const l = ln(s, operand);
  if (l === null) return null;
  const r = checkedMul(s, l, exponent);
  if (r === null) return null;
  return exp(s, r);
}

/** `transcendental::powi`: repeated checked multiplication; negative exponents invert. */
export function powi(s: FixedSpec, operand: bigint, exponent: number): bigint | null {
  if (operand === 0n) return 0n;
  if (exponent === 0) return s.one;
  if (exponent === 1) return operand;
  let r = operand;
  for (let i = 1; i < Math.abs(exponent); i++) {
    const m = checkedMul(s, r, operand);
    if (m === null) return null;
    r = m;
  }
  if (exponent < 0) return checkedDiv(s, s.one, r);
  return r;
}

/** `transcendental::sqrt` (Newton, `frac` iterations, operands < 1 inverted first); null when negative. */
export function sqrt(s: FixedSpec, operand: bigint): bigint | null {
  if (operand < 0n) return null;
  if (operand === 0n || operand === s.one) return operand;
  let x = operand;
  let invert = false;
  if (x < s.one) {
    invert = true;
    const inv = checkedDiv(s, s.one, x);
    if (inv === null) return null;
    x = inv;
  }
  const two = 2n << s.frac;
  let l = add(s, div(s, x, two), s.one);
  for (let i = 0; i < s.fracBits; i++) l = div(s, add(s, l, div(s, x, l)), two);
  if (invert) return checkedDiv(s, s.one, l);
  return l;
}

/** safe-math `checked_pow(n)`: square-and-multiply with saturating multiplies; negative n inverts (0 on failure). */
export function checkedPow(s: FixedSpec, base: bigint, exponent: number): bigint | null {
  if (exponent === 0) return s.one;
  if (base === 0n) return exponent < 0 ? null : 0n;
  let result = s.one;
  let b = base;
  let e = Math.abs(exponent);
  while (e > 0) {
    if (e & 1) result = saturatingMul(s, result, b);
    b = saturatingMul(s, b, b);
    e = Math.floor(e / 2);
  }
  if (exponent < 0) result = safeDiv(s, s.one, result);
  return result;
}

/** safe-math `checked_sqrt(epsilon)`: bisection on x/middle vs middle, at most 129 halvings. */
export function checkedSqrt(s: FixedSpec, x: bigint, epsilon: bigint): bigint | null {
  if (x < 0n) return null;
  const one = s.one;
  const two = 2n << s.frac;
  let high: bigint;
  let low: bigint;
  if (x > one) {
    high = x;
    low = 0n;
  } else {
    high = one;
    low = x;
  }
  let middle = safeDiv(s, saturatingAdd(s, high, low), two);
  let check = safeDiv(s, x, middle);
  let iteration = 0;
  const absDiff = (a: bigint, b: bigint) => (a < b ? saturatingSub(s, b, a) : saturatingSub(s, a, b));
  while (absDiff(check, middle) > epsilon) {
    if (check < middle) high = middle;
    else low = middle;
    middle = safeDiv(s, saturatingAdd(s, high, low), two);
    check = safeDiv(s, x, middle);
    iteration++;
    if (iteration > 128) break;
  }
  return middle;
}

/** Integer square root (floor) of a non-negative bigint. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new FixedError("isqrt of a negative number");
  if (n < 2n) return n;
  // Newton from a power-of-two start above the root, then fix up exactly.
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export { assertBits };
