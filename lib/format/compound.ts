// Exact compounding for the staking calculator: what an APY (a 6-decimal string) grows an amount to over part
// of a year, with integer roots on bigints (never floats), floored so an estimate never exceeds the APY.

const APY_SCALE = 1_000_000n;
/** Fixed-point scale of growth factors. */
export const GROWTH_SCALE = 10n ** 18n;
const DAYS_PER_YEAR = 365;

/** floor(n^(1/k)) for n ≥ 0 (Newton's method on bigints). */
export function integerRoot(n: bigint, k: number): bigint {
  if (n < 0n) throw new RangeError("integerRoot of a negative number");
  if (n < 2n || k === 1) return n;
  const K = BigInt(k);
  // Start above the root: 2^ceil(bits / k).
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / k));
  for (;;) {
    const y = ((K - 1n) * x + n / x ** (K - 1n)) / K;
    if (y >= x) return x;
    x = y;
  }
}

/** "0.250000" → 250000n (scale 1e6); rejects anything but a non-negative 6-decimal string. */
function apyMicros(apy: string): bigint {
  const m = /^([0-9]+)\.([0-9]{6})$/.exec(apy);
  if (!m) throw new RangeError(`not an APY with 6 decimals: ${JSON.stringify(apy)}`);
  return BigInt(m[1]!) * APY_SCALE + BigInt(m[2]!);
}

/** floor(GROWTH_SCALE × (1 + apy)^(days / 365)), exactly, for whole days in 1..3650. */
export function growthFactor(apy: string, days: number): bigint {
  if (!Number.isInteger(days) || days < 1 || days > 3_650) throw new RangeError(`days out of range: ${days}`);
  const base = APY_SCALE + apyMicros(apy);
  // (base / 1e6)^(days/365) × 1e18 = ((base^days × 1e18^365) / 1e6^days)^(1/365)
  const n = (base ** BigInt(days) * GROWTH_SCALE ** BigInt(DAYS_PER_YEAR)) / APY_SCALE ** BigInt(days);
  return integerRoot(n, DAYS_PER_YEAR);
}

/** Earnings of `amount` (rao or alpha rao) over `days` at `apy`, floored. */
export function earnings(amount: bigint, apy: string, days: number): bigint {
  return (amount * (growthFactor(apy, days) - GROWTH_SCALE)) / GROWTH_SCALE;
}
