// Decimal-string proportions from the API shown without floats: digits are cut from the string, never rounded
// through a JS number.

/** "0.1234567890" → "0.1234" (truncated to `digits` places). */
export function proportion(value: string | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return "—";
  const [whole = "0", frac = ""] = value.split(".");
  return digits > 0 ? `${whole}.${frac.padEnd(digits, "0").slice(0, digits)}` : whole;
}

/** A share "0.1234567890" as a percentage, truncated: "12.34%". */
export function sharePercent(value: string | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return "—";
  const [whole = "0", frac = ""] = value.split(".");
  const digits = `${whole}${frac.padEnd(2 + decimals, "0")}`;
  const intPart = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, "");
  const fracPart = digits.slice(whole.length + 2, whole.length + 2 + decimals);
  return decimals > 0 ? `${intPart}.${fracPart}%` : `${intPart}%`;
}
