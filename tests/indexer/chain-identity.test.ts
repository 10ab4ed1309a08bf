// A database belongs to one chain: the indexer refuses an endpoint with another genesis hash before writing
// anything, so switching SUBTENSOR_URL (devnet → Finney, or another devnet seed) can never mix two chains.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { builtRuntime } from "../../devnet/node/testing/harness";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { ChainMismatchError } from "../../indexer/store/chain-identity";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

describe("chain identity", () => {
  let first: Devnet;
  let second: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    // Another genesis runtime (its code is in the genesis state) gives another genesis hash: another chain.
    first = await startDevnet({ runtimes: [builtRuntime(393)], manual: true, history: 12 });
    second = await startDevnet({ runtimes: [builtRuntime(394)], manual: true, history: 20 });
    database = await freshDatabase();
    pool = testPool(database.url);
  });
  afterAll(async () => {
    await pool?.end();
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  const run = async (devnet: Devnet) => {
    const client = new HttpRpcClient(devnet.httpUrl);
    try {
      await new Indexer({ client, pool, follow: false, batchSize: 10 }).run();
    } finally {
      await client.close();
    }
  };
  const stored = async () =>
    (await pool.query<{ n: string; max: number }>("SELECT count(*) AS n, max(number) AS max FROM blocks"))
      .rows[0];

  it("records the chain on first use and indexes it", async () => {
    await run(first);
    const genesis = first.chain.blockByNumber(0)?.hash;
    const row = (await pool.query("SELECT genesis_hash FROM chain_identity")).rows[0];
    expect(row.genesis_hash).toBe(genesis?.toLowerCase());
    expect(await stored()).toEqual({ n: "13", max: 12 });
  });

  it("refuses another chain and writes nothing", async () => {
    expect(first.chain.blockByNumber(0)?.hash).not.toBe(second.chain.blockByNumber(0)?.hash);
    await expect(run(second)).rejects.toThrow(ChainMismatchError);
    await expect(run(second)).rejects.toThrow(/genesis .* but the endpoint serves/);
    expect(await stored()).toEqual({ n: "13", max: 12 });
  });

  it("keeps indexing the chain it belongs to", async () => {
    first.newBlocks(3);
    await run(first);
    expect(await stored()).toEqual({ n: "16", max: 15 });
  });
});
