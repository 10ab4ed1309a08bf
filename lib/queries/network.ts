// Network-wide figures: the indexer's `network_snapshots` (TotalIssuance, TotalStake, registration cost and the
// block's pool sums, at the pool-snapshot blocks) and the daily account count; the next halving is found with the
// engine's block emission. Methodology in README.md ("Network figures").
import type { NetworkFiguresDto, NetworkPointDto } from "../api/v1/schemas";
import type { HistoryQuery } from "./account-history";
import { quoteEngine } from "./quote-engine";
import { iso, raw, type Sql, select, sql } from "./sql";
import { listSubnets, timeRange } from "./subnets";

const TOTAL_SUPPLY = 21_000_000_000_000_000n;
const BLOCK_MS = 12_000;

interface PointRow {
  block_number: number;
  timestamp: Date | null;
  issuance: string | null;
  staked: string | null;
  registration_cost: string | null;
  pools: number;
  tao_in_pools: string | null;
  alpha_price_sum: string | null;
}

/** a / b truncated to 10 decimal places, exactly. */
export function fraction(a: bigint, b: bigint): string | null {
  if (b <= 0n || a < 0n) return null;
  const scaled = (a * 10n ** 10n) / b;
  const s = scaled.toString().padStart(11, "0");
  return `${s.slice(0, -10)}.${s.slice(-10)}`;
}

function point(r: PointRow): NetworkPointDto {
  return {
    block_number: r.block_number,
    timestamp: iso(r.timestamp),
    issuance: r.issuance,
    staked: r.staked,
    staked_share:
      r.issuance !== null && r.staked !== null ? fraction(BigInt(r.staked), BigInt(r.issuance)) : null,
    registration_cost: r.registration_cost,
    subnets: r.pools,
    tao_in_pools: r.tao_in_pools,
    alpha_price_sum: r.alpha_price_sum,
  };
}

const COLUMNS = raw(
  `n.block_number, b."timestamp", n.issuance::text, n.staked::text, n.registration_cost::text, n.pools,
   n.tao_in_pools::text, n.alpha_price_sum::text`,
);

/**
 * The next halving from `issuance`: the smallest issuance at which the engine's block emission is lower (found
 * by bisection; emission never rises with issuance), and the blocks to it at the current emission.
 */
export async function nextHalving(
  issuance: bigint,
): Promise<{ emission: bigint; issuance: bigint; after: bigint; blocks: number } | null> {
  const engine = await quoteEngine();
  const emission = engine.blockEmission(issuance);
  if (emission === 0n || issuance >= TOTAL_SUPPLY) return null;
  let lo = issuance;
  let hi = TOTAL_SUPPLY;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (engine.blockEmission(mid) < emission) hi = mid;
    else lo = mid;
  }
  const blocks = (hi - issuance + emission - 1n) / emission;
  return { emission, issuance: hi, after: engine.blockEmission(hi), blocks: Number(blocks) };
}

export async function networkFigures(): Promise<NetworkFiguresDto | null> {
  const [rows, accounts, subnets, transfers] = await Promise.all([
    select<PointRow[]>`
      SELECT ${COLUMNS} FROM network_snapshots n LEFT JOIN blocks b ON b.number = n.block_number
      ORDER BY n.block_number DESC LIMIT 1`,
    select<{ accounts: number; block_number: number }[]>`
      SELECT accounts, block_number FROM network_stats_daily WHERE accounts IS NOT NULL
      ORDER BY day DESC LIMIT 1`,
    listSubnets({ page: 1, limit: 1000, field: "netuid", dir: "asc" }),
    select<{ n: number; since: number | null }[]>`
      WITH head AS (SELECT number, "timestamp" FROM blocks ORDER BY number DESC LIMIT 1),
      ref AS (SELECT coalesce(
        (SELECT b.number FROM blocks b, head WHERE b."timestamp" <= head."timestamp" - interval '24 hours'
          ORDER BY b."timestamp" DESC, b.number DESC LIMIT 1), -1) AS number)
      SELECT (SELECT count(*)::int FROM transfers t, ref WHERE t.block_number > ref.number) AS n,
             (SELECT number FROM ref) AS since`,
  ]);
  // Σ over subnets of their 24 h volume (each from its own window start, see /subnets).
  let volume = 0n;
  for (const s of subnets.data) volume += BigInt(s.volume_24h ?? "0");
  const r = rows[0];
  if (!r) return null;
  const halving = r.issuance === null ? null : await nextHalving(BigInt(r.issuance));
  const start = r.timestamp?.getTime() ?? null;
  return {
    ...point(r),
    accounts: accounts[0]?.accounts ?? null,
    accounts_block: accounts[0]?.block_number ?? null,
    volume_24h: volume.toString(),
    transfers_24h: transfers[0]?.n ?? 0,
    block_emission: halving ? halving.emission.toString() : r.issuance === null ? null : "0",
    next_halving: halving
      ? {
          issuance: halving.issuance.toString(),
          block_emission_after: halving.after.toString(),
          blocks: Math.min(halving.blocks, 2_147_483_647),
          eta:
            start === null || halving.blocks > 2_147_483_647
              ? null
              : new Date(start + halving.blocks * BLOCK_MS).toISOString(),
        }
      : null,
  };
}

/** The newest `limit` snapshots in the window (all, or the last of each UTC hour/day), oldest first. */
export async function networkSeries(q: HistoryQuery): Promise<NetworkPointDto[]> {
  const unit = raw(q.frequency === "day" ? "'day'" : "'hour'");
  const inner: Sql =
    q.frequency === "block"
      ? sql`SELECT ${COLUMNS} FROM network_snapshots n LEFT JOIN blocks b ON b.number = n.block_number
            WHERE true ${timeRange(q)} ORDER BY n.block_number DESC LIMIT ${q.limit}`
      : sql`SELECT DISTINCT ON (date_trunc(${unit}, b."timestamp", 'UTC')) ${COLUMNS}
            FROM network_snapshots n JOIN blocks b ON b.number = n.block_number
            WHERE b."timestamp" IS NOT NULL ${timeRange(q)}
            ORDER BY date_trunc(${unit}, b."timestamp", 'UTC') DESC, n.block_number DESC LIMIT ${q.limit}`;
  const rows = await select<PointRow[]>`SELECT * FROM (${inner}) t ORDER BY block_number`;
  return rows.map(point);
}
