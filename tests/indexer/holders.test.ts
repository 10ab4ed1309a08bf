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
import { touchedAccounts } from "../../indexer/state/holders";
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
