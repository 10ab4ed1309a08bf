// Holder scans from a scenario devnet (stake flows, epochs paying dividends): after indexing, every stored stake
// position equals the chain's shares valued with its pool (read independently with @polkadot/api and the BigInt
// reference), account balances equal System.Account at their block, and the holder statistics recomputed here
// (pairwise Gini, sorted tops) match the stored ones.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { concentration, ratioDecimal } from "../../indexer/state/holder-stats";
import { pruneScanHistory, touchedAccounts } from "../../indexer/state/holders";
import { stakeValueU64F64 } from "../../lib/engine/ref/stake";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const HISTORY = 70;
const EVERY = 25;

type Entries = [{ args: Codec[] }, Codec][];

/** Independent Gini: Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n·Σx), truncated to 18 places. */
function pairwiseGini(xs: bigint[]): string | null {
  const n = BigInt(xs.length);
  const total = xs.reduce((s, x) => s + x, 0n);
  if (xs.length === 0 || total === 0n) return null;
  let diff = 0n;
  for (const a of xs) for (const b of xs) diff += a > b ? a - b : b - a;
  return ratioDecimal(diff, 2n * n * total);
}

function expectStats(
  row: {
    holders: number;
    total: string;
    top10: string | null;
    top50: string | null;
    gini: string | null;
    nakamoto: number | null;
  },
  amounts: bigint[],
) {
  const xs = amounts.filter((x) => x > 0n).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = xs.reduce((s, x) => s + x, 0n);
  expect(row.holders).toBe(xs.length);
  expect(row.total).toBe(total.toString());
  const top = (k: number) => xs.slice(0, k).reduce((s, x) => s + x, 0n);
  expect(row.top10).toBe(total > 0n ? ratioDecimal(top(10), total) : null);
  expect(row.top50).toBe(total > 0n ? ratioDecimal(top(50), total) : null);
  expect(row.gini).toBe(pairwiseGini(xs));
  let k = 0;
  while (k < xs.length && 2n * top(k) <= total) k++;
  expect(row.nakamoto).toBe(total > 0n ? k : null);
}

describe("holder scans", () => {
  let devnet: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;
  let api: ApiPromise;
  let scanMs = 0;

  beforeAll(async () => {
    const scenario = await createScenario({
      seed: 7,
      accounts: 150,
      validators: 8,
      owners: 5,
      genesisSubnets: 3,
      tempo: 10,
      upgradeAt: 30,
    });
    devnet = await startDevnet({
      runtimes: scenarioRuntimes(scenario.economyGenesis),
      genesis: scenario.genesis,
      history: HISTORY,
      manual: true,
      beforeBlock: scenario.beforeBlock,
    });
    database = await freshDatabase();
    pool = testPool(database.url);
    const client = new HttpRpcClient(devnet.httpUrl);
    const log = (event: string, fields?: Record<string, unknown>) => {
      if (event === "holders") scanMs = Math.max(scanMs, Number(fields?.ms ?? 0));
    };
    try {
      await new Indexer({
        client,
        pool,
        follow: false,
        batchSize: 16,
        to: 40,
        holders: { every: EVERY },
        log,
      }).run();
      await new Indexer({ client, pool, follow: false, batchSize: 16, holders: { every: EVERY }, log }).run();
      // Three more blocks: caught up but no scan due, so only the accounts their events name are re-read.
      devnet.newBlocks(3);
      await new Indexer({ client, pool, follow: false, batchSize: 16, holders: { every: EVERY }, log }).run();
    } finally {
      await client.close();
    }
    api = await ApiPromise.create({ provider: new WsProvider(devnet.wsUrl), noInitWarn: true });
  }, 180_000);
  afterAll(async () => {
    await api?.disconnect();
    await pool?.end();
    await devnet?.close();
    await database?.drop();
  });

  it("scans at the first batch and then every EVERY blocks once caught up", async () => {
    const scans = await pool.query<{
      block_number: number;
      positions: number;
      accounts: number;
      unvalued: number;
    }>("SELECT block_number, positions, accounts, unvalued FROM holder_scans ORDER BY block_number");
    // First batch 0..15; the first run catches up with its target at 40; the second at the head (70).
    expect(scans.rows.map((r) => r.block_number)).toEqual([15, 40, HISTORY]);
    for (const r of scans.rows) expect(r.unvalued).toBe(0);
    expect(scans.rows.at(-1)!.positions).toBeGreaterThan(20);
    console.log(`holder scan: ${JSON.stringify(scans.rows.at(-1))}, slowest ${scanMs} ms`);
  });

  it("stores every stake position the chain holds, valued exactly", async () => {
    const scanBlock = HISTORY;
    const at = await api.at(await api.rpc.chain.getBlockHash(scanBlock));
    const sm = at.query.subtensorModule as unknown as Record<
      string,
      ((...a: unknown[]) => Promise<Codec>) & { entries: () => Promise<Entries> }
    >;
    const expected = new Map<string, string>();
    for (const [key, value] of await sm.alpha!.entries()) {
      const [hot, cold, netuid] = key.args.map((a) => a.toString());
      const share = BigInt((value.toJSON() as { bits: string | number }).bits);
      const poolValue = BigInt((await sm.totalHotkeyAlpha!(hot, netuid)).toString());
      const denom = BigInt(
        ((await sm.totalHotkeyShares!(hot, netuid)).toJSON() as { bits: string | number }).bits,
      );
      const alpha = stakeValueU64F64(poolValue, share, denom);
      if (alpha > 0n) expected.set(`${cold}:${hot}:${netuid}`, alpha.toString());
    }
    const rows = await pool.query<{
      coldkey: string;
      hotkey: string;
      netuid: number;
      alpha: string;
      block_number: number;
    }>("SELECT coldkey, hotkey, netuid, alpha::text, block_number FROM stake_positions");
    for (const r of rows.rows) expect(r.block_number).toBe(scanBlock);
    const stored = new Map(rows.rows.map((r) => [`${r.coldkey}:${r.hotkey}:${r.netuid}`, r.alpha]));
    expect(stored.size).toBe(expected.size);
    expect(stored).toEqual(expected);
    // Dividends grew pools past their shares: values are not just the share counts.
    expect(new Set(rows.rows.map((r) => r.netuid)).size).toBeGreaterThan(1);
  });

  it("stores balances equal to System.Account at the block each row is as of", async () => {
    const rows = await pool.query<{
      address: string;
      free: string;
      reserved: string;
      frozen: string;
      block_number: number;
    }>(
      "SELECT address, free::text, reserved::text, frozen::text, block_number FROM account_balances ORDER BY address",
    );
    const headAt = await api.at(await api.rpc.chain.getBlockHash(HISTORY + 3));
    const entries = await headAt.query.system.account.entries();
    // Every account that exists at the head has a row; the last batch refreshed the accounts its events named.
    const addresses = new Set(rows.rows.map((r) => r.address));
    for (const [key] of entries) expect(addresses.has(key.args[0]!.toString())).toBe(true);
    expect(rows.rows.filter((r) => r.block_number === HISTORY + 3).length).toBeGreaterThan(0);
    expect(rows.rows.filter((r) => r.block_number === HISTORY).length).toBeGreaterThan(0);
    let nonZero = 0;
    for (const r of rows.rows) {
      const at = await api.at(await api.rpc.chain.getBlockHash(r.block_number));
      const info = await at.query.system.account(r.address);
      expect([r.free, r.reserved, r.frozen]).toEqual([
        info.data.free.toString(),
        info.data.reserved.toString(),
        info.data.frozen.toString(),
      ]);
      if (BigInt(r.free) > 0n) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it("holder statistics match an independent recomputation", async () => {
    const scanBlock = HISTORY;
    const stats = await pool.query<{
      netuid: number;
      holders: number;
      total: string;
      top10: string | null;
      top50: string | null;
      gini: string | null;
      nakamoto: number | null;
    }>(
      `SELECT netuid, holders, total::text, top10_share::text AS top10, top50_share::text AS top50, gini::text, nakamoto
       FROM holder_stats WHERE block_number = $1 ORDER BY netuid`,
      [scanBlock],
    );
    const positions = (
      await pool.query<{ coldkey: string; netuid: number; alpha: string }>(
        "SELECT coldkey, netuid, alpha::text FROM stake_positions",
      )
    ).rows;
    const perSubnet = new Map<number, Map<string, bigint>>();
    for (const p of positions) {
      const m = perSubnet.get(p.netuid) ?? new Map<string, bigint>();
      m.set(p.coldkey, (m.get(p.coldkey) ?? 0n) + BigInt(p.alpha));
      perSubnet.set(p.netuid, m);
    }
    // One row per subnet that exists at the scan block (a pool snapshot), held or not.
    const existing = (
      await pool.query<{ netuid: number }>(
        "SELECT netuid FROM pool_snapshots WHERE block_number = $1 ORDER BY netuid",
        [scanBlock],
      )
    ).rows.map((r) => r.netuid);
    expect(stats.rows.filter((r) => r.netuid >= 0).map((r) => r.netuid)).toEqual(
      [...new Set([...existing, ...perSubnet.keys()])].sort((a, b) => a - b),
    );
    for (const r of stats.rows.filter((x) => x.netuid >= 0))
      expectStats(r, [...(perSubnet.get(r.netuid)?.values() ?? [])]);

    // Network-wide: free + reserved + each position at its subnet's price at the scan block (root 1:1).
    const prices = new Map(
      (
        await pool.query<{ netuid: number; price_rao: string | null }>(
          "SELECT netuid, price_rao::text FROM pool_snapshots WHERE block_number = $1",
          [scanBlock],
        )
      ).rows.map((r) => [r.netuid, r.price_rao === null ? null : BigInt(r.price_rao)]),
    );
    const at = await api.at(await api.rpc.chain.getBlockHash(scanBlock));
    const network = new Map<string, bigint>();
    for (const [key, info] of await at.query.system.account.entries())
      network.set(key.args[0]!.toString(), info.data.free.toBigInt() + info.data.reserved.toBigInt());
    for (const p of positions) {
      const price = p.netuid === 0 ? 1_000_000_000n : prices.get(p.netuid);
      expect(price, `price of ${p.netuid}`).toBeTruthy();
      network.set(p.coldkey, (network.get(p.coldkey) ?? 0n) + (BigInt(p.alpha) * price!) / 1_000_000_000n);
    }
    expectStats(stats.rows.find((r) => r.netuid === -1)!, [...network.values()]);
  });

  it("keeps every balance change it read as history, equal to System.Account at each row's block", async () => {
    const rows = (
      await pool.query<{
        address: string;
        block_number: number;
        free: string;
        reserved: string;
        frozen: string;
      }>(
        `SELECT address, block_number, free::text, reserved::text, frozen::text FROM account_balance_history
         ORDER BY address, block_number`,
      )
    ).rows;
    // Scans at 15, 40 and 70; the caught-up batch at 73 re-read the accounts its events named.
    const blocks = new Set(rows.map((r) => r.block_number));
    expect([...blocks].sort((a, b) => a - b)).toEqual([15, 40, HISTORY, HISTORY + 3]);
    const hashes = new Map<number, string>();
    for (const b of blocks) hashes.set(b, (await api.rpc.chain.getBlockHash(b)).toHex());
    const ats = new Map<number, Awaited<ReturnType<typeof api.at>>>();
    for (const [b, h] of hashes) ats.set(b, await api.at(h));
    let changes = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const info = await ats.get(r.block_number)!.query.system.account(r.address);
      expect([r.free, r.reserved, r.frozen], `${r.address}@${r.block_number}`).toEqual([
        info.data.free.toString(),
        info.data.reserved.toString(),
        info.data.frozen.toString(),
      ]);
      const prev = rows[i - 1];
      if (prev?.address === r.address) {
        // Only changes are kept.
        expect([prev.free, prev.reserved, prev.frozen]).not.toEqual([r.free, r.reserved, r.frozen]);
        changes++;
      }
    }
    expect(changes).toBeGreaterThan(20);
    // The newest history row of each account is its current balance.
    const current = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_balances a
       JOIN LATERAL (SELECT * FROM account_balance_history h WHERE h.address = a.address
                     ORDER BY block_number DESC LIMIT 1) h ON true
       WHERE (h.free, h.reserved, h.frozen) <> (a.free, a.reserved, a.frozen)`,
    );
    expect(current.rows[0]!.n).toBe(0);
  });

  it("stores each coldkey's and hotkey's stake at every scan, equal to the positions and the chain's pools", async () => {
    const scanBlock = HISTORY;
    const positions = (
      await pool.query<{ coldkey: string; hotkey: string; netuid: number; alpha: string }>(
        "SELECT coldkey, hotkey, netuid, alpha::text FROM stake_positions",
      )
    ).rows;
    const prices = new Map(
      (
        await pool.query<{ netuid: number; price_rao: string | null }>(
          "SELECT netuid, price_rao::text FROM pool_snapshots WHERE block_number = $1",
          [scanBlock],
        )
      ).rows.map((r) => [r.netuid, r.price_rao === null ? null : BigInt(r.price_rao)]),
    );
    const value = (netuid: number, alpha: bigint) =>
      netuid === 0 ? alpha : (alpha * prices.get(netuid)!) / 1_000_000_000n;
    const cold = new Map<string, { staked: bigint; positions: number }>();
    const hot = new Map<string, { stake: bigint; stakers: Set<string>; nets: Set<number> }>();
    const perPool = new Map<string, { sum: bigint; n: number }>();
    for (const p of positions) {
      const v = value(p.netuid, BigInt(p.alpha));
      const c = cold.get(p.coldkey) ?? { staked: 0n, positions: 0 };
      c.staked += v;
      c.positions++;
      cold.set(p.coldkey, c);
      const h = hot.get(p.hotkey) ?? { stake: 0n, stakers: new Set(), nets: new Set() };
      h.stake += v;
      h.stakers.add(p.coldkey);
      h.nets.add(p.netuid);
      hot.set(p.hotkey, h);
      const k = `${p.hotkey}:${p.netuid}`;
      const pp = perPool.get(k) ?? { sum: 0n, n: 0 };
      pp.sum += BigInt(p.alpha);
      pp.n++;
      perPool.set(k, pp);
    }
    const coldRows = (
      await pool.query<{ coldkey: string; staked: string; positions: number; unpriced: number }>(
        "SELECT coldkey, staked::text, positions, unpriced FROM account_stake_history WHERE block_number = $1",
        [scanBlock],
      )
    ).rows;
    expect(
      new Map(coldRows.map((r) => [r.coldkey, { staked: BigInt(r.staked), positions: r.positions }])),
    ).toEqual(cold);
    for (const r of coldRows) expect(r.unpriced).toBe(0);
    const hotRows = (
      await pool.query<{ hotkey: string; nominators: number; stake: string; subnets: number }>(
        "SELECT hotkey, nominators, stake::text, subnets FROM hotkey_history WHERE block_number = $1",
        [scanBlock],
      )
    ).rows;
    expect(hotRows.length).toBe(hot.size);
    for (const r of hotRows) {
      const h = hot.get(r.hotkey)!;
      expect([r.nominators, BigInt(r.stake), r.subnets]).toEqual([h.stakers.size, h.stake, h.nets.size]);
    }
    // Against the chain: each hotkey pool's positions add up to its TotalHotkeyAlpha, less one unit of rounding
    // per position at most (each share's value is floored).
    const at = await api.at(await api.rpc.chain.getBlockHash(scanBlock));
    const sm = at.query.subtensorModule as unknown as Record<string, (...a: unknown[]) => Promise<Codec>>;
    for (const [k, pp] of perPool) {
      const [hotkey, netuid] = k.split(":");
      const total = BigInt((await sm.totalHotkeyAlpha!(hotkey, Number(netuid))).toString());
      expect(total - pp.sum >= 0n && total - pp.sum <= BigInt(pp.n), `${k}: ${total} vs ${pp.sum}`).toBe(
        true,
      );
    }
    // Every scan has its rows.
    const scans = await pool.query<{ b: number; c: number; h: number }>(
      `SELECT s.block_number AS b,
              (SELECT count(*)::int FROM account_stake_history x WHERE x.block_number = s.block_number) AS c,
              (SELECT count(*)::int FROM hotkey_history x WHERE x.block_number = s.block_number) AS h
       FROM holder_scans s ORDER BY 1`,
    );
    for (const r of scans.rows) expect(r.c > 0 && r.h > 0, JSON.stringify(r)).toBe(true);
  });

  it("thins per-scan history outside the window to the last scan of each bucket", async () => {
    // Buckets of 50 blocks before 71: scans 15 and 40 share bucket 0 (40 kept), 70 is bucket 1.
    const deleted = await pruneScanHistory(pool, 71, 50);
    expect(deleted).toBeGreaterThan(0);
    const left = await pool.query<{ b: number }>(
      "SELECT DISTINCT block_number AS b FROM account_stake_history ORDER BY 1",
    );
    expect(left.rows.map((r) => r.b)).toEqual([40, HISTORY]);
    const hot = await pool.query<{ b: number }>(
      "SELECT DISTINCT block_number AS b FROM hotkey_history ORDER BY 1",
    );
    expect(hot.rows.map((r) => r.b)).toEqual([40, HISTORY]);
    expect(await pruneScanHistory(pool, 71, 50)).toBe(0);
  });

  it("computes concentration exactly on small cases", () => {
    expect(concentration([])).toMatchObject({ holders: 0, gini: null, nakamoto: null });
    const c = concentration([1n, 1n, 1n, 1n]);
    expect(c.gini).toBe("0.000000000000000000");
    expect(c.nakamoto).toBe(3);
    const d = concentration([0n, 0n, 10n]);
    expect(d).toMatchObject({ holders: 1, total: 10n, top10Share: "1.000000000000000000", nakamoto: 1 });
    expect(concentration([1n, 3n]).gini).toBe(pairwiseGini([1n, 3n]));
  });

  it("re-reads only valid accounts named by Balances/SubtensorModule events", () => {
    const alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    const badChecksum = `${alice.slice(0, -1)}Z`;
    const events = [
      { section: "balances", method: "Transfer", args: { from: alice, to: badChecksum, amount: "5" } },
      { section: "subtensorModule", method: "StakeAdded", args: [bob, alice, "10", "9", 1, "0"] },
      {
        section: "system",
        method: "NewAccount",
        args: { account: "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy" },
      },
    ] as never[];
    expect(touchedAccounts(events).sort()).toEqual([alice, bob].sort());
  });
});
