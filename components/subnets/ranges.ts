// Chart ranges: a window back from the newest snapshot's time (not the wall clock: a devnet or a stalled
// indexer has old data), and the sampling that keeps each range to a few thousand points at most.
export const RANGES = ["1D", "1W", "1M", "1Y", "All"] as const;
export type Range = (typeof RANGES)[number];

const DAY = 86_400_000;
const SPAN: Record<Range, number | null> = {
  "1D": DAY,
  "1W": 7 * DAY,
  "1M": 30 * DAY,
  "1Y": 365 * DAY,
  All: null,
};
const FREQUENCY: Record<Range, "block" | "hour" | "day"> = {
  "1D": "block",
  "1W": "hour",
  "1M": "hour",
  "1Y": "day",
  All: "day",
};

export function seriesQuery(range: Range, headIso: string | null, coarse: boolean) {
  const span = SPAN[range];
  const from = span !== null && headIso ? new Date(Date.parse(headIso) - span).toISOString() : undefined;
  // Less than two points at the range's sampling (a young chain): fall back to every snapshot.
  const frequency = coarse ? FREQUENCY[range] : "block";
  return { from, frequency, limit: frequency === "block" ? 10_000 : 1_000 } as const;
}

export const toTao = (rao: string | null): number | null => (rao === null ? null : Number(rao) / 1e9);

/** Candles: hourly for the short ranges, daily for the long ones (the API has no finer period). */
const CANDLE_FREQUENCY: Record<Range, "hour" | "day"> = {
  "1D": "hour",
  "1W": "hour",
  "1M": "day",
  "1Y": "day",
  All: "day",
};

export function candleQuery(range: Range, headIso: string | null) {
  const span = SPAN[range];
  const from = span !== null && headIso ? new Date(Date.parse(headIso) - span).toISOString() : undefined;
  return { from, frequency: CANDLE_FREQUENCY[range], limit: 1_000 } as const;
}
