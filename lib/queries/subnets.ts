// Subnets: the newest pool snapshot of every subnet with derived market figures, one subnet's detail, its pool
// series and price candles. Every figure is computed in SQL on NUMERIC (no JS numbers); methodology in README.md
// and in the response schemas' descriptions (lib/api/v1/subnet-schemas.ts).
import { toAddress } from "../api/v1/address";
import type { PagePagination } from "../api/v1/schemas";
import type {
  CandleDto,
  EmissionPointDto,
  PoolPointDto,
  SubnetActivityDto,
  SubnetDetailDto,
  SubnetDto,
} from "../api/v1/subnet-schemas";
import type { Dir } from "./keyset";
import { empty, iso, raw, type Sql, select, sql } from "./sql";

export const SUBNET_ORDER_FIELDS = [
  "netuid",
  "price",
  "market_cap",
  "price_change_1h",
  "price_change_24h",
  "price_change_7d",
  "liquidity",
  "tao_flow_24h",
  "recycled_24h",
  "registration_cost",
  "volume_24h",
  "emission_share",
  "tao_in",
  "alpha_in",
  "alpha_out",
  "registered_block",
] as const;
export type SubnetOrderField = (typeof SUBNET_ORDER_FIELDS)[number];

/** Sort expressions over the `s` CTE below: constants chosen by code, never user text. */
const ORDER_SQL: Record<SubnetOrderField, string> = {
  netuid: "netuid",
  price: "price_rao",
  market_cap: "market_cap",
  price_change_1h: "price_change_1h",
  price_change_24h: "price_change_24h",
  price_change_7d: "price_change_7d",
  liquidity: "liquidity",
  tao_flow_24h: "tao_flow_24h",
  recycled_24h: "recycled_24h",
  registration_cost: "burn",
  volume_24h: "volume_24h",
  emission_share: "emission_share",
  tao_in: "tao_in",
  alpha_in: "alpha_in",
  alpha_out: "alpha_out",
  registered_block: "registered_block",
};

interface SubnetRow {
  netuid: number;
  block_number: number;
  timestamp: Date | null;
  price_rao: string | null;
  tao_in: string | null;
  alpha_in: string | null;
  alpha_out: string | null;
  market_cap: string | null;
  price_change_24h: string | null;
  volume_24h: string | null;
  window_start_block: number | null;
  emission_share: string | null;
  tao_in_emission: string | null;
  registered_block: number | null;
  owner: string | null;
  identity: Record<string, unknown> | null;
  moving_price: string | null;
  alpha_in_emission: string | null;
  alpha_out_emission: string | null;
  volume: string | null;
  total: string;
  price_change_1h: string | null;
  price_change_7d: string | null;
  fdv: string | null;
  liquidity: string | null;
  tao_flow_24h: string | null;
  recycled_24h: string | null;
  validators: number | null;
  miners: number | null;
  burn: string | null;
}

/** Alpha's maximum supply (21 M alpha in rao), the FDV basis. */
const MAX_ALPHA_SUPPLY = raw("21000000000000000");

/** The newest block at or before `span` before the head snapshot's timestamp (a constant interval from code). */
function refBlock(span: "1 hour" | "24 hours" | "7 days"): Sql {
  return sql`(SELECT bb.number FROM blocks bb
               WHERE bb."timestamp" <= b."timestamp" - ${raw(`interval '${span}'`)}
               ORDER BY bb."timestamp" DESC, bb.number DESC LIMIT 1)`;
}

/**
 * The subnet's snapshot a change is measured from: the newest at or before `ref` since its registration, or its
 * oldest since registration when none is that old.
 */
function windowStart(ref: string): Sql {
  const at = raw(ref);
  return sql`(
          SELECT * FROM (
            (SELECT ps.block_number, ps.price_rao, ps.volume FROM pool_snapshots ps
              WHERE ps.netuid = cur.netuid AND ps.block_number <= ${at}
                AND ps.block_number >= coalesce(r.block_number, 0)
              ORDER BY ps.block_number DESC LIMIT 1)
            UNION ALL
            (SELECT ps.block_number, ps.price_rao, ps.volume FROM pool_snapshots ps
              WHERE ps.netuid = cur.netuid AND ps.block_number >= coalesce(r.block_number, 0)
              ORDER BY ps.block_number ASC LIMIT 1)
          ) c LIMIT 1)`;
}

/**
 * The subnets present in the newest snapshot block, with every derived column. `only` narrows to one netuid
 * (after the emission sum, which spans all subnets).
 */
export function subnetsSql(only: number | null, order: Sql, limit: number, offset: number): Sql {
  return sql`
    WITH head AS MATERIALIZED (
      -- the newest snapshot block, and the newest block at or before 24 h before its timestamp (computed once:
      -- inlined into the per-subnet lookups below it would run per scanned row)
      SELECT p.block_number, b."timestamp",
             ${refBlock("1 hour")} AS ref_1h,
             ${refBlock("24 hours")} AS ref_block,
             ${refBlock("7 days")} AS ref_7d
        FROM (SELECT max(block_number) AS block_number FROM pool_snapshots) p
        LEFT JOIN blocks b ON b.number = p.block_number
    ),
    cur AS (
      SELECT p.*, head."timestamp", head.ref_block, head.ref_1h, head.ref_7d,
             sum(p.tao_in_emission) OVER () AS emission_sum
        FROM pool_snapshots p JOIN head ON p.block_number = head.block_number
    ),
    s AS (
      SELECT cur.*, r.block_number AS registered_block, r.coldkey AS owner, idn.identity,
             w.block_number AS window_start_block,
             w.price_rao AS ref_price, w.volume AS ref_volume,
             floor(cur.price_rao * (cur.alpha_in + cur.alpha_out) / 1000000000) AS market_cap,
             CASE WHEN w.price_rao > 0
                  THEN round((cur.price_rao - w.price_rao) * 100 / w.price_rao, 4) END AS price_change_24h,
             CASE WHEN cur.volume >= w.volume THEN cur.volume - w.volume END AS volume_24h,
             CASE WHEN cur.emission_sum > 0
                  THEN round(cur.tao_in_emission / cur.emission_sum, 12) END AS emission_share,
             CASE WHEN w1.price_rao > 0
                  THEN round((cur.price_rao - w1.price_rao) * 100 / w1.price_rao, 4) END AS price_change_1h,
             CASE WHEN w7.price_rao > 0
                  THEN round((cur.price_rao - w7.price_rao) * 100 / w7.price_rao, 4) END AS price_change_7d,
             floor(cur.price_rao * ${MAX_ALPHA_SUPPLY} / 1000000000) AS fdv,
             cur.tao_in + floor(cur.alpha_in * cur.price_rao / 1000000000) AS liquidity,
             flow.tao_flow AS tao_flow_24h, rec.recycled AS recycled_24h,
             mg.validators, mg.miners,
             count(*) OVER () AS total
        FROM cur
        LEFT JOIN LATERAL (
          SELECT block_number, coldkey FROM registrations
           WHERE netuid = cur.netuid AND kind = 'network' AND block_number <= cur.block_number
           ORDER BY block_number DESC LIMIT 1
        ) r ON true
        LEFT JOIN LATERAL (
          SELECT identity FROM subnet_identity_changes
           WHERE netuid = cur.netuid AND block_number >= coalesce(r.block_number, 0)
             AND block_number <= cur.block_number
           ORDER BY block_number DESC, event_index DESC LIMIT 1
        ) idn ON true
        LEFT JOIN LATERAL ${windowStart("cur.ref_block")} w ON true
        LEFT JOIN LATERAL ${windowStart("cur.ref_1h")} w1 ON true
        LEFT JOIN LATERAL ${windowStart("cur.ref_7d")} w7 ON true
        LEFT JOIN LATERAL (
          SELECT sum(CASE WHEN t.action = 'stake' THEN t.tao ELSE -t.tao END) AS tao_flow
            FROM stake_trades t
           WHERE t.netuid = cur.netuid AND t.block_number > w.block_number AND t.block_number <= cur.block_number
        ) flow ON true
        LEFT JOIN LATERAL (
          SELECT coalesce(sum(g.cost), 0) AS recycled FROM registrations g
           WHERE g.netuid = cur.netuid AND g.kind = 'neuron'
             AND g.block_number > w.block_number AND g.block_number <= cur.block_number
        ) rec ON true
        LEFT JOIN LATERAL (
          SELECT ms.validators, ms.neurons - ms.validators AS miners FROM metagraph_snapshots ms
           WHERE ms.netuid = cur.netuid AND ms.block_number >= coalesce(r.block_number, 0)
             AND ms.block_number <= cur.block_number
           ORDER BY ms.block_number DESC LIMIT 1
        ) mg ON true
       ${only === null ? empty : sql`WHERE cur.netuid = ${only}`}
    )
    SELECT netuid, block_number, "timestamp", price_rao::text, tao_in::text, alpha_in::text, alpha_out::text,
           market_cap::text, price_change_24h::text, volume_24h::text, window_start_block,
           emission_share::text, tao_in_emission::text, registered_block, owner, identity,
           moving_price::text, alpha_in_emission::text, alpha_out_emission::text, volume::text, total::text,
           price_change_1h::text, price_change_7d::text, fdv::text, liquidity::text, tao_flow_24h::text,
           recycled_24h::text, validators, miners, burn::text
      FROM s
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`;
}

function text(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

/** Trims trailing zeros of a NUMERIC's text (0.250000 → 0.25) so equal values read the same. */
function trimDecimal(v: string | null): string | null {
  if (v === null || !v.includes(".")) return v;
  return v.replace(/0+$/, "").replace(/\.$/, "");
}

function identityField(identity: Record<string, unknown> | null, ...keys: string[]): string | null {
  if (!identity) return null;
  for (const k of keys) {
    const v = text(identity[k]);
    if (v) return v;
  }
  return null;
}

function toSubnet(r: SubnetRow): SubnetDto {
  return {
    netuid: r.netuid,
    name: identityField(r.identity, "subnetName", "subnet_name", "name"),
    symbol: identityField(r.identity, "symbol", "tokenSymbol", "token_symbol"),
    block_number: r.block_number,
    timestamp: iso(r.timestamp),
    price: r.price_rao,
    tao_in: r.tao_in,
    alpha_in: r.alpha_in,
    alpha_out: r.alpha_out,
    market_cap: r.market_cap,
    fdv: r.fdv,
    liquidity: r.liquidity,
    tao_flow_24h: r.tao_flow_24h ?? "0",
    recycled_24h: r.recycled_24h ?? "0",
    validators: r.validators,
    miners: r.miners,
    registration_cost: r.burn,
    price_change_1h: trimDecimal(r.price_change_1h),
    price_change_24h: trimDecimal(r.price_change_24h),
    price_change_7d: trimDecimal(r.price_change_7d),
    volume_24h: r.volume_24h,
    window_start_block: r.window_start_block,
    emission_share: trimDecimal(r.emission_share),
    tao_in_emission: r.tao_in_emission,
    registered_block: r.registered_block,
    owner: toAddress(r.owner),
  };
}

export interface SubnetListQuery {
  page: number;
  limit: number;
  field: SubnetOrderField;
  dir: Dir;
}

export async function listSubnets(
  q: SubnetListQuery,
): Promise<{ pagination: PagePagination; data: SubnetDto[] }> {
  const d = q.dir === "asc" ? "ASC" : "DESC";
  const order = raw(`s.${ORDER_SQL[q.field]} ${d} NULLS LAST, s.netuid ${d}`);
  const rows = await select<SubnetRow[]>`${subnetsSql(null, order, q.limit, (q.page - 1) * q.limit)}`;
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && q.page > 1) {
    const t = await select<{ n: string }[]>`
      SELECT count(*)::text AS n FROM pool_snapshots
       WHERE block_number = (SELECT max(block_number) FROM pool_snapshots)`;
    total = Number(t[0]?.n ?? 0);
  }
  const pages = Math.ceil(total / q.limit);
  return {
    pagination: {
      page: q.page,
      limit: q.limit,
      total,
      next: q.page < pages ? q.page + 1 : null,
      prev: q.page > 1 ? Math.min(q.page - 1, Math.max(pages, 1)) : null,
    },
    data: rows.map(toSubnet),
  };
}

export async function getSubnet(netuid: number): Promise<SubnetDetailDto | null> {
  const rows = await select<SubnetRow[]>`${subnetsSql(netuid, raw("s.netuid"), 1, 0)}`;
  const r = rows[0];
  if (!r) return null;
  const trades = await select<
    { buys: number; sells: number; buyers: number; sellers: number; tao_bought: string; tao_sold: string }[]
  >`
    SELECT count(*) FILTER (WHERE action = 'stake')::int AS buys,
           count(*) FILTER (WHERE action = 'unstake')::int AS sells,
           count(DISTINCT coldkey) FILTER (WHERE action = 'stake')::int AS buyers,
           count(DISTINCT coldkey) FILTER (WHERE action = 'unstake')::int AS sellers,
           coalesce(sum(tao) FILTER (WHERE action = 'stake'), 0)::text AS tao_bought,
           coalesce(sum(tao) FILTER (WHERE action = 'unstake'), 0)::text AS tao_sold
    FROM stake_trades
    WHERE netuid = ${netuid} AND block_number > ${r.window_start_block ?? r.block_number}
      AND block_number <= ${r.block_number}`;
  const hyper = await select<{ name: string; value: unknown; block_number: number }[]>`
    SELECT DISTINCT ON (name) name, value, block_number FROM hyperparameter_changes
     WHERE netuid = ${netuid} AND block_number >= ${r.registered_block ?? 0}
       AND block_number <= ${r.block_number}
     ORDER BY name, block_number DESC, extrinsic_index DESC, call_index DESC`;
  return {
    ...toSubnet(r),
    moving_price: trimDecimal(r.moving_price),
    alpha_in_emission: r.alpha_in_emission,
    alpha_out_emission: r.alpha_out_emission,
    volume: r.volume,
    identity: r.identity,
    trades_24h: trades[0] ?? { buys: 0, sells: 0, buyers: 0, sellers: 0, tao_bought: "0", tao_sold: "0" },
    hyperparameters: hyper.map((h) => ({ name: h.name, value: h.value, block_number: h.block_number })),
  };
}

/** Whether the subnet has any stored snapshot (series of an unknown subnet are a 404, not an empty list). */
export async function subnetKnown(netuid: number): Promise<boolean> {
  const rows = await select<{ one: number }[]>`
    SELECT 1 AS one FROM pool_snapshots WHERE netuid = ${netuid} LIMIT 1`;
  return rows.length > 0;
}

export type Frequency = "block" | "hour" | "day";

export interface SeriesQuery {
  netuid: number;
  from?: Date;
  to?: Date;
  limit: number;
}

export function timeRange(q: { from?: Date; to?: Date }): Sql {
  return sql`${q.from ? sql`AND b."timestamp" >= ${q.from}` : empty}
             ${q.to ? sql`AND b."timestamp" <= ${q.to}` : empty}`;
}

interface PointRow {
  block_number: number;
  timestamp: Date | null;
  price_rao: string | null;
  tao_in: string | null;
  alpha_in: string | null;
  alpha_out: string | null;
  volume: string | null;
}

/** The newest `limit` points of the range, returned oldest first. */
export async function poolSeries(q: SeriesQuery & { frequency: Frequency }): Promise<PoolPointDto[]> {
  const cols = raw(
    'p.block_number, b."timestamp", p.price_rao::text, p.tao_in::text, p.alpha_in::text, p.alpha_out::text, p.volume::text',
  );
  const unit = raw(q.frequency === "day" ? "'day'" : "'hour'");
  const rows =
    q.frequency === "block"
      ? await select<PointRow[]>`
          SELECT * FROM (
            SELECT ${cols} FROM pool_snapshots p LEFT JOIN blocks b ON b.number = p.block_number
             WHERE p.netuid = ${q.netuid} ${timeRange(q)}
             ORDER BY p.block_number DESC LIMIT ${q.limit}
          ) t ORDER BY block_number`
      : await select<PointRow[]>`
          SELECT block_number, "timestamp", price_rao, tao_in, alpha_in, alpha_out, volume FROM (
            SELECT DISTINCT ON (date_trunc(${unit}, b."timestamp", 'UTC')) ${cols}
              FROM pool_snapshots p JOIN blocks b ON b.number = p.block_number
             WHERE p.netuid = ${q.netuid} AND b."timestamp" IS NOT NULL ${timeRange(q)}
             ORDER BY date_trunc(${unit}, b."timestamp", 'UTC') DESC, p.block_number DESC
             LIMIT ${q.limit}
          ) t ORDER BY block_number`;
  return rows.map((r) => ({
    block_number: r.block_number,
    timestamp: iso(r.timestamp),
    price: r.price_rao,
    tao_in: r.tao_in,
    alpha_in: r.alpha_in,
    alpha_out: r.alpha_out,
    volume: r.volume,
  }));
}

interface EmissionRow {
  bucket: Date | null;
  first_block: number;
  last_block: number;
  snapshots: number;
  tao_in_emission: string | null;
  alpha_in_emission: string | null;
  alpha_out_emission: string | null;
}

/**
 * Per-block emissions summed per bucket: frequency=block gives each stored snapshot's SubnetTaoInEmission,
 * SubnetAlphaInEmission, SubnetAlphaOutEmission; hour/day sum them over the snapshots of each UTC period (exact
 * emission totals where every block is stored, the stored blocks' sum where snapshots are thinned: `snapshots`
 * and the block span say which). The newest `limit` buckets, oldest first.
 */
export async function emissionSeries(q: SeriesQuery & { frequency: Frequency }): Promise<EmissionPointDto[]> {
  const rows =
    q.frequency === "block"
      ? await select<EmissionRow[]>`
          SELECT * FROM (
            SELECT b."timestamp" AS bucket, p.block_number AS first_block, p.block_number AS last_block,
                   1 AS snapshots, p.tao_in_emission::text, p.alpha_in_emission::text,
                   p.alpha_out_emission::text
              FROM pool_snapshots p LEFT JOIN blocks b ON b.number = p.block_number
             WHERE p.netuid = ${q.netuid} ${timeRange(q)}
             ORDER BY p.block_number DESC LIMIT ${q.limit}
          ) t ORDER BY first_block`
      : await select<EmissionRow[]>`
          SELECT * FROM (
            SELECT date_trunc(${raw(q.frequency === "day" ? "'day'" : "'hour'")}, b."timestamp", 'UTC') AS bucket,
                   min(p.block_number) AS first_block, max(p.block_number) AS last_block,
                   count(*)::int AS snapshots, sum(p.tao_in_emission)::text AS tao_in_emission,
                   sum(p.alpha_in_emission)::text AS alpha_in_emission,
                   sum(p.alpha_out_emission)::text AS alpha_out_emission
              FROM pool_snapshots p JOIN blocks b ON b.number = p.block_number
             WHERE p.netuid = ${q.netuid} AND b."timestamp" IS NOT NULL ${timeRange(q)}
             GROUP BY 1 ORDER BY 1 DESC LIMIT ${q.limit}
          ) t ORDER BY bucket`;
  return rows.map((r) => ({
    timestamp: iso(r.bucket),
    first_block: r.first_block,
    last_block: r.last_block,
    snapshots: r.snapshots,
    tao_in_emission: r.tao_in_emission,
    alpha_in_emission: r.alpha_in_emission,
    alpha_out_emission: r.alpha_out_emission,
  }));
}

interface CandleRow {
  bucket: Date;
  first_block: number;
  last_block: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string | null;
}

/**
 * OHLC of the spot price per UTC hour/day from `pool_candles` (kept by the indexer from every snapshot it read);
 * the newest `limit` periods, oldest first. Volume = the cumulative SubnetVolume at the period's last block minus
 * the previous period's (the period's own first value for the first one).
 */
export async function priceCandles(q: SeriesQuery & { frequency: "hour" | "day" }): Promise<CandleDto[]> {
  const range = sql`${q.from ? sql`AND bucket >= date_trunc(${q.frequency}, ${q.from}::timestamptz, 'UTC')` : empty}
                    ${q.to ? sql`AND bucket <= ${q.to}` : empty}`;
  const rows = await select<CandleRow[]>`
    WITH v AS (
      SELECT c.*, coalesce(lag(last_volume) OVER (ORDER BY bucket), first_volume) AS prev_volume
        FROM pool_candles c WHERE netuid = ${q.netuid} AND frequency = ${q.frequency} ${range}
    )
    SELECT * FROM (
      SELECT bucket, first_block, last_block, open::text, high::text, low::text, close::text,
             CASE WHEN last_volume >= prev_volume THEN (last_volume - prev_volume)::text END AS volume
        FROM v ORDER BY bucket DESC LIMIT ${q.limit}
    ) t ORDER BY bucket`;
  return rows.map((r) => ({
    timestamp: r.bucket.toISOString(),
    first_block: r.first_block,
    last_block: r.last_block,
    open: r.open,
    high: r.high,
    low: r.low,
    close: r.close,
    volume: r.volume,
  }));
}

/** The newest stake trades and neuron registrations on a subnet (index-served: (netuid, block_number)). */
export async function subnetActivity(netuid: number, limit: number): Promise<SubnetActivityDto> {
  const [trades, regs] = await Promise.all([
    select<
      {
        block_number: number;
        event_index: number;
        extrinsic_index: number | null;
        timestamp: Date | null;
        action: string;
        coldkey: string | null;
        hotkey: string | null;
        tao: string | null;
        alpha: string | null;
        price_rao: string | null;
      }[]
    >`
      SELECT block_number, event_index, extrinsic_index, "timestamp", action, coldkey, hotkey,
             tao::text, alpha::text, price_rao::text
        FROM stake_trades WHERE netuid = ${netuid}
       ORDER BY block_number DESC, event_index DESC LIMIT ${limit}`,
    select<
      {
        block_number: number;
        event_index: number;
        timestamp: Date | null;
        uid: number | null;
        hotkey: string | null;
        coldkey: string | null;
        cost: string | null;
      }[]
    >`
      SELECT block_number, event_index, "timestamp", uid, hotkey, coldkey, cost::text
        FROM registrations WHERE netuid = ${netuid} AND kind = 'neuron'
       ORDER BY block_number DESC, event_index DESC LIMIT ${limit}`,
  ]);
  return {
    netuid,
    stake_trades: trades.map((t) => ({
      block_number: t.block_number,
      event_index: t.event_index,
      extrinsic_id: t.extrinsic_index === null ? null : `${t.block_number}-${t.extrinsic_index}`,
      timestamp: iso(t.timestamp),
      action: t.action === "stake" ? "stake" : "unstake",
      coldkey: toAddress(t.coldkey),
      hotkey: toAddress(t.hotkey),
      tao: t.tao,
      alpha: t.alpha,
      price: t.price_rao,
    })),
    registrations: regs.map((r) => ({
      block_number: r.block_number,
      event_index: r.event_index,
      timestamp: iso(r.timestamp),
      uid: r.uid,
      hotkey: toAddress(r.hotkey),
      coldkey: toAddress(r.coldkey),
      cost: r.cost,
    })),
  };
}

export interface SparklinePoint {
  timestamp: string;
  /** rao per alpha, decimal string */
  price: string;
}

/**
 * Hourly closing prices (the last snapshot of each UTC hour) over the 7 days before the newest snapshot, of
 * several subnets in one query, for the home page's sparklines. Subnets without snapshots in the window map to
 * an empty list.
 */
export async function subnetSparklines(
  netuids: readonly number[],
): Promise<Record<number, SparklinePoint[]>> {
  const out: Record<number, SparklinePoint[]> = {};
  for (const n of netuids) out[n] = [];
  if (netuids.length === 0) return out;
  // The window as a block range (blocks' timestamp index), so pool_snapshots is read by its (netuid,
  // block_number) key instead of filtering every snapshot of the subnets on a joined timestamp.
  const rows = await select<{ netuid: number; bucket: Date; price_rao: string }[]>`
    WITH w AS MATERIALIZED (
      SELECT (SELECT bb.number FROM blocks bb WHERE bb."timestamp" >= hb."timestamp" - interval '7 days'
               ORDER BY bb."timestamp", bb.number LIMIT 1) AS start_block
        FROM blocks hb WHERE hb.number = (SELECT max(block_number) FROM pool_snapshots)
    )
    SELECT netuid, bucket, price_rao FROM (
      SELECT DISTINCT ON (p.netuid, date_trunc('hour', b."timestamp", 'UTC'))
             p.netuid, date_trunc('hour', b."timestamp", 'UTC') AS bucket, p.price_rao::text AS price_rao
        FROM w JOIN pool_snapshots p ON p.block_number >= w.start_block
        JOIN blocks b ON b.number = p.block_number
       WHERE p.netuid = ANY(${netuids.map(Number)}::int[]) AND p.price_rao IS NOT NULL
         AND b."timestamp" IS NOT NULL
       ORDER BY p.netuid, date_trunc('hour', b."timestamp", 'UTC'), p.block_number DESC
    ) t ORDER BY netuid, bucket`;
  for (const r of rows) out[r.netuid]?.push({ timestamp: r.bucket.toISOString(), price: r.price_rao });
  // A young chain (or subnet) has fewer than two hourly closes: fall back to its stored snapshots, at most
  // SPARK_FINE_ROWS of the newest per subnet, thinned to SPARK_POINTS evenly spaced ones (last kept).
  const sparse = netuids.filter((n) => (out[n]?.length ?? 0) < 2);
  if (sparse.length === 0) return out;
  const fine = await select<{ netuid: number; timestamp: Date; price_rao: string }[]>`
    SELECT netuid, "timestamp", price_rao FROM (
      SELECT p.netuid, b."timestamp", p.price_rao::text AS price_rao, p.block_number,
             row_number() OVER (PARTITION BY p.netuid ORDER BY p.block_number DESC) AS rn
        FROM pool_snapshots p JOIN blocks b ON b.number = p.block_number
       WHERE p.netuid = ANY(${sparse}::int[]) AND p.price_rao IS NOT NULL AND b."timestamp" IS NOT NULL
         AND p.block_number > (SELECT max(block_number) FROM pool_snapshots) - ${SPARK_FINE_ROWS * 2}
    ) t WHERE rn <= ${SPARK_FINE_ROWS} ORDER BY netuid, block_number`;
  const byNetuid = new Map<number, SparklinePoint[]>();
  for (const r of fine) {
    const list = byNetuid.get(r.netuid) ?? [];
    list.push({ timestamp: r.timestamp.toISOString(), price: r.price_rao });
    byNetuid.set(r.netuid, list);
  }
  for (const [netuid, list] of byNetuid) {
    if (list.length < 2) continue;
    const step = Math.ceil(list.length / SPARK_POINTS);
    out[netuid] = list.filter((_, i) => (list.length - 1 - i) % step === 0);
  }
  return out;
}

/** Sparkline fallback bounds: snapshots read per subnet, and points kept (a week of hourly closes). */
const SPARK_FINE_ROWS = 2000;
const SPARK_POINTS = 168;
