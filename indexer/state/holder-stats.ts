// Concentration statistics of one holder distribution (BigInt, exact): holders, total, top-10/top-50 shares, Gini
// and Nakamoto coefficient. Ratios are exact fractions written as decimal strings truncated to 18 places.

export const RATIO_DIGITS = 18;

export interface Concentration {
  holders: number;
  total: bigint;
  /** Fractions in [0, 1] as decimal strings (18 places, truncated); null when there is nothing held. */
  top10Share: string | null;
  top50Share: string | null;
  gini: string | null;
  /** Smallest number of holders together holding more than half of the total; null when nothing is held. */
  nakamoto: number | null;
}

/** `num / den` (both ≥ 0, den > 0) as a decimal string truncated to `digits` places. */
export function ratioDecimal(num: bigint, den: bigint, digits = RATIO_DIGITS): string {
  if (den <= 0n || num < 0n) throw new RangeError("ratioDecimal: needs num ≥ 0 and den > 0");
  const scaled = (num * 10n ** BigInt(digits)) / den;
  const s = scaled.toString().padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * Statistics of the positive amounts in `amounts` (zeros are not holders). Gini uses the sorted-rank form
 * G = (2·Σ i·x₍ᵢ₎) / (n·Σx) − (n+1)/n over x ascending, i = 1..n, kept as one exact fraction.
 */
export function concentration(amounts: Iterable<bigint>): Concentration {
  const xs = [...amounts].filter((x) => x > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = xs.length;
  let total = 0n;
  for (const x of xs) total += x;
  if (n === 0 || total === 0n)
    return { holders: 0, total: 0n, top10Share: null, top50Share: null, gini: null, nakamoto: null };
  const desc = [...xs].reverse();
  const topSum = (k: number) => desc.slice(0, k).reduce((s, x) => s + x, 0n);
  let ranked = 0n;
  xs.forEach((x, i) => {
    ranked += BigInt(i + 1) * x;
  });
  const N = BigInt(n);
  // (2·ranked − (n+1)·total) / (n·total) ≥ 0 for ascending x.
  const gini = ratioDecimal(2n * ranked - (N + 1n) * total, N * total);
  let acc = 0n;
  let nakamoto = 0;
  for (const x of desc) {
    acc += x;
    nakamoto++;
    if (2n * acc > total) break;
  }
  return {
    holders: n,
    total,
    top10Share: ratioDecimal(topSum(10), total),
    top50Share: ratioDecimal(topSum(50), total),
    gini,
    nakamoto,
  };
}
