// A database indexed from an in-process devnet (our own metadata, no fixture needed) with a few signed balance
// transfers and a failing one, and helpers to call the /api/v1 route handlers directly.
import { Keyring } from "@polkadot/keyring";
import type pg from "pg";
import { vi } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { makeCall, signCall } from "../../devnet/node/signer";
import { builtRuntime } from "../../devnet/node/testing/harness";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import type { RouteHandler } from "../../lib/api/v1/http/route";
import { db } from "../../lib/db/client";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

export const TRANSFERS = [1_000_000_000_123n, 777_000_000_000n, 5n];
/** More than Bob holds (but a valid u64): pays its fee, is dispatched, then fails. */
export const FAILING_TRANSFER = 18_000_000_000_000_000_000n;

export interface ApiFixture {
  devnet: Devnet;
  database: TestDatabase;
  pool: pg.Pool;
  alice: string;
  bob: string;
  close(): Promise<void>;
}

export async function indexedDevnet(): Promise<ApiFixture> {
  const devnet = await startDevnet({ runtimes: [builtRuntime(393)], manual: true, history: 30, port: 0 });
  const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
  const alice = keyring.addFromUri("//Alice");
  const bob = keyring.addFromUri("//Bob");
  const chain = devnet.chain;
  for (const amount of TRANSFERS) {
    chain.submit(
      signCall(chain, alice, makeCall(chain, "Balances", "transfer_keep_alive", [bob.address, amount])),
    );
    devnet.newBlocks(1);
  }
  chain.submit(
    signCall(
      chain,
      bob,
      makeCall(chain, "Balances", "transfer_allow_death", [alice.address, FAILING_TRANSFER]),
    ),
  );
  devnet.newBlocks(6);

  const database = await freshDatabase();
  const pool = testPool(database.url);
  const client = new HttpRpcClient(devnet.httpUrl);
  try {
    await new Indexer({ client, pool, follow: false, batchSize: 25 }).run();
  } finally {
    await client.close();
  }
  // The route handlers read DATABASE_URL through lib/config on first use; this suite's process uses only this DB.
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("SUBTENSOR_URL", devnet.httpUrl);
  return {
    devnet,
    database,
    pool,
    alice: alice.address,
    bob: bob.address,
    async close() {
      // The handlers' pools first: dropping the database terminates its connections otherwise.
      await db().$disconnect();
      await closeQueryPool();
      await pool.end();
      await devnet.close();
      await database.drop();
    },
  };
}

export const BASE = "http://taoview.test/api/v1";

/** Calls a route handler the way Next.js does: a Request, and the path parameters as a promise. */
export function call(
  handler: RouteHandler,
  pathAndQuery: string,
  opts: { params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Response> {
  return handler(new Request(`${BASE}${pathAndQuery}`, { headers: opts.headers }), {
    params: Promise.resolve(opts.params ?? {}),
  });
}
