import type pg from "pg";
import type { PoolSnapshot } from "./pool-snapshots";

export async function writeSnapshots(client: pg.ClientBase, snaps: readonly PoolSnapshot[]): Promise<void> {
  if (snaps.length === 0) return;
  const col = <K extends keyof PoolSnapshot>(k: K) => snaps.map((s) => s[k]);
  await client.query(
    `INSERT INTO pool_snapshots (netuid, block_number, tao_in, alpha_in, alpha_out, price_rao, moving_price,
                                 tao_in_emission, alpha_in_emission, alpha_out_emission, volume, burn)
     SELECT * FROM unnest($1::int[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[],
                          $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[],
                          $12::numeric[])
     ON CONFLICT (netuid, block_number) DO NOTHING`,
    [
      col("netuid"),
      col("blockNumber"),
      col("taoIn"),
      col("alphaIn"),
      col("alphaOut"),
      col("priceRao"),
      col("movingPrice"),
      col("taoInEmission"),
      col("alphaInEmission"),
      col("alphaOutEmission"),
      col("volume"),
      col("burn"),
    ],
  );
}

/** Thins snapshots older than the window down to every `every`-th block (those are kept forever). */
export async function pruneSnapshots(pool: pg.Pool, before: number, every: number): Promise<number> {
  const r = await pool.query(
    "DELETE FROM pool_snapshots WHERE block_number < $1 AND block_number % $2 <> 0",
    [before, every],
  );
  return r.rowCount ?? 0;
}
