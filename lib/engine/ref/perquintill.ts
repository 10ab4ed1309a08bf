// BigInt reference of sp-arithmetic's `Perquintill` (parts per 1e18, stored as u64) as the balancer uses it.

export const PERQUINTILL_ACCURACY = 1_000_000_000_000_000_000n;

/** Raw parts of a Perquintill (0 ≤ parts ≤ 1e18). */
export type Perquintill = bigint;

export function perquintillFromParts(parts: bigint): Perquintill {
  if (parts < 0n || parts > PERQUINTILL_ACCURACY)
    throw new RangeError(`Perquintill parts ${parts} out of [0, 1e18]`);
  return parts;
}

/**
 * `Perquintill::from_rational(p, q)`: floor(p·1e18/q) computed exactly; p > q or q = 0 give one (the
 * crate's `unwrap_or(one)` after `from_rational_with_rounding(.., Down)` fails).
 */
export function perquintillFromRational(p: bigint, q: bigint): Perquintill {
  if (q === 0n || p > q) return PERQUINTILL_ACCURACY;
  return (p * PERQUINTILL_ACCURACY) / q;
}

/** `ONE.saturating_sub(p)`. */
export function perquintillComplement(p: Perquintill): Perquintill {
  return PERQUINTILL_ACCURACY - p;
}

/** The balancer's `mul_perquintill_round`: round-half-up of value·parts/1e18, capped at u128::MAX. */
export function mulPerquintillRound(p: Perquintill, value: bigint): bigint {
  const r = (value * p + PERQUINTILL_ACCURACY / 2n) / PERQUINTILL_ACCURACY;
  const max = (1n << 128n) - 1n;
  return r > max ? max : r;
}
