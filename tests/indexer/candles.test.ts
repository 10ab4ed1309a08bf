// Price candles kept at ingest (pool_candles): after indexing a scenario devnet in several batches they equal the
// OHLC recomputed here from every stored pool snapshot, and after a reorg of the unfinalized tip the candles that
// reached the fork are rebuilt from the surviving snapshots plus the new branch — no orphan block in them.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

interface Candle {
  netuid: number;
  frequency: string;
  bucket: string;
  first_block: number;
  last_block: number;
  open: string;
  high: string;
  low: string;
  close: string;
  first_volume: string | null;
  last_volume: string | null;
}

describe("pool candles", () => {
  let devnet: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    const scenario = await createScenario({
      seed: 17,
      accounts: 200,
      validators: 6,
      owners: 4,
      genesisSubnets: 3,
      tempo: 30,
    });
    devnet = await startDevnet({
      runtimes: scenarioRuntimes(scenario.economyGenesis),
      genesis: scenario.genesis,
      history: 40,
      manual: true,
      // Five-minute blocks: 40 blocks span several hourly buckets.
      blockTimeMs: 300_000,
      beforeBlock: scenario.beforeBlock,
    });
    database = await freshDatabase();
    pool = testPool(database.url);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await devnet?.close();
    await database?.drop();
  });

  async function index(): Promise<Indexer> {
    const client = new HttpRpcClient(devnet.httpUrl);
    try {
      // Small batches: hourly buckets are merged across several commits.
      const indexer = new Indexer({
        client,
        pool,
        follow: false,
        batchSize: 7,
        holders: false,
        selfCheck: false,
      });
      await indexer.run();
      return indexer;
    } finally {
      await client.close();
    }
  }

  async function stored(): Promise<Candle[]> {
    const r = await pool.query<Candle>(
      `SELECT netuid, frequency, (extract(epoch FROM bucket) * 1000)::bigint::text AS bucket, first_block, last_block, open::text, high::text, low::text,
              close::text, first_volume::text, last_volume::text
       FROM pool_candles ORDER BY netuid, frequency, bucket`,
    );
    return r.rows;
  }

  async function recomputed(): Promise<Candle[]> {
    const r = await pool.query<{
      netuid: number;
      block_number: number;
      ts: Date;
      price: string;
      volume: string | null;
    }>(
      `SELECT p.netuid, p.block_number, b."timestamp" AS ts, p.price_rao::text AS price, p.volume::text AS volume
       FROM pool_snapshots p JOIN blocks b ON b.number = p.block_number
       WHERE p.price_rao IS NOT NULL AND b."timestamp" IS NOT NULL ORDER BY p.netuid, p.block_number`,
    );
    const out = new Map<string, Candle>();
    for (const s of r.rows)
      for (const [frequency, unit] of [
        ["hour", 3_600_000],
        ["day", 86_400_000],
      ] as const) {
        const bucketMs = Math.floor(s.ts.getTime() / unit) * unit;
        const key = `${s.netuid}/${frequency}/${bucketMs}`;
        const c = out.get(key);
        const price = BigInt(s.price);
        if (!c) {
          out.set(key, {
            netuid: s.netuid,
            frequency,
            bucket: String(bucketMs),
            first_block: s.block_number,
            last_block: s.block_number,
            open: s.price,
            high: s.price,
            low: s.price,
            close: s.price,
            first_volume: s.volume,
            last_volume: s.volume,
          });
        } else {
          c.last_block = s.block_number;
          c.close = s.price;
          c.last_volume = s.volume;
          if (price > BigInt(c.high)) c.high = s.price;
          if (price < BigInt(c.low)) c.low = s.price;
        }
      }
    return [...out.values()];
  }

  async function expectConsistent(): Promise<void> {
    const got = await stored();
    const want = await recomputed();
    expect(got.length).toBe(want.length);
    const byKey = new Map(got.map((c) => [`${c.netuid}/${c.frequency}/${c.bucket}`, c]));
    for (const w of want) {
      const g = byKey.get(`${w.netuid}/${w.frequency}/${w.bucket}`);
      expect(g, `${w.netuid}/${w.frequency}/${new Date(Number(w.bucket)).toISOString()}`).toBeDefined();
      const { bucket: _a, ...gRest } = g!;
      const { bucket: _b, ...wRest } = w;
      expect(gRest).toEqual(wRest);
    }
  }

  it("equals the OHLC of every stored snapshot after batched ingest", async () => {
    await index();
    const candles = await stored();
    expect(candles.filter((c) => c.frequency === "hour").length).toBeGreaterThan(3 * 2);
    // Prices moved within some hour: candles are not flat lines.
    expect(candles.some((c) => c.high !== c.low)).toBe(true);
    await expectConsistent();
  });

  it("rebuilds the candles that reached a reorged tip", async () => {
    devnet.newBlocks(4);
    await index();
    const depth = Math.min(2, devnet.chain.best.number - devnet.chain.finalized.number);
    expect(depth).toBeGreaterThan(0);
    const oldTip = devnet.chain.best;
    devnet.chain.reorg(depth);
    const indexer = await index();
    expect(indexer.reorgs).toBe(1);
    await expectConsistent();
    const beyond = await pool.query("SELECT count(*)::int AS n FROM pool_candles WHERE last_block > $1", [
      devnet.chain.best.number,
    ]);
    expect(beyond.rows[0].n).toBe(0);
    const orphan = await pool.query("SELECT count(*)::int AS n FROM blocks WHERE hash = $1", [oldTip.hash]);
    expect(orphan.rows[0].n).toBe(0);
  });
});
