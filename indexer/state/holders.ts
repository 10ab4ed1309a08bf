// Accounts, stake positions and holder statistics read from what the chain stores at one block (a "holder scan"):
// every `System.Account` entry (free, reserved, frozen) and every stake position — the shares a coldkey holds in a
// hotkey's pool on a subnet (`Alpha`, or `AlphaV2` since spec 397), valued with the hotkey's pool
// (`TotalHotkeyAlpha` over `TotalHotkeyShares` / `TotalHotkeySharesV2`) by the engine's exact `stakeValue`.
// Dividends change every position without an event, so the scan is the reconciliation; between scans only the
// balances of accounts named in a block's Balances/SubtensorModule events are refreshed.
import { decodeAddress } from "@polkadot/util-crypto";
import type pg from "pg";
import { loadEngineNode } from "../../lib/engine/node";
import { sfNew } from "../../lib/engine/ref/safefloat";
import type { StakeValueInput } from "../../lib/engine/types";
import { decodeStorageValue, type Hex, type JsonValue, type Runtime } from "../decode";
import type { DecodedEvent } from "../decode/decodeBlock";
import { type RpcClient, unwrapBatch } from "../rpc";
import { type Concentration, concentration } from "./holder-stats";
import { decodeMapKey, hasStorage, storageKey, storagePrefix } from "./keys";
import { readPoolSnapshots } from "./pool-snapshots";

const SM = "subtensorModule";
/** Keys per `state_getKeysPaged` page and per `state_queryStorageAt` slice. */
const PAGE = 1000;
/** Netuid of the network-wide TAO row in `holder_stats` (free + reserved + staked value per coldkey). */
export const NETWORK_NETUID = -1;
const RAO_PER_TAO = 1_000_000_000n;

export interface BalanceRow {
  address: string;
  free: bigint;
  reserved: bigint;
  frozen: bigint;
}

export interface PositionRow {
  hotkey: string;
  coldkey: string;
  netuid: number;
  /** Alpha rao (TAO rao on root). */
  alpha: bigint;
}

export interface HolderStatRow extends Concentration {
  netuid: number;
}

/** A coldkey's stake at a scan: TAO value of its positions at the scan block's prices (root 1:1). */
export interface ColdkeyStakeRow {
  coldkey: string;
  staked: bigint;
  positions: number;
  /** Positions on subnets without a price at the block, left out of `staked`. */
  unpriced: number;
}

/** A hotkey at a scan: distinct coldkeys staking in it and the TAO value of all their positions. */
export interface HotkeyRow {
  hotkey: string;
  nominators: number;
  stake: bigint;
  subnets: number;
  unpriced: number;
}

export interface HolderScan {
  blockNumber: number;
  balances: BalanceRow[];
  positions: PositionRow[];
  stats: HolderStatRow[];
  coldkeys: ColdkeyStakeRow[];
  hotkeys: HotkeyRow[];
  /** Positions whose pool could not be valued (legacy share in a V2 pool or the reverse); left out. */
  unvalued: number;
  durationMs: number;
}

/**
 * Every key under `prefix` at `at`. The key space is split by the first byte after the prefix (the hashed part,
 * evenly spread) so 256 pages go out in one batch instead of one page after another.
 */
export async function scanKeys(client: RpcClient, prefix: Hex, at: Hex): Promise<Hex[]> {
  const out: Hex[] = [];
  let open = Array.from({ length: 256 }, (_, b) => ({
    prefix: `${prefix}${b.toString(16).padStart(2, "0")}` as Hex,
    start: null as string | null,
  }));
  while (open.length > 0) {
    const pages = unwrapBatch(
      await client.batch<Hex[]>(
        open.map((o) => ({ method: "state_getKeysPaged", params: [o.prefix, PAGE, o.start, at] })),
      ),
    );
    const next: typeof open = [];
    pages.forEach((page, i) => {
      out.push(...page);
      if (page.length >= PAGE) next.push({ prefix: open[i]!.prefix, start: page.at(-1)! });
    });
    open = next;
  }
  return out;
}

/** Values of `keys` at `at` (lower-cased key → value hex, absent → missing), in slices batched together. */
export async function queryValues(
  client: RpcClient,
  keys: readonly Hex[],
  at: Hex,
): Promise<Map<string, Hex>> {
  const values = new Map<string, Hex>();
  if (keys.length === 0) return values;
  const calls = [];
  for (let i = 0; i < keys.length; i += PAGE)
    calls.push({ method: "state_queryStorageAt", params: [keys.slice(i, i + PAGE), at] });
  const replies = unwrapBatch(await client.batch<{ changes: [string, Hex | null][] }[]>(calls));
  for (const r of replies)
    for (const [k, v] of r[0]?.changes ?? []) if (v !== null) values.set(k.toLowerCase(), v);
  return values;
}

const big = (v: JsonValue | undefined): bigint =>
  v === null || v === undefined ? 0n : BigInt(typeof v === "number" ? v : String(v));

/** free / reserved / frozen of an `AccountInfo` as decoded (older runtimes split frozen into misc/fee). */
export function accountData(info: JsonValue): Omit<BalanceRow, "address"> {
  const data = (info as { data?: Record<string, JsonValue> } | null)?.data ?? {};
  const frozen =
    data.frozen !== undefined
      ? big(data.frozen)
      : (() => {
          const misc = big(data.miscFrozen ?? data.misc_frozen);
          const fee = big(data.feeFrozen ?? data.fee_frozen);
          // biome-ignore lint/complexity/useMathMinMax: bigint operands (Math.max takes numbers)
          return misc > fee ? misc : fee;
        })();
  return { free: big(data.free), reserved: big(data.reserved), frozen };
}

/** Reads `System.Account` of the given SS58 accounts at a block; accounts without an entry are zero. */
export async function readBalances(
  client: RpcClient,
  runtime: Runtime,
  addresses: readonly string[],
  at: Hex,
): Promise<BalanceRow[]> {
  const keys = addresses.map((a) => storageKey(runtime, "system", "account", a));
  const values = await queryValues(client, keys, at);
  return addresses.map((address, i) => {
    const raw = values.get(keys[i]!.toLowerCase());
    return raw
      ? { address, ...accountData(decodeStorageValue(runtime, keys[i]!, raw).value) }
      : { address, free: 0n, reserved: 0n, frozen: 0n };
  });
}

type Share = { kind: "u64f64"; bits: bigint } | { kind: "safeFloat"; mantissa: bigint; exponent: bigint };

function shareOf(v: JsonValue): Share | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  if ("bits" in v) return { kind: "u64f64", bits: big(v.bits) };
  if ("mantissa" in v) return { kind: "safeFloat", mantissa: big(v.mantissa), exponent: big(v.exponent) };
  return null;
}

/** All of `System.Account` at a block. */
async function scanBalances(client: RpcClient, runtime: Runtime, at: Hex): Promise<BalanceRow[]> {
  const keys = await scanKeys(client, storagePrefix(runtime, "system", "account"), at);
  const values = await queryValues(client, keys, at);
  const out: BalanceRow[] = [];
  for (const key of keys) {
    const raw = values.get(key.toLowerCase());
    if (!raw) continue;
    const [address] = decodeMapKey(runtime, "system", "account", key);
    out.push({ address: String(address), ...accountData(decodeStorageValue(runtime, key, raw).value) });
  }
  return out;
}

/**
 * Every stake position at a block with its alpha value. Per (hot, cold, netuid) the legacy `Alpha` entry is read
 * first and `AlphaV2` otherwise; per (hot, netuid) likewise the legacy denominator first (the chain migrates lazily
 * on write, spec ≥ 397).
 */
async function scanPositions(
  client: RpcClient,
  runtime: Runtime,
  at: Hex,
): Promise<{ positions: PositionRow[]; unvalued: number }> {
  const shareItems = ["alpha", "alphaV2"].filter((m) => hasStorage(runtime, SM, m));
  const shares = new Map<string, { hotkey: string; coldkey: string; netuid: number; share: Share }>();
  for (const item of shareItems) {
    const keys = await scanKeys(client, storagePrefix(runtime, SM, item), at);
    const values = await queryValues(client, keys, at);
    for (const key of keys) {
      const raw = values.get(key.toLowerCase());
      if (!raw) continue;
      const [hot, cold, netuid] = decodeMapKey(runtime, SM, item, key);
      const id = `${hot}:${cold}:${netuid}`;
      // Legacy first: a V2 entry only counts where no legacy entry exists.
      if (shares.has(id)) continue;
      const share = shareOf(decodeStorageValue(runtime, key, raw).value);
      if (share)
        shares.set(id, { hotkey: String(hot), coldkey: String(cold), netuid: Number(netuid), share });
    }
  }
  const pools = new Map<string, { hotkey: string; netuid: number }>();
  for (const s of shares.values())
    pools.set(`${s.hotkey}:${s.netuid}`, { hotkey: s.hotkey, netuid: s.netuid });
  const poolList = [...pools.values()];
  const denomItems = ["totalHotkeyShares", "totalHotkeySharesV2"].filter((m) => hasStorage(runtime, SM, m));
  const valueKeys = poolList.map((p) => storageKey(runtime, SM, "totalHotkeyAlpha", p.hotkey, p.netuid));
  const denomKeys = denomItems.map((item) =>
    poolList.map((p) => storageKey(runtime, SM, item, p.hotkey, p.netuid)),
  );
  const values = await queryValues(client, [...valueKeys, ...denomKeys.flat()], at);
  const pool = new Map<string, { value: bigint; denominator: Share | null }>();
  poolList.forEach((p, i) => {
    const vRaw = values.get(valueKeys[i]!.toLowerCase());
    const value = vRaw ? big(decodeStorageValue(runtime, valueKeys[i]!, vRaw).value) : 0n;
    let denominator: Share | null = null;
    for (const keys of denomKeys) {
      const raw = values.get(keys[i]!.toLowerCase());
      if (raw) {
        denominator = shareOf(decodeStorageValue(runtime, keys[i]!, raw).value);
        break;
      }
    }
    pool.set(`${p.hotkey}:${p.netuid}`, { value, denominator });
  });

  const engine = await loadEngineNode();
  const positions: PositionRow[] = [];
  let unvalued = 0;
  for (const s of shares.values()) {
    const p = pool.get(`${s.hotkey}:${s.netuid}`)!;
    const d = p.denominator;
    let input: StakeValueInput | null = null;
    if (d?.kind === "u64f64" && s.share.kind === "u64f64")
      input = { pool: "u64f64", sharedValue: p.value, share: s.share.bits, denominator: d.bits };
    else if (d?.kind === "safeFloat" && s.share.kind === "safeFloat") {
      const share = sfNew(s.share.mantissa, s.share.exponent);
      const denominator = sfNew(d.mantissa, d.exponent);
      if (share && denominator) input = { pool: "safeFloat", sharedValue: p.value, share, denominator };
    }
    if (!input) {
      unvalued++;
      continue;
    }
    const alpha = engine.stakeValue(input);
    if (alpha > 0n) positions.push({ hotkey: s.hotkey, coldkey: s.coldkey, netuid: s.netuid, alpha });
  }
  return { positions, unvalued };
}

/** Holder statistics: per subnet over coldkeys' summed alpha, and network-wide over free + reserved + staked TAO. */
export function holderStats(
  balances: readonly BalanceRow[],
  positions: readonly PositionRow[],
  priceRao: ReadonlyMap<number, bigint | null>,
): HolderStatRow[] {
  const perSubnet = new Map<number, Map<string, bigint>>();
  const network = new Map<string, bigint>();
  const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
  for (const b of balances) add(network, b.address, b.free + b.reserved);
  for (const p of positions) {
    let m = perSubnet.get(p.netuid);
    if (!m) {
      m = new Map();
      perSubnet.set(p.netuid, m);
    }
    add(m, p.coldkey, p.alpha);
    const tao = taoValue(p.netuid, p.alpha, priceRao.get(p.netuid) ?? null);
    if (tao !== null) add(network, p.coldkey, tao);
  }
  const rows: HolderStatRow[] = [{ netuid: NETWORK_NETUID, ...concentration(network.values()) }];
  // Every subnet that exists at the block (it has a pool), held or not, and any other netuid with positions.
  const netuids = new Set([...priceRao.keys(), ...perSubnet.keys()]);
  for (const n of [...netuids].sort((a, b) => a - b))
    rows.push({ netuid: n, ...concentration(perSubnet.get(n)?.values() ?? []) });
  return rows;
}

/** Per coldkey and per hotkey totals of a scan's positions, valued like the network row of `holderStats`. */
export function stakeTotals(
  positions: readonly PositionRow[],
  priceRao: ReadonlyMap<number, bigint | null>,
): { coldkeys: ColdkeyStakeRow[]; hotkeys: HotkeyRow[] } {
  const cold = new Map<string, ColdkeyStakeRow>();
  const hot = new Map<string, HotkeyRow & { stakers: Set<string>; nets: Set<number> }>();
  for (const p of positions) {
    const tao = taoValue(p.netuid, p.alpha, priceRao.get(p.netuid) ?? null);
    let c = cold.get(p.coldkey);
    if (!c) {
      c = { coldkey: p.coldkey, staked: 0n, positions: 0, unpriced: 0 };
      cold.set(p.coldkey, c);
    }
    let h = hot.get(p.hotkey);
    if (!h) {
      h = {
        hotkey: p.hotkey,
        nominators: 0,
        stake: 0n,
        subnets: 0,
        unpriced: 0,
        stakers: new Set(),
        nets: new Set(),
      };
      hot.set(p.hotkey, h);
    }
    c.positions++;
    h.stakers.add(p.coldkey);
    h.nets.add(p.netuid);
    if (tao === null) {
      c.unpriced++;
      h.unpriced++;
    } else {
      c.staked += tao;
      h.stake += tao;
    }
  }
  return {
    coldkeys: [...cold.values()],
    hotkeys: [...hot.values()].map(({ stakers, nets, ...h }) => ({
      ...h,
      nominators: stakers.size,
      subnets: nets.size,
    })),
  };
}

/** TAO rao of an alpha amount at a price in rao per whole alpha (floored); root is 1:1; null when unpriced. */
export function taoValue(netuid: number, alpha: bigint, priceRao: bigint | null): bigint | null {
  if (netuid === 0) return alpha;
  return priceRao === null ? null : (alpha * priceRao) / RAO_PER_TAO;
}

/** One full scan at a block with its post-state runtime. */
export async function readHolderScan(
  client: RpcClient,
  runtime: Runtime,
  block: { number: number; hash: Hex },
): Promise<HolderScan | null> {
  if (!hasStorage(runtime, "system", "account") || !hasStorage(runtime, SM, "totalHotkeyAlpha")) return null;
  const t0 = Date.now();
  const [balances, { positions, unvalued }, pools] = await Promise.all([
    scanBalances(client, runtime, block.hash),
    scanPositions(client, runtime, block.hash),
    readPoolSnapshots(client, runtime, [block]),
  ]);
  const prices = new Map(pools.map((p) => [p.netuid, p.priceRao === null ? null : BigInt(p.priceRao)]));
  return {
    blockNumber: block.number,
    balances,
    positions,
    stats: holderStats(balances, positions, prices),
    ...stakeTotals(positions, prices),
    unvalued,
    durationMs: Date.now() - t0,
  };
}

/** A valid SS58 of a 32-byte account (checksum verified), so building its storage key cannot throw. */
function isAccount(v: string): boolean {
  try {
    return decodeAddress(v).length === 32;
  } catch {
    return false;
  }
}

/** SS58 accounts named in a block's Balances and SubtensorModule events (whose balances may have changed). */
export function touchedAccounts(events: readonly DecodedEvent[]): string[] {
  const out = new Set<string>();
  const visit = (v: JsonValue) => {
    if (typeof v === "string") {
      // SS58 of a 32-byte account (prefix 42): 47–48 base58 characters.
      if (/^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(v) && isAccount(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  for (const e of events) if (e.section === "balances" || e.section === SM) visit(e.args);
  return [...out];
}

/** Writes a full scan in the batch's transaction: it replaces positions and balances and appends the stats. */
export async function writeHolderScan(client: pg.ClientBase, scan: HolderScan): Promise<void> {
  const b = scan.balances;
  await client.query(
    `INSERT INTO account_balances (address, free, reserved, frozen, block_number)
     SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::numeric[], $5::int[])
     ON CONFLICT (address) DO UPDATE SET free = EXCLUDED.free, reserved = EXCLUDED.reserved,
       frozen = EXCLUDED.frozen, block_number = EXCLUDED.block_number
     WHERE account_balances.block_number <= EXCLUDED.block_number`,
    [
      b.map((x) => x.address),
      b.map((x) => x.free.toString()),
      b.map((x) => x.reserved.toString()),
      b.map((x) => x.frozen.toString()),
      b.map(() => scan.blockNumber),
    ],
  );
  // Reaped accounts: every account in the scan now has block_number ≥ the scan block, so an older row is one
  // the chain no longer stores; its history ends with a zero row.
  const reaped = await client.query<{ address: string }>(
    "DELETE FROM account_balances WHERE block_number < $1 RETURNING address",
    [scan.blockNumber],
  );
  await writeBalanceHistory(client, scan.blockNumber, [
    ...b,
    ...reaped.rows.map((r) => ({ address: r.address, free: 0n, reserved: 0n, frozen: 0n })),
  ]);
  const c = scan.coldkeys;
  await client.query(
    `INSERT INTO account_stake_history (coldkey, block_number, staked, positions, unpriced)
     SELECT u.c, $5, u.s, u.p, u.n FROM unnest($1::text[], $2::numeric[], $3::int[], $4::int[]) AS u(c, s, p, n)
     ON CONFLICT (coldkey, block_number) DO NOTHING`,
    [
      c.map((x) => x.coldkey),
      c.map((x) => x.staked.toString()),
      c.map((x) => x.positions),
      c.map((x) => x.unpriced),
      scan.blockNumber,
    ],
  );
  const h = scan.hotkeys;
  await client.query(
    `INSERT INTO hotkey_history (hotkey, block_number, nominators, stake, subnets, unpriced)
     SELECT u.h, $6, u.n, u.s, u.k, u.x
     FROM unnest($1::text[], $2::int[], $3::numeric[], $4::int[], $5::int[]) AS u(h, n, s, k, x)
     ON CONFLICT (hotkey, block_number) DO NOTHING`,
    [
      h.map((x) => x.hotkey),
      h.map((x) => x.nominators),
      h.map((x) => x.stake.toString()),
      h.map((x) => x.subnets),
      h.map((x) => x.unpriced),
      scan.blockNumber,
    ],
  );
  await client.query("DELETE FROM stake_positions");
  const p = scan.positions;
  await client.query(
    `INSERT INTO stake_positions (coldkey, hotkey, netuid, alpha, block_number)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[], $5::int[])`,
    [
      p.map((x) => x.coldkey),
      p.map((x) => x.hotkey),
      p.map((x) => x.netuid),
      p.map((x) => x.alpha.toString()),
      p.map(() => scan.blockNumber),
    ],
  );
  const s = scan.stats;
  await client.query(
    `INSERT INTO holder_stats (netuid, block_number, holders, total, top10_share, top50_share, gini, nakamoto)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::numeric[], $5::numeric[], $6::numeric[],
                          $7::numeric[], $8::int[])
     ON CONFLICT (netuid, block_number) DO NOTHING`,
    [
      s.map((x) => x.netuid),
      s.map(() => scan.blockNumber),
      s.map((x) => x.holders),
      s.map((x) => x.total.toString()),
      s.map((x) => x.top10Share),
      s.map((x) => x.top50Share),
      s.map((x) => x.gini),
      s.map((x) => x.nakamoto),
    ],
  );
  await client.query(
    `INSERT INTO holder_scans (block_number, accounts, positions, unvalued, duration_ms)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (block_number) DO NOTHING`,
    [scan.blockNumber, b.length, p.length, scan.unvalued, scan.durationMs],
  );
}

/**
 * Appends the balances that differ from the account's previous history row (an account seen for the first time
 * only when it holds something), so the history is every change the indexer observed, at the block it read.
 */
export async function writeBalanceHistory(
  client: pg.ClientBase,
  blockNumber: number,
  rows: readonly BalanceRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO account_balance_history (address, block_number, free, reserved, frozen)
     SELECT u.a, $5, u.f, u.r, u.z
     FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::numeric[]) AS u(a, f, r, z)
     LEFT JOIN LATERAL (
       SELECT h.free, h.reserved, h.frozen FROM account_balance_history h
       WHERE h.address = u.a AND h.block_number <= $5 ORDER BY h.block_number DESC LIMIT 1
     ) prev ON true
     WHERE CASE WHEN prev.free IS NULL THEN (u.f, u.r, u.z) <> (0, 0, 0)
                ELSE (prev.free, prev.reserved, prev.frozen) <> (u.f, u.r, u.z) END
     ON CONFLICT (address, block_number) DO UPDATE
       SET free = EXCLUDED.free, reserved = EXCLUDED.reserved, frozen = EXCLUDED.frozen`,
    [
      rows.map((x) => x.address),
      rows.map((x) => x.free.toString()),
      rows.map((x) => x.reserved.toString()),
      rows.map((x) => x.frozen.toString()),
      blockNumber,
    ],
  );
}

/**
 * Thins the per-scan stake and hotkey history before `before` to the last scan of each `every`-block bucket
 * (whole scans, so a coldkey's value at a kept scan is never stale). Balance history is change-only and kept.
 */
export async function pruneScanHistory(pool: pg.Pool, before: number, every: number): Promise<number> {
  let n = 0;
  for (const table of ["account_stake_history", "hotkey_history"]) {
    const r = await pool.query(
      `DELETE FROM ${table} WHERE block_number < $1 AND block_number NOT IN (
         SELECT max(block_number) FROM holder_scans WHERE block_number < $1 GROUP BY block_number / $2)`,
      [before, every],
    );
    n += r.rowCount ?? 0;
  }
  return n;
}

/** Upserts balances read between scans (never over a newer value) and appends their changes to the history. */
export async function writeBalances(
  client: pg.ClientBase,
  blockNumber: number,
  rows: readonly BalanceRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await writeBalanceHistory(client, blockNumber, rows);
  await client.query(
    `INSERT INTO account_balances (address, free, reserved, frozen, block_number)
     SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::numeric[], $5::int[])
     ON CONFLICT (address) DO UPDATE SET free = EXCLUDED.free, reserved = EXCLUDED.reserved,
       frozen = EXCLUDED.frozen, block_number = EXCLUDED.block_number
     WHERE account_balances.block_number <= EXCLUDED.block_number`,
    [
      rows.map((x) => x.address),
      rows.map((x) => x.free.toString()),
      rows.map((x) => x.reserved.toString()),
      rows.map((x) => x.frozen.toString()),
      rows.map(() => blockNumber),
    ],
  );
}

/** Block of the latest stored scan, or null. */
export async function lastHolderScan(pool: pg.Pool): Promise<number | null> {
  const r = await pool.query<{ b: number | null }>("SELECT max(block_number) AS b FROM holder_scans");
  return r.rows[0]?.b ?? null;
}
