// Holders: the rich list (coldkeys by free + reserved + staked TAO value), a subnet's alpha holders, and the holder
// statistics each holder scan stored. See README.md "Accounts and holders: methodology".
import type {
  HolderStatsDto,
  HolderStatsHistoryDto,
  RichListDto,
  SubnetHoldersDto,
} from "../api/v1/account-schemas";
import { toAddress } from "../api/v1/address";
import { LATEST_PRICES, ROOT_PRICE, TAO_VALUE } from "./accounts";
import { pagePagination } from "./metagraph";
import { raw, select } from "./sql";

export const HOLDER_ORDER_FIELDS = ["total", "free", "staked"] as const;
export type HolderOrderField = (typeof HOLDER_ORDER_FIELDS)[number];

/** Netuid of the network-wide rows of holder_stats. */
export const NETWORK_NETUID = -1;

interface StatsRow {
  netuid: number;
  block_number: number;
  holders: number;
  total: string;
  top10_share: string | null;
  top50_share: string | null;
  gini: string | null;
  nakamoto: number | null;
}

const STATS_COLUMNS = raw(
  "netuid, block_number, holders, total::text, top10_share::text, top50_share::text, gini::text, nakamoto",
);

const statsDto = (r: StatsRow): HolderStatsDto => ({ ...r });

async function scanBlocks(): Promise<{ scan: number | null; prices: number | null }> {
  const r = await select<{ scan: number | null; prices: number | null }[]>`
    SELECT (SELECT max(block_number) FROM holder_scans) AS scan,
           (SELECT max(block_number) FROM pool_snapshots) AS prices`;
  return r[0] ?? { scan: null, prices: null };
}

/** Latest stored statistics of a netuid (-1: network-wide). */
export async function latestHolderStats(netuid: number): Promise<HolderStatsDto | null> {
  const r = await select<StatsRow[]>`
    SELECT ${STATS_COLUMNS} FROM holder_stats WHERE netuid = ${netuid} ORDER BY block_number DESC LIMIT 1`;
  return r[0] ? statsDto(r[0]) : null;
}

export interface HolderListQuery {
  page: number;
  limit: number;
  field: HolderOrderField;
  dir: "asc" | "desc";
}

export async function listHolders(q: HolderListQuery): Promise<RichListDto> {
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order = raw(`r.${q.field} ${dir}, r.rank`);
  const [rows, blocks, stats] = await Promise.all([
    select<
      {
        rank: string;
        address: string;
        free: string;
        reserved: string;
        staked: string;
        total: string;
        positions: number;
        n: number;
      }[]
    >`
      WITH ${LATEST_PRICES},
      pv AS (SELECT p.coldkey, coalesce(sum(${TAO_VALUE}), 0) AS staked, count(*)::int AS positions
             FROM stake_positions p LEFT JOIN px USING (netuid) GROUP BY p.coldkey),
      h AS (SELECT coalesce(a.address, pv.coldkey) AS address, coalesce(a.free, 0) AS free,
                   coalesce(a.reserved, 0) AS reserved, coalesce(pv.staked, 0) AS staked,
                   coalesce(pv.positions, 0) AS positions
            FROM account_balances a FULL JOIN pv ON pv.coldkey = a.address),
      r AS (SELECT h.*, h.free + h.reserved + h.staked AS total,
                   row_number() OVER (ORDER BY h.free + h.reserved + h.staked DESC, h.address) AS rank
            FROM h WHERE h.free + h.reserved + h.staked > 0)
      SELECT r.rank::text, r.address, r.free::text, r.reserved::text, r.staked::text, r.total::text, r.positions,
             (count(*) OVER ())::int AS n
      FROM r ORDER BY ${order} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    scanBlocks(),
    latestHolderStats(NETWORK_NETUID),
  ]);
  let total = rows[0]?.n;
  if (total === undefined) {
    const t = await select<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT address FROM account_balances WHERE free + reserved > 0
        UNION SELECT coldkey FROM stake_positions WHERE alpha > 0) x`;
    total = t[0]?.n ?? 0;
  }
  return {
    positions_block: blocks.scan,
    price_block: blocks.prices,
    stats,
    pagination: pagePagination(q.page, q.limit, total),
    data: rows.map((r) => ({
      rank: Number(r.rank),
      address: toAddress(r.address)!,
      free: r.free,
      reserved: r.reserved,
      staked: r.staked,
      total: r.total,
      positions: r.positions,
    })),
  };
}

/** A subnet's alpha holders (coldkeys, summed over hotkeys), largest first; null when no scan covers the subnet. */
export async function subnetHolders(q: {
  netuid: number;
  page: number;
  limit: number;
}): Promise<SubnetHoldersDto | null> {
  const [stats, blocks] = await Promise.all([latestHolderStats(q.netuid), scanBlocks()]);
  if (!stats) return null;
  const [rows, price] = await Promise.all([
    select<
      {
        rank: string;
        coldkey: string;
        alpha: string;
        share: string;
        hotkeys: number;
        tao_value: string | null;
      }[]
    >`
      WITH ${LATEST_PRICES},
      c AS (SELECT p.coldkey, sum(p.alpha) AS alpha, count(*)::int AS hotkeys, sum(${TAO_VALUE}) AS tao_value
            FROM stake_positions p LEFT JOIN px USING (netuid)
            WHERE p.netuid = ${q.netuid} AND p.alpha > 0 GROUP BY p.coldkey),
      t AS (SELECT sum(alpha) AS s FROM c)
      SELECT (row_number() OVER (ORDER BY c.alpha DESC, c.coldkey))::text AS rank, c.coldkey, c.alpha::text,
             trunc(c.alpha / t.s, 10)::text AS share, c.hotkeys, c.tao_value::text AS tao_value
      FROM c, t ORDER BY c.alpha DESC, c.coldkey LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    q.netuid === 0
      ? Promise.resolve([{ price: ROOT_PRICE }])
      : select<{ price: string | null }[]>`
          WITH ${LATEST_PRICES} SELECT price_rao::text AS price FROM px WHERE netuid = ${q.netuid}`,
  ]);
  const total = await select<{ n: number }[]>`
    SELECT count(DISTINCT coldkey)::int AS n FROM stake_positions WHERE netuid = ${q.netuid} AND alpha > 0`;
  return {
    netuid: q.netuid,
    positions_block: blocks.scan,
    price_block: blocks.prices,
    price: price[0]?.price ?? null,
    stats,
    pagination: pagePagination(q.page, q.limit, total[0]?.n ?? 0),
    data: rows.map((r) => ({
      rank: Number(r.rank),
      coldkey: toAddress(r.coldkey)!,
      alpha: r.alpha,
      share: r.share,
      hotkeys: r.hotkeys,
      tao_value: r.tao_value,
    })),
  };
}

/** Stored statistics of a netuid (-1: network-wide) over time, newest first; null when there are none. */
export async function holderStatsHistory(q: {
  netuid: number;
  page: number;
  limit: number;
}): Promise<HolderStatsHistoryDto | null> {
  const [rows, count] = await Promise.all([
    select<StatsRow[]>`
      SELECT ${STATS_COLUMNS} FROM holder_stats WHERE netuid = ${q.netuid}
      ORDER BY block_number DESC LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`SELECT count(*)::int AS n FROM holder_stats WHERE netuid = ${q.netuid}`,
  ]);
  const total = count[0]?.n ?? 0;
  if (total === 0) return null;
  return { pagination: pagePagination(q.page, q.limit, total), data: rows.map(statsDto) };
}
