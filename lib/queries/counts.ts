// Row counts for stats and list totals without counting big tables on the request path: the planner's
// estimate (pg_class.reltuples, refreshed by autovacuum/ANALYZE) once a table is large, an exact count while it
// is small or has never been analysed. Cached per process for a few seconds.
import { select } from "./sql";

export type CountedTable =
  | "blocks"
  | "extrinsics"
  | "events"
  | "signed_extrinsics"
  | "transfers"
  | "stake_trades";

export interface RowCount {
  value: number;
  exact: boolean;
}

/** Below this many (estimated) rows an exact count is cheap enough to do. */
const EXACT_BELOW = 50_000;
const TTL_MS = 5_000;

const cache = new Map<CountedTable, { at: number; count: Promise<RowCount> }>();

async function estimate(table: CountedTable): Promise<number> {
  const relation = table === "signed_extrinsics" ? "public.extrinsics" : `public.${table}`;
  const [row] = await select<{ est: number | null }[]>`
    SELECT reltuples::float8 AS est FROM pg_class WHERE oid = to_regclass(${relation})`;
  const est = row?.est ?? -1;
  if (est < 0 || table !== "signed_extrinsics") return est;
  // Share of signed rows from the column statistics of `signed`.
  const [stat] = await select<{ vals: string[] | null; freqs: number[] | null }[]>`
    SELECT most_common_vals::text::text[] AS vals, most_common_freqs::float8[] AS freqs
    FROM pg_stats WHERE schemaname = 'public' AND tablename = 'extrinsics' AND attname = 'signed'`;
  if (!stat?.vals || !stat.freqs) return -1;
  const i = stat.vals.indexOf("true");
  return i < 0 ? 0 : est * (stat.freqs[i] ?? 0);
}

async function exact(table: CountedTable): Promise<number> {
  // One constant statement per table: table names cannot be bind parameters.
  const rows =
    table === "blocks"
      ? await select<{ n: string }[]>`SELECT count(*) AS n FROM blocks`
      : table === "extrinsics"
        ? await select<{ n: string }[]>`SELECT count(*) AS n FROM extrinsics`
        : table === "events"
          ? await select<{ n: string }[]>`SELECT count(*) AS n FROM events`
          : table === "transfers"
            ? await select<{ n: string }[]>`SELECT count(*) AS n FROM transfers`
            : table === "stake_trades"
              ? await select<{ n: string }[]>`SELECT count(*) AS n FROM stake_trades`
              : await select<{ n: string }[]>`SELECT count(*) AS n FROM extrinsics WHERE signed`;
  // A count of rows fits a double exactly far beyond any chain's size.
  return Number(rows[0]?.n ?? 0);
}

async function count(table: CountedTable): Promise<RowCount> {
  const est = await estimate(table);
  if (est >= EXACT_BELOW) return { value: Math.round(est), exact: false };
  return { value: await exact(table), exact: true };
}

export function rowCount(table: CountedTable): Promise<RowCount> {
  const now = Date.now();
  const hit = cache.get(table);
  if (hit && now - hit.at < TTL_MS) return hit.count;
  const fresh = count(table);
  cache.set(table, { at: now, count: fresh });
  fresh.catch(() => cache.delete(table));
  return fresh;
}
