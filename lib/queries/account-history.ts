// Balance and stake history of an account, and a hotkey's nominator and stake history, from the indexer's
// history tables: `account_balance_history` (every balance change the indexer read: touched accounts between
// holder scans, every account at a scan) and the per-scan `account_stake_history` / `hotkey_history` (thinned
// outside the recent window to the last scan of each 7,200 blocks). Methodology in README.md ("Account history").
import type { AccountHistoryPointDto, HotkeyHistoryPointDto } from "../api/v1/account-schemas";
import { iso, raw, type Sql, select, sql } from "./sql";
import { type Frequency, timeRange } from "./subnets";

export interface HistoryQuery {
  frequency: Frequency;
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * Scans whose stake history is kept. Every scan writes a row for every coldkey with a position and every hotkey
 * with a staker, so absence at a kept scan means nothing staked then.
 */
const KEPT_SCANS = (table: string) =>
  sql`kept AS (
    SELECT hs.block_number FROM holder_scans hs
    WHERE EXISTS (SELECT 1 FROM ${raw(table)} x WHERE x.block_number = hs.block_number))`;

/** The newest `limit` points of `pts` in the window (all, or the last of each UTC hour/day), oldest first. */
function sampled(q: HistoryQuery): Sql {
  const unit = raw(q.frequency === "day" ? "'day'" : "'hour'");
  return q.frequency === "block"
    ? sql`s AS (
        SELECT * FROM (
          SELECT pts.block_number, b."timestamp" FROM pts JOIN blocks b ON b.number = pts.block_number
          WHERE true ${timeRange(q)} ORDER BY pts.block_number DESC LIMIT ${q.limit}) t)`
    : sql`s AS (
        SELECT * FROM (
          SELECT DISTINCT ON (date_trunc(${unit}, b."timestamp", 'UTC')) pts.block_number, b."timestamp"
          FROM pts JOIN blocks b ON b.number = pts.block_number
          WHERE b."timestamp" IS NOT NULL ${timeRange(q)}
          ORDER BY date_trunc(${unit}, b."timestamp", 'UTC') DESC, pts.block_number DESC
          LIMIT ${q.limit}) t)`;
}

interface AccountRow {
  block_number: number;
  timestamp: Date | null;
  free: string | null;
  reserved: string | null;
  frozen: string | null;
  scan_block: number | null;
  staked: string | null;
  positions: number | null;
  unpriced: number | null;
}

/**
 * Points: each block where the account's balance changed, and each kept scan from the account's first appearance
 * on. At each point: the balance as last read at or before it, and the stake of the newest kept scan at or before
 * it (0 when the coldkey had no position at that scan, null before any scan).
 */
export async function accountHistory(address: string, q: HistoryQuery): Promise<AccountHistoryPointDto[]> {
  const rows = await select<AccountRow[]>`
    WITH ${KEPT_SCANS("account_stake_history")},
    first AS (
      SELECT least((SELECT min(block_number) FROM account_balance_history WHERE address = ${address}),
                   (SELECT min(block_number) FROM account_stake_history WHERE coldkey = ${address})) AS b),
    pts AS (
      SELECT block_number FROM account_balance_history WHERE address = ${address}
      UNION SELECT k.block_number FROM kept k, first f WHERE k.block_number >= f.b),
    ${sampled(q)}
    SELECT s.block_number, s."timestamp", bal.free::text, bal.reserved::text, bal.frozen::text,
           sc.b AS scan_block, st.staked::text, st.positions, st.unpriced
    FROM s
    LEFT JOIN LATERAL (
      SELECT h.free, h.reserved, h.frozen FROM account_balance_history h
      WHERE h.address = ${address} AND h.block_number <= s.block_number
      ORDER BY h.block_number DESC LIMIT 1) bal ON true
    LEFT JOIN LATERAL (SELECT max(k.block_number) AS b FROM kept k WHERE k.block_number <= s.block_number) sc ON true
    LEFT JOIN account_stake_history st ON st.coldkey = ${address} AND st.block_number = sc.b
    ORDER BY s.block_number`;
  return rows.map((r) => {
    const free = r.free ?? "0";
    const reserved = r.reserved ?? "0";
    const staked = r.scan_block === null ? null : (r.staked ?? "0");
    return {
      block_number: r.block_number,
      timestamp: iso(r.timestamp),
      free,
      reserved,
      frozen: r.frozen ?? "0",
      staked,
      stake_block: r.scan_block,
      positions: r.scan_block === null ? null : (r.positions ?? 0),
      unpriced_positions: r.scan_block === null ? null : (r.unpriced ?? 0),
      total: (BigInt(free) + BigInt(reserved) + BigInt(staked ?? "0")).toString(),
    };
  });
}

/**
 * Whether the indexer knows the address the way /accounts/{address} does: a balance or stake (now or in the
 * history), or a hotkey role (staked on, or a UID in a metagraph). A pure hotkey has an empty history, not a 404.
 */
export async function accountHistoryKnown(address: string): Promise<boolean> {
  const rows = await select<{ k: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM account_balance_history WHERE address = ${address})
        OR EXISTS (SELECT 1 FROM account_stake_history WHERE coldkey = ${address})
        OR EXISTS (SELECT 1 FROM account_balances WHERE address = ${address})
        OR EXISTS (SELECT 1 FROM stake_positions WHERE hotkey = ${address})
        OR EXISTS (SELECT 1 FROM metagraph_neurons WHERE hotkey = ${address}) AS k`;
  return rows[0]?.k ?? false;
}

interface HotkeyRow {
  block_number: number;
  timestamp: Date | null;
  nominators: number | null;
  stake: string | null;
  subnets: number | null;
  unpriced: number | null;
}

/** A hotkey at each kept scan from its first stake on: nominators and the TAO value staked in it. */
export async function hotkeyHistory(hotkey: string, q: HistoryQuery): Promise<HotkeyHistoryPointDto[]> {
  const rows = await select<HotkeyRow[]>`
    WITH ${KEPT_SCANS("hotkey_history")},
    pts AS (
      SELECT k.block_number FROM kept k
      WHERE k.block_number >= (SELECT min(block_number) FROM hotkey_history WHERE hotkey = ${hotkey})),
    ${sampled(q)}
    SELECT s.block_number, s."timestamp", h.nominators, h.stake::text, h.subnets, h.unpriced
    FROM s LEFT JOIN hotkey_history h ON h.hotkey = ${hotkey} AND h.block_number = s.block_number
    ORDER BY s.block_number`;
  return rows.map((r) => ({
    block_number: r.block_number,
    timestamp: iso(r.timestamp),
    nominators: r.nominators ?? 0,
    stake: r.stake ?? "0",
    subnets: r.subnets ?? 0,
    unpriced_positions: r.unpriced ?? 0,
  }));
}
