// An on-chain amount with its unit, exact: digits are sliced from the integer string, never via floats.
import {
  amountFromWire,
  formatAmount,
  formatAmountCompact,
  UNIT_SYMBOL,
  type Unit,
} from "../../lib/format/amount";

export function Amount({
  value,
  unit = "tao",
  compact = false,
}: {
  /** Smallest units (rao for TAO) as bigint or the wire's decimal string. */
  value: bigint | string | null | undefined;
  unit?: Unit;
  compact?: boolean;
}) {
  const v = typeof value === "bigint" ? value : amountFromWire(value);
  if (v === null) return <span className="text-zinc-400">—</span>;
  const symbol = UNIT_SYMBOL[unit];
  const full = `${formatAmount(v)} ${symbol}`;
  return (
    <span className="whitespace-nowrap font-mono" title={full} data-amount={v.toString()}>
      {compact ? `${formatAmountCompact(v)} ${symbol}` : full}
    </span>
  );
}

/** A signed rao amount (a flow or a change): the sign shown and coloured, the digits exact. */
export function SignedAmount({ value, unit = "tao" }: { value: string | null; unit?: Unit }) {
  if (value === null) return <span className="text-zinc-400">—</span>;
  const negative = value.startsWith("-");
  const abs = negative ? value.slice(1) : value;
  const tone =
    abs === "0"
      ? "text-zinc-500"
      : negative
        ? "text-red-600 dark:text-red-400"
        : "text-green-700 dark:text-green-400";
  return (
    <span className={tone}>
      {negative ? "−" : abs === "0" ? "" : "+"}
      <Amount value={abs} unit={unit} compact />
    </span>
  );
}
