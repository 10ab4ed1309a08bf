// Wire decimals (percent and fraction strings from /api/v1/subnets) as display text, through bigints: no floats.
import { formatPercent } from "../../lib/format/numbers";

/** "12.3456" → 123456n at scale 4 (extra digits cut, missing ones padded). */
export function scaledDecimal(text: string, scale: number): bigint {
  const negative = text.startsWith("-");
  const [int = "0", frac = ""] = (negative ? text.slice(1) : text).split(".");
  const v = BigInt(int + frac.slice(0, scale).padEnd(scale, "0"));
  return negative ? -v : v;
}

/** A percent string ("-3.1234") as "−3.12%" with a sign. */
export function formatChange(percent: string | null): string {
  if (percent === null) return "—";
  const v = scaledDecimal(percent, 4);
  const text = formatPercent(v, 100n * 10_000n, 2);
  return v > 0n ? `+${text}` : text;
}

/** A 0-1 fraction string ("0.125") as "12.50%". */
export function formatShare(fraction: string | null): string {
  if (fraction === null) return "—";
  return formatPercent(scaledDecimal(fraction, 12), 10n ** 12n, 2);
}
