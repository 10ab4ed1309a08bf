// The indexer's cursor and the chain position it last saw, per lane, in `indexer_status`.
import type pg from "pg";

export interface LaneStatus {
  lane: string;
  blockNumber: number;
  blockHash: string | null;
  chainHead: number | null;
  finalized: number | null;
}

export async function readStatus(db: pg.Pool | pg.ClientBase, lane: string): Promise<LaneStatus | null> {
  const r = await db.query<{
    block_number: number;
    block_hash: string | null;
    chain_head: number | null;
    finalized: number | null;
  }>("SELECT block_number, block_hash, chain_head, finalized FROM indexer_status WHERE lane = $1", [lane]);
  const row = r.rows[0];
  return row
    ? {
        lane,
        blockNumber: row.block_number,
        blockHash: row.block_hash,
        chainHead: row.chain_head,
        finalized: row.finalized,
      }
    : null;
}

export async function writeStatus(db: pg.Pool | pg.ClientBase, s: LaneStatus): Promise<void> {
  await db.query(
    `INSERT INTO indexer_status (lane, block_number, block_hash, chain_head, finalized, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (lane) DO UPDATE SET block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash,
       chain_head = EXCLUDED.chain_head, finalized = EXCLUDED.finalized, updated_at = now()`,
    [s.lane, s.blockNumber, s.blockHash, s.chainHead, s.finalized],
  );
}

/** Hashes we stored for the given block numbers (to compare with the chain when looking for a reorg). */
export async function storedHashes(
  db: pg.Pool | pg.ClientBase,
  from: number,
  to: number,
): Promise<Map<number, string>> {
  const r = await db.query<{ number: number; hash: string }>(
    "SELECT number, hash FROM blocks WHERE number BETWEEN $1 AND $2",
    [from, to],
  );
  return new Map(r.rows.map((x) => [x.number, x.hash]));
}
