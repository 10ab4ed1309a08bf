// Price candles per subnet, UTC hour and day, maintained from the pool snapshots of each committed batch: the
// batch's snapshots are aggregated per bucket and merged into the stored candle (open/first volume from the
// earliest block, close/last volume from the latest, high/low extremes), so a bucket spread over several
// batches ends up as if aggregated at once, and the merge is idempotent. pool_snapshots is later thinned outside
// its recent window; the candles keep the per-block extremes. A rollback deletes the candles that reach the
// fork and rebuilds them from the snapshots left (the hot window is always stored per block).
import type pg from "pg";

const MERGE = `
  INSERT INTO pool_candles (netuid, frequency, bucket, first_block, last_block, open, high, low, close,
                            first_volume, last_volume)
  SELECT p.netuid, f.frequency, date_trunc(f.frequency, b."timestamp", 'UTC'),
         min(p.block_number), max(p.block_number),
         (array_agg(p.price_rao ORDER BY p.block_number))[1], max(p.price_rao), min(p.price_rao),
         (array_agg(p.price_rao ORDER BY p.block_number DESC))[1],
         (array_agg(p.volume ORDER BY p.block_number))[1], (array_agg(p.volume ORDER BY p.block_number DESC))[1]
  FROM pool_snapshots p
  JOIN blocks b ON b.number = p.block_number
  CROSS JOIN (VALUES ('hour'), ('day')) AS f(frequency)
  WHERE p.block_number BETWEEN $1 AND $2 AND p.price_rao IS NOT NULL AND b."timestamp" IS NOT NULL
  GROUP BY 1, 2, 3
  ON CONFLICT (netuid, frequency, bucket) DO UPDATE SET
    open = CASE WHEN EXCLUDED.first_block < pool_candles.first_block THEN EXCLUDED.open ELSE pool_candles.open END,
    first_volume = CASE WHEN EXCLUDED.first_block < pool_candles.first_block
                        THEN EXCLUDED.first_volume ELSE pool_candles.first_volume END,
    first_block = LEAST(pool_candles.first_block, EXCLUDED.first_block),
    close = CASE WHEN EXCLUDED.last_block > pool_candles.last_block THEN EXCLUDED.close ELSE pool_candles.close END,
    last_volume = CASE WHEN EXCLUDED.last_block > pool_candles.last_block
                       THEN EXCLUDED.last_volume ELSE pool_candles.last_volume END,
    last_block = GREATEST(pool_candles.last_block, EXCLUDED.last_block),
    high = GREATEST(pool_candles.high, EXCLUDED.high),
    low = LEAST(pool_candles.low, EXCLUDED.low)`;

/** Merges the snapshots of blocks `from..to` (inclusive; blocks and snapshots already written) into the candles. */
export async function writeCandles(client: pg.ClientBase, from: number, to: number): Promise<void> {
  if (to < from) return;
  await client.query(MERGE, [from, to]);
}

/**
 * Before a rollback from `fork`: removes every candle that reaches it and returns the first block to rebuild
 * from once the rolled-back rows are gone (null when no candle was touched).
 */
export async function dropCandlesFrom(client: pg.ClientBase, fork: number): Promise<number | null> {
  const r = await client.query<{ first: number | null }>(
    `WITH d AS (DELETE FROM pool_candles WHERE last_block >= $1 RETURNING first_block)
     SELECT min(first_block) AS first FROM d`,
    [fork],
  );
  return r.rows[0]?.first ?? null;
}
