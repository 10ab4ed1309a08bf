// Leases of a split backfill in `indexer_leases`: ranges are created idempotently, claimed with
// FOR UPDATE SKIP LOCKED (so concurrent workers never take the same one), and freed when a worker's heartbeat
// expires. Writes are idempotent, so a range redone after a crash changes nothing.
import type pg from "pg";

export interface Lease {
  rangeStart: number;
  rangeEnd: number;
}

export async function ensureLeases(pool: pg.Pool, from: number, to: number, size: number): Promise<void> {
  await pool.query(
    `INSERT INTO indexer_leases (range_start, range_end)
     SELECT g, LEAST(g + $3 - 1, $2) FROM generate_series($1::int, $2::int, $3::int) AS g
     ON CONFLICT (range_start) DO NOTHING`,
    [from, to, size],
  );
}

export async function claimLease(
  pool: pg.Pool,
  from: number,
  to: number,
  owner: string,
  ttlSeconds: number,
): Promise<Lease | null> {
  const r = await pool.query<{ range_start: number; range_end: number }>(
    `UPDATE indexer_leases SET owner = $3, heartbeat_at = now()
     WHERE range_start = (
       SELECT range_start FROM indexer_leases
       WHERE NOT done AND range_start BETWEEN $1 AND $2
         AND (owner IS NULL OR owner = $3 OR heartbeat_at < now() - make_interval(secs => $4))
       ORDER BY range_start LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING range_start, range_end`,
    [from, to, owner, ttlSeconds],
  );
  const row = r.rows[0];
  return row ? { rangeStart: row.range_start, rangeEnd: row.range_end } : null;
}

/** Inside a batch's transaction: proves the worker is alive, and marks the lease done with its last batch. */
export async function heartbeat(client: pg.ClientBase, lease: Lease, done: boolean): Promise<void> {
  await client.query(
    "UPDATE indexer_leases SET heartbeat_at = now(), done = done OR $2 WHERE range_start = $1",
    [lease.rangeStart, done],
  );
}

export async function leasesRemaining(pool: pg.Pool, from: number, to: number): Promise<number> {
  const r = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM indexer_leases WHERE NOT done AND range_start BETWEEN $1 AND $2",
    [from, to],
  );
  return r.rows[0]?.n ?? 0;
}
