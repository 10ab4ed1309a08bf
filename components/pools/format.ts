// Exact text helpers for the calculator: prices and impacts arrive as exact decimal strings and are shortened by
// string slicing (truncation, never floats); only the chart converts to numbers.
import type { QuoteDirection } from "../../lib/engine/browser";
import type { Unit } from "../../lib/format/amount";

/** Truncates an exact decimal string to `digits` fraction digits. */
export function truncateDecimal(text: string, digits: number): string {
  const [whole, frac = ""] = text.split(".");
  const f = frac.slice(0, digits).replace(/0+$/, "");
  return f ? `${whole}.${f}` : (whole ?? "0");
}

/** "0.0123" → "1.23" (the decimal point moved two places, by slicing). */
export function decimalToPercent(text: string, digits = 4): string {
  const [whole = "0", frac = ""] = text.split(".");
  const padded = frac.padEnd(2, "0");
  const intPart = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  return truncateDecimal(`${intPart}.${padded.slice(2)}`, digits);
}

export function inputUnit(direction: QuoteDirection): Unit {
  return direction === "stake" ? "tao" : "alpha";
}

export function outputUnit(direction: QuoteDirection): Unit {
  return direction === "stake" ? "alpha" : "tao";
}
