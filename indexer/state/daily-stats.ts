// Daily network statistics. Chain totals (issuance, staked, subnets, accounts) are read from storage at the last
// block of each UTC day; activity counts come from our own tables for that day. A day's row is written in the
// same transaction as the block that closes it, and the current day's row is refreshed as blocks arrive.
import type pg from "pg";
import type { Hex, Runtime } from "../decode";
import { decodeStorageValue } from "../decode";
import type { RpcClient } from "../rpc";
import type { IngestedBlock } from "../store/write-blocks";
import { hasStorage, storageKey, storagePrefix } from "./keys";

export interface ChainTotals {
  issuance: string | null;
  staked: string | null;
  subnets: number | null;
  /** Number of System.Account entries; null when not counted (history beyond the recent window). */
  accounts: number | null;
}

export interface DayMark {
  /** YYYY-MM-DD (UTC). */
  day: string;
  blockNumber: number;
  blockHash: Hex;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface PrevBlock {
  number: number;
  hash: Hex;
  ms: number | null;
}

/**
 * Days closed by this batch (the last block before each UTC midnight — possibly `prev`, the block before the
 * batch), plus the day in progress as of the batch's last block.
 */
export function dayMarks(
  blocks: readonly IngestedBlock[],
  prev: PrevBlock | null,
): { closed: DayMark[]; current: DayMark | null } {
  const closed: DayMark[] = [];
  let last: { ms: number; number: number; hash: Hex } | null =
    prev && prev.ms !== null ? { ms: prev.ms, number: prev.number, hash: prev.hash } : null;
  for (const b of blocks) {
    const ms = b.decoded.timestampMs;
    if (ms === null) continue;
    if (last && dayOf(last.ms) !== dayOf(ms))
      closed.push({ day: dayOf(last.ms), blockNumber: last.number, blockHash: last.hash });
    last = { ms, number: b.raw.number, hash: b.raw.hash };
  }
  const current =
    last && blocks.some((b) => b.raw.number === last!.number)
      ? { day: dayOf(last.ms), blockNumber: last.number, blockHash: last.hash }
      : null;
  return { closed, current };
}

async function countKeys(client: RpcClient, prefix: Hex, at: Hex): Promise<number> {
  let count = 0;
  let start: string | null = null;
  for (;;) {
    const page: string[] = await client.call<string[]>("state_getKeysPaged", [prefix, 1000, start, at]);
    count += page.length;
    if (page.length < 1000) return count;
    start = page.at(-1)!;
  }
}

async function readU64(
  client: RpcClient,
  runtime: Runtime,
  section: string,
  method: string,
  at: Hex,
): Promise<string | null> {
  if (!hasStorage(runtime, section, method)) return null;
  const key = storageKey(runtime, section, method);
  const raw = await client.call<Hex | null>("state_getStorage", [key, at]);
  return raw === null ? "0" : String(decodeStorageValue(runtime, key, raw).value);
}

export async function readChainTotals(
  client: RpcClient,
  runtime: Runtime,
  at: Hex,
  countAccounts: boolean,
): Promise<ChainTotals> {
  const [issuance, staked, subnets, accounts] = await Promise.all([
    // Subtensor keeps its own issuance (TAO minted by the coinbase minus recycled); fall back to Balances'.
    readU64(client, runtime, "subtensorModule", "totalIssuance", at).then(
      (v) => v ?? readU64(client, runtime, "balances", "totalIssuance", at),
    ),
    readU64(client, runtime, "subtensorModule", "totalStake", at),
    hasStorage(runtime, "subtensorModule", "networksAdded")
      ? countKeys(client, storagePrefix(runtime, "subtensorModule", "networksAdded"), at)
      : Promise.resolve(null),
    countAccounts
      ? countKeys(client, storagePrefix(runtime, "system", "account"), at)
      : Promise.resolve(null),
  ]);
  return { issuance, staked, subnets, accounts };
}

/** Upserts a day's row from chain totals and the day's activity in our tables (call inside the batch's transaction). */
export async function writeDailyStats(
  client: pg.ClientBase,
  mark: DayMark,
  totals: ChainTotals,
): Promise<void> {
  await client.query(
    `WITH d AS (SELECT $1::date AS day), r AS (SELECT day::timestamptz AS lo, (day + 1)::timestamptz AS hi FROM d),
     b AS (SELECT number FROM blocks, r WHERE "timestamp" >= r.lo AND "timestamp" < r.hi)
     INSERT INTO network_stats_daily (day, block_number, issuance, staked, subnets, accounts, blocks, extrinsics,
                                      signed_extrinsics, events, transfers, transfer_volume, registrations, recycled)
     SELECT d.day, $2, $3::numeric, $4::numeric, $5, $6,
       (SELECT count(*) FROM b),
       (SELECT count(*) FROM extrinsics x WHERE x.block_number IN (SELECT number FROM b)),
       (SELECT count(*) FROM extrinsics x WHERE x.signed AND x.block_number IN (SELECT number FROM b)),
       (SELECT count(*) FROM events e WHERE e.block_number IN (SELECT number FROM b)),
       (SELECT count(*) FROM transfers t, r WHERE t."timestamp" >= r.lo AND t."timestamp" < r.hi),
       (SELECT coalesce(sum(amount), 0) FROM transfers t, r WHERE t."timestamp" >= r.lo AND t."timestamp" < r.hi),
       (SELECT count(*) FROM registrations g, r WHERE g."timestamp" >= r.lo AND g."timestamp" < r.hi),
       (SELECT coalesce(sum(cost), 0) FROM registrations g, r WHERE g."timestamp" >= r.lo AND g."timestamp" < r.hi)
     FROM d
     ON CONFLICT (day) DO UPDATE SET block_number = EXCLUDED.block_number, issuance = EXCLUDED.issuance,
       staked = EXCLUDED.staked, subnets = EXCLUDED.subnets, accounts = coalesce(EXCLUDED.accounts, network_stats_daily.accounts),
       blocks = EXCLUDED.blocks, extrinsics = EXCLUDED.extrinsics, signed_extrinsics = EXCLUDED.signed_extrinsics,
       events = EXCLUDED.events, transfers = EXCLUDED.transfers, transfer_volume = EXCLUDED.transfer_volume,
       registrations = EXCLUDED.registrations, recycled = EXCLUDED.recycled
     WHERE network_stats_daily.block_number <= EXCLUDED.block_number`,
    [mark.day, mark.blockNumber, totals.issuance, totals.staked, totals.subnets, totals.accounts],
  );
}
