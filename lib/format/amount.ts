// Exact amount text for 9-decimal units (TAO in rao, subnet alpha). Digits are sliced from the integer's
// decimal string (lib/units.formatUnits), so no value ever passes through a float.
import { DECIMALS, formatUnits } from "../units";
import { formatInteger } from "./numbers";

export type Unit = "tao" | "alpha";
export const UNIT_SYMBOL: Record<Unit, string> = { tao: "τ", alpha: "α" };

function group(decimal: string): string {
  const [whole, fraction] = decimal.split(".");
  return fraction ? `${formatInteger(whole!)}.${fraction}` : formatInteger(whole!);
}

/** Full precision with thousands separators: 1234500000000n → "1,234.5". */
export function formatAmount(value: bigint): string {
  return group(formatUnits(value, DECIMALS));
}

/** At most `fractionDigits` decimals, truncated (never rounded up): display never exceeds the real value. */
export function formatAmountFixed(value: bigint, fractionDigits: number): string {
  return group(formatUnits(value, fractionDigits));
}

const SUFFIXES = [
  { exp: 12, label: "T" },
  { exp: 9, label: "B" },
  { exp: 6, label: "M" },
  { exp: 3, label: "K" },
] as const;

/**
 * Compact text, e.g. 1234567 TAO → "1.23M", 0.000123 TAO → "0.000123", truncated not rounded. Works on the
 * whole-unit digit string, so it is exact for any u128.
 */
export function formatAmountCompact(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const sign = negative ? "-" : "";
  const whole = abs / 10n ** BigInt(DECIMALS);
  const wholeDigits = whole.toString();
  for (const { exp, label } of SUFFIXES) {
    if (wholeDigits.length > exp) {
      const head = wholeDigits.slice(0, wholeDigits.length - exp);
      const decimals = wholeDigits
        .slice(wholeDigits.length - exp, wholeDigits.length - exp + 2)
        .replace(/0+$/, "");
      return `${sign}${formatInteger(head)}${decimals ? `.${decimals}` : ""}${label}`;
    }
  }
  if (whole > 0n) return `${sign}${formatAmountFixed(abs, 4)}`;
  // Below one unit: keep four significant digits so dust does not read as zero.
  const text = formatUnits(abs, DECIMALS);
  const m = /^0\.(0*)(\d{0,4})/.exec(text);
  if (!m) return `${sign}${text}`;
  return `${sign}0.${m[1]}${m[2]}`;
}

/** Parses a wire amount (decimal integer string) leniently for display; null when absent or malformed. */
export function amountFromWire(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined || !/^-?(0|[1-9][0-9]*)$/.test(value)) return null;
  return BigInt(value);
}
