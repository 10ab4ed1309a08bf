// Branded on-chain amounts. TAO and every subnet's alpha are u64 with 9 decimals; keeping them as distinct
// bigint brands makes mixing them a type error, and bigint keeps every rao exact.

declare const raoBrand: unique symbol;
declare const alphaBrand: unique symbol;

/** TAO amount in rao (1 TAO = 1e9 rao). */
export type Rao = bigint & { readonly [raoBrand]: true };
/** Subnet alpha amount in its smallest unit (1 alpha = 1e9). */
export type Alpha = bigint & { readonly [alphaBrand]: true };

export const DECIMALS = 9;
export const UNIT = 1_000_000_000n;
export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;

const INTEGER = /^(0|[1-9][0-9]*)$/;

/** Parses a non-negative decimal integer string (the wire format) exactly; throws on anything else. */
export function parseUint(value: string, max: bigint = U64_MAX, what = "amount"): bigint {
  if (!INTEGER.test(value))
    throw new RangeError(`${what} must be a non-negative integer string, got ${JSON.stringify(value)}`);
  const n = BigInt(value);
  if (n > max) throw new RangeError(`${what} ${value} exceeds ${max}`);
  return n;
}

export function rao(value: bigint | string): Rao {
  const n = typeof value === "string" ? parseUint(value, U64_MAX, "rao") : value;
  if (n < 0n || n > U64_MAX) throw new RangeError(`rao out of u64 range: ${n}`);
  return n as Rao;
}

export function alpha(value: bigint | string): Alpha {
  const n = typeof value === "string" ? parseUint(value, U64_MAX, "alpha") : value;
  if (n < 0n || n > U64_MAX) throw new RangeError(`alpha out of u64 range: ${n}`);
  return n as Alpha;
}

/** Wire form of an amount: its exact decimal string. */
export function toWire(value: bigint): string {
  return value.toString(10);
}

/**
 * Exact decimal text of a 9-decimal amount, by slicing digits (never floats): 1234500000n → "1.2345".
 * `fractionDigits` truncates (towards zero) rather than rounds, so a displayed value never exceeds the real one.
 */
export function formatUnits(value: bigint, fractionDigits: number = DECIMALS): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(DECIMALS + 1, "0");
  const whole = digits.slice(0, -DECIMALS);
  const fraction = digits
    .slice(-DECIMALS, digits.length - DECIMALS + Math.max(0, Math.min(DECIMALS, fractionDigits)))
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Parses "1.5" TAO/alpha into 1_500_000_000n exactly; rejects more than 9 decimals. */
export function parseUnits(text: string): bigint {
  const m = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,9}))?$/.exec(text.trim());
  if (!m)
    throw new RangeError(`not a decimal amount with at most ${DECIMALS} decimals: ${JSON.stringify(text)}`);
  return BigInt(m[1]!) * UNIT + BigInt((m[2] ?? "").padEnd(DECIMALS, "0"));
}

/** The only sanctioned float conversion: for chart axes, where precision loss is tolerated. */
export function toChartNumber(value: bigint): number {
  return Number(value) / 1e9;
}
