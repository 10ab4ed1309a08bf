// A database indexed from an in-process economy + scenario devnet (subnets with pools, stake trades,
// registrations, identities, hyperparameter changes), for the /api/v1/subnets suites.
import type pg from "pg";
import { vi } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { db } from "../../lib/db/client";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

export interface SubnetsFixture {
  devnet: Devnet;
  database: TestDatabase;
  pool: pg.Pool;
  head: number;
  close(): Promise<void>;
}

export const SCENARIO_BLOCKS = 60;

export async function indexedScenario(): Promise<SubnetsFixture> {
  const scenario = await createScenario({
    seed: 11,
    accounts: 200,
    validators: 6,
    owners: 6,
    genesisSubnets: 3,
    targetSubnets: 6,
    registrationSpacing: 6,
    tempo: 10,
    hyperparamEvery: 8,
    upgradeAt: 20,
  });
  const devnet = await startDevnet({
    runtimes: scenarioRuntimes(scenario.economyGenesis),
    genesis: scenario.genesis,
    history: SCENARIO_BLOCKS,
    manual: true,
    port: 0,
    beforeBlock: scenario.beforeBlock,
  });
  const database = await freshDatabase();
  const pool = testPool(database.url);
  const client = new HttpRpcClient(devnet.httpUrl);
  try {
    await new Indexer({ client, pool, follow: false, batchSize: 25 }).run();
  } finally {
    await client.close();
  }
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("SUBTENSOR_URL", devnet.httpUrl);
  return {
    devnet,
    database,
    pool,
    head: devnet.chain.best.number,
    async close() {
      await db().$disconnect();
      await closeQueryPool();
      await pool.end();
      await devnet.close();
      await database.drop();
    },
  };
}
