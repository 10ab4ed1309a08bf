// BigInt reference of subtensor's `SafeFloat` (primitives/share-pool, spec ≥ 397): a decimal float
// `mantissa × 10^exponent` whose mantissa is kept in (1e20, 1e21] after every operation, with intermediate
// products in U256 and truncating divisions. Operations return null where the chain returns `None`.

export interface SafeFloat {
  /** u128, 0 or in (1e20, 1e21]. */
  readonly mantissa: bigint;
  /** i64. */
  readonly exponent: bigint;
}

export const SAFE_FLOAT_MAX = 1_000_000_000_000_000_000_000n;
const SAFE_FLOAT_MIN = SAFE_FLOAT_MAX / 10n;
const SAFE_FLOAT_MAX_EXP = 21n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
const U256_MAX = (1n << 256n) - 1n;

export const SF_ZERO: SafeFloat = Object.freeze({ mantissa: 0n, exponent: 0n });

/** 10^e, capped at 1e22 for e > 22 as the chain's `cappow10` does. */
function cappow10(e: bigint): bigint {
  if (e > SAFE_FLOAT_MAX_EXP + 1n) return SAFE_FLOAT_MAX * 10n;
  return 10n ** e;
}

function normalize(mantissa: bigint, exponent: bigint): SafeFloat | null {
  if (mantissa === 0n) return SF_ZERO;
  let m = mantissa;
  let e = exponent;
  while (m > SAFE_FLOAT_MAX) {
    m /= 10n;
    e += 1n;
    if (e > I64_MAX) return null;
  }
  while (m <= SAFE_FLOAT_MIN) {
    m *= 10n;
    e -= 1n;
    if (e < I64_MIN) return null;
  }
  return { mantissa: m, exponent: e };
}

/** `SafeFloat::new`: null if the mantissa exceeds 1e21 or the exponent leaves i64 while normalising. */
export function sfNew(mantissa: bigint, exponent: bigint): SafeFloat | null {
  if (mantissa < 0n || mantissa > SAFE_FLOAT_MAX) return null;
  if (exponent < I64_MIN || exponent > I64_MAX) return null;
  return normalize(mantissa, exponent);
}

/** `From<u64>`. */
export function sfFromU64(v: bigint): SafeFloat {
  return sfNew(v, 0n) ?? SF_ZERO;
}

export function sfIsZero(a: SafeFloat): boolean {
  return a.mantissa === 0n;
}

export function sfDiv(a: SafeFloat, b: SafeFloat): SafeFloat | null {
  if (b.mantissa === 0n) return null;
  const e = a.exponent - b.exponent - SAFE_FLOAT_MAX_EXP;
  if (e > I64_MAX || e < I64_MIN) return null;
  return normalize((a.mantissa * SAFE_FLOAT_MAX) / b.mantissa, e);
}

function aligned(a: SafeFloat, b: SafeFloat): { m1: bigint; m2: bigint; e: bigint } {
  if (a.exponent >= b.exponent) {
    return { m1: a.mantissa, m2: b.mantissa / cappow10(a.exponent - b.exponent), e: a.exponent };
  }
  return { m1: a.mantissa / cappow10(b.exponent - a.exponent), m2: b.mantissa, e: b.exponent };
}

export function sfAdd(a: SafeFloat, b: SafeFloat): SafeFloat | null {
  if (sfIsZero(a)) return b;
  if (sfIsZero(b)) return a;
  const { m1, m2, e } = aligned(a, b);
  const sum = m1 + m2;
  return normalize(sum > U256_MAX ? U256_MAX : sum, e);
}

export function sfSub(a: SafeFloat, b: SafeFloat): SafeFloat | null {
  if (sfIsZero(a) && sfIsZero(b)) return SF_ZERO;
  if (sfIsZero(a)) return null;
  if (sfIsZero(b)) return a;
  const { m1, m2, e } = aligned(a, b);
  return normalize(m1 > m2 ? m1 - m2 : 0n, e);
}

/** a × b / c with the product kept exact in U256. */
export function sfMulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat | null {
  if (c.mantissa === 0n) return null;
  const eab = a.exponent + b.exponent;
  if (eab > I64_MAX || eab < I64_MIN) return null;
  const e = eab - c.exponent;
  if (e > I64_MAX || e < I64_MIN) return null;
  return normalize((a.mantissa * b.mantissa) / c.mantissa, e);
}

/** The chain's `gt` (only meaningful for normalised operands). */
export function sfGt(a: SafeFloat, b: SafeFloat): boolean {
  if (a.exponent === b.exponent) return a.mantissa > b.mantissa;
  if (a.exponent > b.exponent) return a.exponent - b.exponent > 1n ? true : 10n * a.mantissa > b.mantissa;
  return b.exponent - a.exponent > 1n ? false : a.mantissa > 10n * b.mantissa;
}

/** `u64::from(&SafeFloat)`: floor, saturating at u64::MAX. */
export function sfToU64(a: SafeFloat): bigint {
  if (a.exponent === 0n) return a.mantissa > U64_MAX ? U64_MAX : a.mantissa;
  const neg = a.exponent < 0n;
  const scale = cappow10(neg ? -a.exponent : a.exponent);
  let q = neg ? a.mantissa / scale : a.mantissa * scale;
  if (q > U256_MAX) q = U256_MAX;
  return q > U64_MAX ? U64_MAX : q;
}

/** `From<U64F64>` (the lazy V1 → V2 share migration): int + frac / 2^64 in SafeFloat arithmetic. */
export function sfFromU64F64(bits: bigint): SafeFloat {
  if (bits === 0n) return SF_ZERO;
  const int = sfNew(bits >> 64n, 0n) ?? SF_ZERO;
  const fracNum = sfNew(bits & U64_MAX, 0n) ?? SF_ZERO;
  const two64 = sfNew(1n << 64n, 0n) ?? SF_ZERO;
  const frac = sfDiv(fracNum, two64) ?? SF_ZERO;
  return sfAdd(int, frac) ?? SF_ZERO;
}

/** Exact decimal text of `mantissa × 10^exponent`. */
export function sfToDecimal(a: SafeFloat): string {
  if (a.mantissa === 0n) return "0";
  if (a.exponent >= 0n) return (a.mantissa * 10n ** a.exponent).toString();
  const digits = a.mantissa.toString();
  const k = Number(-a.exponent);
  const padded = digits.padStart(k + 1, "0");
  const int = padded.slice(0, padded.length - k);
  const frac = padded.slice(padded.length - k).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** Share-pool value of `share` (SharePool::get_value_from_shares): floor(shared × share / denominator); 0 if denominator is 0. */
export function sharePoolValue(sharedValue: bigint, share: SafeFloat, denominator: SafeFloat): bigint {
  const shared = sfNew(sharedValue, 0n) ?? SF_ZERO;
  return sfToU64(sfMulDiv(shared, share, denominator) ?? SF_ZERO);
}
